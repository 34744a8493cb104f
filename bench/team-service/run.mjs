// bench/team-service: team-service over gRPC beside the same MongoDB operations done with the driver, in
// the same run, against the same database server (FerretDB locally):
//  1. AddMember throughput (closed loop), against the guarded single-document update it performs
//     (target: at least 0.5 of the direct rate);
//  2. teams-of-a-user latency at a fixed 500 requests/s, against the same reads done directly and against
//     the same reads behind a bare grpc-js server under the same ghz load (ADR 0031: team-service's own
//     cost is the second ratio); the array query the index avoids is measured too.
// Needs the stack (npm run stack:up) and a build (npm run build). Prints { name, metrics, baseline,
// ratios } as the last line of stdout; progress goes to stderr.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import grpc from '@grpc/grpc-js';
import mongoose from 'mongoose';
import { loadEmbeddedDescriptors } from '@teamseat/grpc';
import { ghz } from '../ghz.mjs';
import { peakRssMetrics, startProcess } from '../processes.mjs';
import { alternate, brief, closedLoop, openLoop } from './load.mjs';
import { log, root, round, startService } from './service.mjs';

const settings = {
  brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
  teams: Number(process.env.BENCH_TEAMS ?? 20),
  rounds: Number(process.env.BENCH_ROUNDS ?? 4),
  addSeconds: Number(process.env.BENCH_ADD_SECONDS ?? 12),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
  readRate: Number(process.env.BENCH_READ_RATE ?? 500),
  readSeconds: Number(process.env.BENCH_READ_SECONDS ?? 16),
  readWarmupS: Number(process.env.BENCH_READ_WARMUP_SECONDS ?? 1),
};
const run = randomBytes(4).toString('hex');
const TOKEN = `bench-${run}`;
const serviceDb = `bench_team_${run}`;
const directDb = `bench_team_direct_${run}`;
const dbUri = (name) => settings.mongoUri.replace(/^(mongodb(\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);

// --- the service, as in production: its own process ----------------------------------------------------------
const service = await startService(path.join(root, 'services/team-service/dist/main.js'), {
  NODE_ENV: 'production',
  // The local stack has one broker: production's 3 replicas cannot be created there (docs/adr/0023).
  TOPIC_REPLICATION_FACTOR: '1',
  TOPIC_MIN_INSYNC_REPLICAS: '1',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  ADMIN_PORT: '0',
  MONGODB_URI: dbUri(serviceDb),
  KAFKA_BROKERS: settings.brokers,
  TEAM_EVENTS_TOPIC: `bench.team-events.${run}`,
  MEMBER_GRANTS_TOPIC: `bench.member-grants.${run}`,
  INTERNAL_AUTH_TOKENS: TOKEN,
  DEADLINE_SWEEP_INTERVAL_MS: '0',
});
const proto = grpc.loadPackageDefinition(loadEmbeddedDescriptors());
const TeamService = proto.teamseat.team.v1.TeamService;
const bearer = (options, next) =>
  new grpc.InterceptingCall(next(options), {
    start: (metadata, listener, go) => {
      metadata.set('authorization', `Bearer ${TOKEN}`);
      go(metadata, listener);
    },
  });
const clients = Array.from(
  { length: 4 },
  (_, i) =>
    new TeamService(`127.0.0.1:${service.port}`, grpc.credentials.createInsecure(), {
      interceptors: [bearer],
      'grpc.use_local_subchannel_pool': 1,
      'bench.channel': i,
    }),
);
const call = (client, method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(error) : resolve(response),
    ),
  );

const now = () => ({ seconds: String(Math.floor(Date.now() / 1000)), nanos: 0 });
const owners = Array.from({ length: settings.teams }, (_, i) => `owner-${run}-${i}`);
const teamIds = [];
for (const owner of owners) {
  const { team } = await call(clients[0], 'ApplySubscriptionState', {
    subscriberUserId: owner,
    productId: 'team_bench',
    managementEntitlement: 'team_bench_admin',
    seatLimit: 100_000,
    status: 'TEAM_STATUS_ACTIVE',
    periodEndsAt: { seconds: String(Math.floor(Date.now() / 1000) + 30 * 86_400), nanos: 0 },
    memberEntitlements: ['pro'],
    grantMode: 'GRANT_MODE_PERIOD',
    shrinkPolicy: 'SHRINK_POLICY_BLOCK',
    sourceEventAt: now(),
  });
  teamIds.push(team.teamId);
}

// --- 1. AddMember, in turns with the same guarded update done directly ------------------------------------
// The direct side: teams of the same shape in another database, one write connection as the service
// uses (on FerretDB 1.x more connections lose updates, ADR 0004), one outbox slot overwritten (the
// service's relay keeps its outbox near empty the same way).
const direct = await mongoose.mongo.MongoClient.connect(settings.mongoUri, { maxPoolSize: 1 });
const directTeams = direct.db(directDb).collection('teams');
const directIds = owners.map(() => randomUUID());
await directTeams.insertMany(
  directIds.map((_id, i) => ({
    _id,
    ownerUserId: owners[i],
    status: 'active',
    seatLimit: 100_000,
    seatsAvailable: 100_000,
    seatsUsed: 0,
    memberCount: 1,
    memberIds: [owners[i]],
    admins: [],
    members: [{ userId: owners[i], role: 'owner', addedAt: new Date(), addedBy: 'system', holdsSeat: false }],
    termsVersion: 1,
    version: 1,
    outbox: {},
    outboxCount: 0,
  })),
);
const slice = settings.addSeconds / settings.rounds;
log(
  `AddMember: ${settings.rounds} × ${slice} s each side, ${settings.concurrency} in flight, ${settings.teams} teams`,
);
let added = 0;
let directAdded = 0;
const members = [];
const [addMember, directAdd] = await alternate(
  settings.rounds,
  () =>
    closedLoop({
      concurrency: settings.concurrency,
      durationS: slice,
      invoke: async (worker) => {
        const i = added++;
        const t = i % settings.teams;
        const userId = `member-${run}-${i}`;
        await call(clients[worker % clients.length], 'AddMember', {
          teamId: teamIds[t],
          userId,
          actorUserId: owners[t],
        });
        members.push(userId);
      },
    }),
  () =>
    closedLoop({
      concurrency: settings.concurrency,
      durationS: slice,
      invoke: async () => {
        const i = directAdded++;
        const t = i % settings.teams;
        const userId = `direct-${run}-${i}`;
        const updated = await directTeams.findOneAndUpdate(
          {
            _id: directIds[t],
            status: 'active',
            seatsAvailable: { $gt: 0 },
            memberIds: { $ne: userId },
            termsVersion: 1,
            ownerUserId: owners[t],
          },
          {
            $push: {
              members: {
                userId,
                role: 'member',
                addedAt: new Date(),
                addedBy: owners[t],
                holdsSeat: true,
                inviteId: null,
              },
              memberIds: userId,
            },
            $inc: { seatsUsed: 1, seatsAvailable: -1, memberCount: 1, version: 1, outboxCount: 1 },
            $set: {
              updatedAt: new Date(),
              'outbox.pending': {
                at: new Date(),
                events: [{ id: randomUUID(), type: 'MemberAdded', data: { userId } }],
              },
            },
          },
          { returnDocument: 'after' },
        );
        if (!updated) throw new Error('guard failed');
      },
    }),
);
log('AddMember', brief(addMember));
log('direct guarded update, 1 connection', brief(directAdd));
await direct.db(directDb).dropDatabase();
await direct.close();

// --- 2. teams of a user at a fixed rate ----------------------------------------------------------------------
// Users on several teams: add 50 of them to 3 teams each.
const multi = Array.from({ length: 50 }, (_, i) => `multi-${run}-${i}`);
for (const [i, userId] of multi.entries()) {
  for (let k = 0; k < 3; k++) {
    const t = (i + k * 7) % settings.teams;
    await call(clients[0], 'AddMember', { teamId: teamIds[t], userId, actorUserId: owners[t] });
  }
}
const readers = [...multi, ...members.slice(0, 500)];
// The reads start once the relay has published the writes above (its queue gauge at 0 twice running), so
// they are measured on their own.
for (let quiet = 0; quiet < 2; ) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const metrics = await fetch(`http://127.0.0.1:${service.adminPort}/metrics`).then((res) => res.text());
  quiet = /^team_outbox_teams_queued(\{[^}]*\})? 0$/m.test(metrics) ? quiet + 1 : 0;
}
const reader = await mongoose.mongo.MongoClient.connect(dbUri(serviceDb), { maxPoolSize: 16 });
const db = reader.db(serviceDb);
const readSlice = settings.readSeconds / settings.rounds;
// The third side: the same reads behind a bare grpc-js server in its own process under the same ghz load, so
// team-service's own cost is told apart from what a load generator and one more process cost on this machine.
const bare = await startProcess(
  path.join(root, 'bench/team-service/bare-reads-server.mjs'),
  { MONGODB_URI: dbUri(serviceDb) },
  (line) => (line.msg === 'bare reads server started' ? line : undefined),
);
log(`ListTeamsOfUser: ${settings.rounds} × ${readSlice} s each side at ${settings.readRate}/s`);
let d = 0;
const readsUnderGhz = (port) =>
  ghz({
    address: `127.0.0.1:${port}`,
    call: 'teamseat.team.v1.TeamService.ListTeamsOfUser',
    proto: path.join(root, 'proto/teamseat/team/v1/team_service.proto'),
    importPaths: [path.join(root, 'proto')],
    metadata: { authorization: `Bearer ${TOKEN}` },
    data: readers.map((userId) => ({ userId })),
    ratePerSec: settings.readRate,
    durationS: readSlice,
    warmupS: settings.readWarmupS,
  });
