// Scratch: where does teams-of-a-user's tail come from? ghz at 500/s against the health check (no database),
// ListTeamsOfUser, and the driver doing the same reads, in turns.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import mongoose from 'mongoose';
import { loadEmbeddedDescriptors } from '@teamseat/grpc';
import { ghz } from '../ghz.mjs';
import { brief, merge, openLoop } from './load.mjs';
import { log, root, startService } from './service.mjs';

const run = randomBytes(4).toString('hex');
const TOKEN = `bench-${run}`;
const serviceDb = `bench_probe_${run}`;
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
const dbUri = (name) => mongoUri.replace(/^(mongodb(\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);
const service = await startService(path.join(root, 'services/team-service/dist/main.js'), {
  NODE_ENV: 'production', TOPIC_REPLICATION_FACTOR: '1', TOPIC_MIN_INSYNC_REPLICAS: '1', LOG_LEVEL: 'warn',
  HOST: '127.0.0.1', PORT: '0', ADMIN_PORT: '0', MONGODB_URI: dbUri(serviceDb),
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  TEAM_EVENTS_TOPIC: `bench.team-events.${run}`, MEMBER_GRANTS_TOPIC: `bench.member-grants.${run}`,
  INTERNAL_AUTH_TOKENS: TOKEN, DEADLINE_SWEEP_INTERVAL_MS: '0', ...JSON.parse(process.env.PROBE_ENV ?? '{}'),
});
const proto = grpc.loadPackageDefinition(loadEmbeddedDescriptors());
const client = new proto.teamseat.team.v1.TeamService(`127.0.0.1:${service.port}`, grpc.credentials.createInsecure());
const md = new grpc.Metadata();
md.set('authorization', `Bearer ${TOKEN}`);
const call = (method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, md, { deadline: Date.now() + 10_000 }, (e, r) => (e ? reject(e) : resolve(r))),
  );
const now = () => ({ seconds: String(Math.floor(Date.now() / 1000)), nanos: 0 });
const teamIds = [];
const owners = Array.from({ length: 20 }, (_, i) => `owner-${run}-${i}`);
for (const owner of owners) {
  const { team } = await call('ApplySubscriptionState', {
    subscriberUserId: owner, productId: 'team_bench', managementEntitlement: 'team_bench_admin', seatLimit: 100_000,
    status: 'TEAM_STATUS_ACTIVE', periodEndsAt: { seconds: String(Math.floor(Date.now() / 1000) + 30 * 86_400), nanos: 0 },
    memberEntitlements: ['pro'], grantMode: 'GRANT_MODE_PERIOD', shrinkPolicy: 'SHRINK_POLICY_BLOCK', sourceEventAt: now(),
  });
  teamIds.push(team.teamId);
}
const readers = [];
await Promise.all(
  Array.from({ length: 8 }, async (_, w) => {
    for (let i = w; i < 550; i += 8) {
      const userId = `m-${run}-${i}`;
      const ks = i < 50 ? [0, 7, 14] : [0];
      for (const k of ks) await call('AddMember', { teamId: teamIds[(i + k) % 20], userId, actorUserId: owners[(i + k) % 20] });
      readers.push(userId);
    }
  }),
);
for (let quiet = 0; quiet < 2; ) {
  await new Promise((r) => setTimeout(r, 500));
  const m = await fetch(`http://127.0.0.1:${service.adminPort}/metrics`).then((res) => res.text());
  quiet = /^team_outbox_teams_queued(\{[^}]*\})? 0$/m.test(m) ? quiet + 1 : 0;
}
log('seeded');
const reader = await mongoose.mongo.MongoClient.connect(dbUri(serviceDb), { maxPoolSize: 16 });
const db = reader.db(serviceDb);
const common = {
  address: `127.0.0.1:${service.port}`, proto: path.join(root, 'proto/teamseat/team/v1/team_service.proto'),
  importPaths: [path.join(root, 'proto')], metadata: { authorization: `Bearer ${TOKEN}` }, ratePerSec: 500, durationS: 4, warmupS: 1,
};
const sides = {
  teamsOfUser: () => ghz({ ...common, call: 'teamseat.team.v1.TeamService.ListTeamsOfUser', data: readers.map((userId) => ({ userId })) }),
  unknownUser: () => ghz({ ...common, call: 'teamseat.team.v1.TeamService.ListTeamsOfUser', data: { userId: `nobody-${run}` } }),
  driverUnderGhz: async () => {
    let d = 0;
    const [, driven] = await Promise.all([
      ghz({ ...common, warmupS: 0, durationS: 6, call: 'teamseat.team.v1.TeamService.ListTeamsOfUser', data: { userId: `nobody-${run}` } }),
      new Promise((r) => setTimeout(r, 1000)).then(() => openLoop({ ratePerSec: 500, durationS: 4, warmupS: 1, invoke: async () => {
        const index = await db.collection('user_teams').findOne({ _id: readers[d++ % readers.length] });
        await Promise.all(Object.keys(index?.teams ?? {}).map((teamId) => db.collection('team_summaries').findOne({ _id: teamId })));
      } })),
    ]);
    return driven;
  },
  driver: () => {
    let d = 0;
    return openLoop({ ratePerSec: 500, durationS: 4, warmupS: 1, invoke: async () => {
      const index = await db.collection('user_teams').findOne({ _id: readers[d++ % readers.length] });
      await Promise.all(Object.keys(index?.teams ?? {}).map((teamId) => db.collection('team_summaries').findOne({ _id: teamId })));
    } });
  },
};
const results = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
for (let r = 0; r < Number(process.env.PROBE_ROUNDS ?? 4); r++) for (const [k, f] of Object.entries(sides)) results[k].push(await f());
for (const [k, runs] of Object.entries(results)) log(k, brief(merge(runs)), runs.map((x) => x.latencyP99Ms));
const metrics = await fetch(`http://127.0.0.1:${service.adminPort}/metrics`).then((res) => res.text());
log(metrics.split('\n').filter((l) => l.includes('ListTeamsOfUser') && l.includes('bucket')).join('\n'));
await reader.db(serviceDb).dropDatabase();
await reader.close();
client.close();
await service.stop();
