import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';

// The local stack's FerretDB must answer `_id` lookups from the `_id` index (ADR 0009); unpatched FerretDB v1
// on SQLite scans the table. On a real MongoDB (MONGODB_URI or Docker) the same test checks for no COLLSCAN.
describe('local-stack FerretDB (integration)', function () {
  this.timeout(60_000);
  let client: MongoClient;
  const dbName = `stack_id_index_${randomUUID().slice(0, 8)}`;

  before(async () => {
    client = await MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017');
  });
  after(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  // FerretDB explains only reads with their filter (its update and delete plans show the whole-table read
  // they begin with), so the find stands for all three: they share the one `_id` expression the patch changes.
  it('when a document is looked up by _id, then the plan uses the _id index', async () => {
    const docs = client.db(dbName).collection<{ _id: string; n: number }>('docs');
    await docs.insertMany([...Array(50).keys()].map((n) => ({ _id: `user-${n}`, n })));

    const plan = await client.db(dbName).command({ explain: { find: 'docs', filter: { _id: 'user-7' } } });

    const text = JSON.stringify(plan.queryPlanner);
    if (plan.serverInfo?.ferretdbVersion) expect(text).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
    else expect(text).not.to.contain('COLLSCAN');
    expect(await docs.findOne({ _id: 'user-7' })).to.deep.equal({ _id: 'user-7', n: 7 });
  });
});