const [teamsOfUser, directTeamsOfUser, bareTeamsOfUser] = await alternate(
  settings.rounds,
  // The service under ghz (a Go process, paced at the rate), so the figure is the service's and not a
  // Node load generator's; ghz takes the readers in turn.
  () => readsUnderGhz(service.port),
  // The same reads with the driver: the user's view document, then each team's summary, by _id.
  () =>
    openLoop({
      ratePerSec: settings.readRate,
      durationS: readSlice,
      warmupS: settings.readWarmupS,
      invoke: async () => {
        const userId = readers[d++ % readers.length];
        const index = await db.collection('user_teams').findOne({ _id: userId });
        await Promise.all(
          Object.keys(index?.teams ?? {}).map((teamId) =>
            db.collection('team_summaries').findOne({ _id: teamId }),
          ),
        );
      },
    }),
  () => readsUnderGhz(bare.info.port),
);
log('ListTeamsOfUser', brief(teamsOfUser));
log('direct view + summaries by _id', brief(directTeamsOfUser));
log('the same reads behind a bare grpc-js server', brief(bareTeamsOfUser));
await bare.stop();
// What the index avoids: FerretDB answers a query on an array field by reading every team.
let a = 0;
const arrayQuery = await openLoop({
  ratePerSec: 20,
  durationS: 5,
  invoke: () => {
    const userId = readers[a++ % readers.length];
    return db
      .collection('teams')
      .find({ $or: [{ ownerUserId: userId }, { memberIds: userId }] }, { projection: { outbox: 0 } })
      .toArray();
  },
});
log('direct array query (20/s)', brief(arrayQuery));
const usage = await call(clients[0], 'GetSeatUsage', { teamId: teamIds[0] });
for (const client of clients) client.close();
await service.stop();
await db.dropDatabase();
await reader.close();

