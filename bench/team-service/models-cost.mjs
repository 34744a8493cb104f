// What team-service's mongoose models cost (ADR 0017), measured in this one process against the same
// database and connection pool as the driver alone, so gRPC, ghz and a second process are not in the figures:
//  1. the read behind ListTeamsOfUser (the user's view document, then each of the user's team summaries, by
//     `_id`) through the models (lean) and with the driver, in turns at a fixed rate (open loop);
//  2. client CPU per such read (process.cpuUsage over sequential reads), with hydrated documents as a third
//     side, to show what `.lean()` saves;
//  3. client CPU per roster write (the repository's versioned replace, which validates the team and the
//     entries it adds or changes, and casts the update) against the same updateOne with the driver, by
//     roster size; and what mongoose's update validators would cost instead (they grow with the square of
//     the roster).
// Usage: npm run build, then node bench/team-service/models-cost.mjs
// Settings: MONGODB_URI, BENCH_READ_RATE (500), BENCH_READ_SECONDS (16), BENCH_ROUNDS (4),
// BENCH_CPU_READS (3000). Prints { name, metrics, baseline, ratios } as the last line of stdout.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { alternate, brief, openLoop, round } from './load.mjs';
import { log, root } from './service.mjs';

const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(root, 'services/team-service/dist', file));
const { createMongoConnections } = dist('adapters/database/mongo-connections.js');
const { createTeamViews } = dist('adapters/database/team-views.js');
const { createTeamRepository } = dist('adapters/database/team-repository.js');
const { outboxGroup, toDocumentFields } = dist('adapters/database/team-document.js');
const { provisionTeam } = dist('domain/subscription-decisions.js');
const { memberAdded } = dist('domain/team-events.js');

