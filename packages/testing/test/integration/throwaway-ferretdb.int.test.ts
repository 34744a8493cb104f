import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { startThrowawayFerretDb, type ThrowawayFerretDb } from '../../src';

const client = (uri: string) =>
  new MongoClient(uri, { directConnection: true, serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });

describe('a throwaway FerretDB', function () {
  this.timeout(60_000);
  let db: ThrowawayFerretDb;
  before(async () => {
    db = await startThrowawayFerretDb();
  });
  after(() => db.destroy());

  it('when killed, then it stops answering; when restarted, then it answers on the same port with its data', async () => {
    const writer = client(db.uri);
    await writer
      .db('throwaway_probe')
      .collection('things')
      .insertOne({ _id: 'kept' as never, n: 1 });
    await writer.close();

    await db.kill();
    const down = client(db.uri);
    const error = await down
      .db('admin')
      .command({ ping: 1 })
      .then(
        () => null,
        (e: Error) => e,
      );
    await down.close();
    expect(error, 'a ping to a killed database').to.be.instanceOf(Error);

    await db.restart();
    const reader = client(db.uri);
    const kept = await reader
      .db('throwaway_probe')
      .collection('things')
      .findOne({ _id: 'kept' as never });
    await reader.close();
    expect(kept).to.include({ n: 1 });
  });
});