console.log(
  JSON.stringify({
    name: 'team-service: AddMember and teams-of-a-user over gRPC vs the driver',
    metrics: {
      addMemberPerSec: addMember.callsPerSec,
      addMemberP50Ms: addMember.latencyP50Ms,
      addMemberP99Ms: addMember.latencyP99Ms,
      addMemberErrors: addMember.errors,
      membersPerTeamAtEnd: usage.memberCount,
      teamsOfUserRatePerSec: teamsOfUser.achievedPerSec,
      teamsOfUserP50Ms: teamsOfUser.latencyP50Ms,
      teamsOfUserP99Ms: teamsOfUser.latencyP99Ms,
      teamsOfUserErrors: teamsOfUser.errors,
      ...peakRssMetrics(),
    },
    baseline: {
      directAddPerSec: directAdd.callsPerSec,
      directAddP99Ms: directAdd.latencyP99Ms,
      directTeamsOfUserP50Ms: directTeamsOfUser.latencyP50Ms,
      directTeamsOfUserP99Ms: directTeamsOfUser.latencyP99Ms,
      bareGrpcTeamsOfUserP50Ms: bareTeamsOfUser.latencyP50Ms,
      bareGrpcTeamsOfUserP99Ms: bareTeamsOfUser.latencyP99Ms,
      directArrayQueryP50Ms: arrayQuery.latencyP50Ms,
      directArrayQueryP99Ms: arrayQuery.latencyP99Ms,
    },
    ratios: {
      addMemberVsDirect: round(addMember.callsPerSec / directAdd.callsPerSec, 3),
      teamsOfUserP99VsTarget10Ms: round(teamsOfUser.latencyP99Ms / 10, 3),
      teamsOfUserP99VsDirect: round(teamsOfUser.latencyP99Ms / directTeamsOfUser.latencyP99Ms, 3),
      // team-service's own share of the tail: against the same reads behind a bare server under the same load.
      teamsOfUserP99VsBareGrpc: round(teamsOfUser.latencyP99Ms / bareTeamsOfUser.latencyP99Ms, 3),
    },
  }),
);
process.exit(0);