const settings = {
  mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
  rate: Number(process.env.BENCH_READ_RATE ?? 500),
  seconds: Number(process.env.BENCH_READ_SECONDS ?? 16),
  rounds: Number(process.env.BENCH_ROUNDS ?? 4),
  cpuReads: Number(process.env.BENCH_CPU_READS ?? 3000),
};
const run = randomBytes(4).toString('hex');
const dbName = `bench_team_reads_${run}`;
const uri = settings.mongoUri.replace(/^(mongodb(\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${dbName}`);
const silent = { child: () => silent, warn() {}, info() {}, error() {}, debug() {} };
const mongo = await createMongoConnections({
  uri,
  defaultDatabase: dbName,
  writePoolSize: 1,
  readPoolSize: 16,
  logger: silent,
});
const views = createTeamViews(mongo);
const db = mongo.reads.db;

// The shape of bench/team-service/run.mjs: 20 teams, 500 users on one team and 50 on three.
const now = new Date();
const ctx = { now, newId: randomUUID, newSecret: () => 'unused' };
const teams = Array.from(
  { length: 20 },
  (_, i) =>
    provisionTeam(
      {
        subscriberUserId: `owner-${run}-${i}`,
        managementEntitlement: 'team_bench_admin',
        subscriptionGroup: 'team_bench_admin',
        productId: 'team_bench',
        status: 'active',
        periodEndsAt: new Date(now.getTime() + 30 * 86_400_000),
        seatLimit: 100_000,
        memberEntitlements: ['pro'],
        grantMode: 'period',
        shrinkPolicy: 'block',
        ownerTakesSeat: false,
        adminChoiceGraceHours: 72,
        sourceEventAt: now,
        rosterRetentionDays: 0,
      },
      randomUUID(),
      ctx,
    ).next,
);
const member = (userId) => ({
  userId,
  role: 'member',
  addedAt: now,
  addedBy: 'owner',
  holdsSeat: true,
  inviteId: null,
});
const single = Array.from({ length: 500 }, (_, i) => `member-${run}-${i}`);
const multi = Array.from({ length: 50 }, (_, i) => `multi-${run}-${i}`);
single.forEach((userId, i) => teams[i % teams.length].members.push(member(userId)));
multi.forEach((userId, i) => {
  for (let k = 0; k < 3; k++) teams[(i + k * 7) % teams.length].members.push(member(userId));
});
for (const team of teams) {
  await views.refresh(
    team,
    team.members.map((m) => m.userId),
  );
}
const readers = [...multi, ...single];
log(`seeded ${teams.length} teams, ${readers.length} users`);

let next = 0;
const reader = () => readers[next++ % readers.length];
const { userTeams, summaries } = mongo.reads;
const sides = {
  // The models, lean: plain objects, no hydration.
  models: async (userId) => {
    const index = await userTeams.findOne({ _id: userId }).lean().exec();
    await Promise.all(
      Object.keys(index?.teams ?? {}).map((teamId) => summaries.findOne({ _id: teamId }).lean().exec()),
    );
  },
  // bench/team-service/run.mjs's direct side, on the same pool.
  driver: async (userId) => {
    const index = await db.collection('user_teams').findOne({ _id: userId });
    await Promise.all(
      Object.keys(index?.teams ?? {}).map((teamId) =>
        db.collection('team_summaries').findOne({ _id: teamId }),
      ),
    );
  },
  // The same models without .lean(): every document hydrated.
  hydrated: async (userId) => {
    const index = await userTeams.findOne({ _id: userId }).exec();
    await Promise.all(
      [...(index?.teams?.keys() ?? [])].map((teamId) => summaries.findOne({ _id: teamId }).exec()),
    );
  },
};

// 1. Latency at a fixed rate, in turns.
const slice = settings.seconds / settings.rounds;
log(`${settings.rounds} × ${slice} s each side at ${settings.rate}/s`);
const [models, driver] = await alternate(
  settings.rounds,
  () =>
    openLoop({
      ratePerSec: settings.rate,
      durationS: slice,
      warmupS: 0.5,
      invoke: () => sides.models(reader()),
    }),
  () =>
    openLoop({
      ratePerSec: settings.rate,
      durationS: slice,
      warmupS: 0.5,
      invoke: () => sides.driver(reader()),
    }),
);
log('models (lean)', brief(models));
log('driver', brief(driver));

// 2. Client CPU per read, sequential, in blocks taken in turns.
const cpu = { models: [0, 0], driver: [0, 0], hydrated: [0, 0] };
const block = 250;
for (let done = 0; done < settings.cpuReads; done += block) {
  for (const [name, read] of Object.entries(sides)) {
    const started = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < block; i++) await read(reader());
    const used = process.cpuUsage(started);
    cpu[name][0] += used.user + used.system;
    cpu[name][1] += (performance.now() - wall) * 1000;
  }
}
const perRead = Object.fromEntries(
  Object.entries(cpu).map(([name, [micros, wallMicros]]) => [
    name,
    { cpuUs: round(micros / settings.cpuReads, 1), wallUs: round(wallMicros / settings.cpuReads, 1) },
  ]),
);
log('per sequential read', perRead);

// 3. Client CPU per roster write, by roster size: the FerretDB process's own work is not in these figures.
const repository = createTeamRepository({ ...mongo, now: () => now, newId: randomUUID });
const meta = { causationId: null, traceparent: null };
const cpuOf = async (times, write) => {
  const started = process.cpuUsage();
  for (let i = 0; i < times; i++) await write(i);
  const used = process.cpuUsage(started);
  return round((used.user + used.system) / times / 1000, 2);
};
const writes = {};
for (const size of [10, 100, 1000, 5000]) {
  const team = { ...teams[0], teamId: randomUUID(), members: [...teams[0].members.slice(0, 1)] };
  for (let i = 0; i < size; i++) team.members.push(member(`roster-${size}-${i}`));
  const events = [memberAdded(team, team.members[1])];
  const grants = { roster: false, userIds: [] };
  await repository.insert(team, events, grants, meta);
  const times = size >= 1000 ? 5 : 40;
  // Version after version of the same team: through the repository with the roster unchanged (a renewal:
  // only the team's own fields are validated), with every entry new (all validated), then with the driver.
  let current = team;
  const replace = async (change = {}) => {
    const next = { ...current, version: current.version + 1, ...change };
    if (!(await repository.replace(current, next, events, grants, meta))) throw new Error('replace failed');
    current = next;
  };
  await cpuOf(3, () => replace());
  const steady = await cpuOf(times, () => replace());
  const fresh = await cpuOf(times, () => replace({ members: current.members.map((m) => ({ ...m })) }));
  const driverTeams = db.collection('teams');
  const driverCpu = await cpuOf(times, async () => {
    const next = { ...current, version: current.version + 1 };
    const { key, group } = outboxGroup(events, grants, meta, { now, newId: randomUUID });
    const { _id, subscriptionStateAt, ...fields } = toDocumentFields(next);
    const result = await driverTeams.updateOne(
      { _id, version: current.version },
      {
        $set: { ...fields, [`outbox.${key}`]: group },
        $inc: { outboxCount: 1 },
        $max: { subscriptionStateAt },
      },
    );
    if (result.modifiedCount !== 1) throw new Error('driver replace failed');
    current = next;
  });
  // Update validators on the same $set, with a filter that matches nothing (their cost is before the send).
  const updateValidators =
    size <= 1000
      ? await cpuOf(size >= 1000 ? 1 : 5, async () => {
          const { _id, subscriptionStateAt: _at, ...fields } = toDocumentFields(current);
          await mongo.writes.teams.updateOne({ _id, version: -1 }, { $set: fields }, { runValidators: true });
        })
      : null;
  writes[size] = {
    steadyMs: steady,
    allNewMs: fresh,
    driverMs: driverCpu,
    updateValidatorsMs: updateValidators,
  };
}
log('client CPU per roster write (ms), by members', writes);

await mongo.writes.teams.db.dropDatabase();
await mongo.close();
console.log(
  JSON.stringify({
    name: 'team-service: what the mongoose models cost on the teams-of-a-user read and on roster writes',
    metrics: {
      modelsP50Ms: models.latencyP50Ms,
      modelsP99Ms: models.latencyP99Ms,
      modelsAchievedPerSec: models.achievedPerSec,
      modelsCpuUsPerRead: perRead.models.cpuUs,
      hydratedCpuUsPerRead: perRead.hydrated.cpuUs,
      ...Object.fromEntries(
        Object.entries(writes).flatMap(([size, w]) => [
          [`replaceCpuMsAt${size}Members`, w.steadyMs],
          [`replaceAllEntriesNewCpuMsAt${size}Members`, w.allNewMs],
          ...(w.updateValidatorsMs === null
            ? []
            : [[`updateValidatorsCpuMsAt${size}Members`, w.updateValidatorsMs]]),
        ]),
      ),
    },
    baseline: {
      driverP50Ms: driver.latencyP50Ms,
      driverP99Ms: driver.latencyP99Ms,
      driverAchievedPerSec: driver.achievedPerSec,
      driverCpuUsPerRead: perRead.driver.cpuUs,
      ...Object.fromEntries(
        Object.entries(writes).map(([size, w]) => [`driverReplaceCpuMsAt${size}Members`, w.driverMs]),
      ),
    },
    ratios: {
      modelsP99VsDriver: round(models.latencyP99Ms / driver.latencyP99Ms, 3),
      modelsP50VsDriver: round(models.latencyP50Ms / driver.latencyP50Ms, 3),
      modelsCpuVsDriver: round(perRead.models.cpuUs / perRead.driver.cpuUs, 3),
      hydratedCpuVsDriver: round(perRead.hydrated.cpuUs / perRead.driver.cpuUs, 3),
    },
  }),
);
process.exit(0);
