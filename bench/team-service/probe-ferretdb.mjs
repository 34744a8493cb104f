// What the local database does with the operations team-service relies on (ADR 0004), printed as JSON:
//  - 200 concurrent guarded updates ("seatsAvailable > 0") on one document, over 1 and over 50
//    connections: how many were reported as applied, and what the document says afterwards;
//  - which filters FerretDB pushes down to SQLite (explain) and what a lookup costs by document size.
// Usage: node bench/team-service/probe-ferretdb.mjs   (MONGODB_URI, default mongodb://127.0.0.1:27017)
import mongoose from 'mongoose';

const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
const dbName = `probe_ferretdb_${Date.now()}`;

async function race(poolSize) {
  const client = await mongoose.mongo.MongoClient.connect(uri, { maxPoolSize: poolSize });
  const seats = client.db(dbName).collection(`race_${poolSize}`);
  await seats.insertOne({ _id: 'team', seatsAvailable: 10, memberIds: [] });
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      seats.updateOne(
        { _id: 'team', seatsAvailable: { $gt: 0 }, memberIds: { $ne: `u${i}` } },
        { $inc: { seatsAvailable: -1 }, $push: { memberIds: `u${i}` } },
      ),
    ),
  );
  const doc = await seats.findOne({ _id: 'team' });
  await client.close();
  return {
    connections: poolSize,
    reportedApplied: results.filter((r) => r.modifiedCount === 1).length,
    membersInDocument: doc.memberIds.length,
    seatsAvailableAfter: doc.seatsAvailable,
  };
}

async function lookups() {
  const client = await mongoose.mongo.MongoClient.connect(uri, { maxPoolSize: 1 });
  const teams = client.db(dbName).collection('shapes');
  const member = (i) => ({
    userId: `user-${i}`,
    role: 'member',
    addedAt: new Date(),
    addedBy: 'owner',
    holdsSeat: true,
  });
  const sizes = [0, 10, 100, 1000];
  for (const n of sizes) {
    await teams.insertOne({ _id: `team-${n}`, members: Array.from({ length: n }, (_, i) => member(i)) });
  }
  const explain = async (filter) => (await teams.find(filter).explain()).filterPushdown === true;
  const pushdown = {
    byId: await explain({ _id: 'team-10' }),
    byIdAndField: await explain({ _id: 'team-10', status: 'active' }),
    byScalarField: await explain({ status: 'active' }),
    byArrayElement: await explain({ memberIds: 'user-1' }),
  };
  const costMs = {};
  for (const n of sizes) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 20; i += 1) await teams.findOne({ _id: `team-${n}` });
    costMs[`findOneWith${n}Members`] = Number(process.hrtime.bigint() - started) / 1e6 / 20;
  }
  await client.close();
  return { pushdown, costMs };
}

const result = { raceForTenSeats: [await race(1), await race(50)], ...(await lookups()) };
const cleanup = await mongoose.mongo.MongoClient.connect(uri);
await cleanup.db(dbName).dropDatabase();
await cleanup.close();
console.log(JSON.stringify(result, null, 2));
