// Part 3 of bench/entitlements: expiring a team of N members with RevenueCat limited to R calls/s.
// team-service and entitlement-service run as processes (node dist/main.js); the emulator runs here, with its
// v1 rate limit at R/s. The clock starts at the SyncCustomer that makes the expiry known and stops when the
// N-th "access ended" change is on Kafka. Ideal: N / R seconds; fixed 0.5 s spacing: N × 0.5 seconds.
import path from 'node:path';
import kafkajs from 'kafkajs';
import { TOKEN, entitlementClient, serviceEnv, teamClient } from './service-env.mjs';
import { log, root, round, startProcess, waitUntilReady } from './processes.mjs';

const unary = (client, method, request) =>
  new Promise((resolve, reject) =>
    client[method](request, { deadline: Date.now() + 30_000 }, (error, response) =>
      error ? reject(error) : resolve(response),
    ),
  );

/** As an app would: SyncCustomer again while team-service answers UNAVAILABLE (it applies idempotently). */
async function syncCustomer(client, userId) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await unary(client, 'SyncCustomer', { userId });
    } catch (error) {
      if (error.code !== 14 || attempt >= 5) throw error;
      log(`fan-out: SyncCustomer: ${error.details}; again`);
    }
  }
}

async function pool(items, concurrency, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function measureFanOut({ settings, run, catalogFile, emulator }) {
  const members = settings.fanOutMembers;
  const rate = settings.fanOutRate;
  emulator.faults.clear();
  const topics = {
    webhooks: `bench.fan.rc-webhooks.${run}`,
    changes: `bench.fan.ent-changes.${run}`,
    teamEvents: `bench.fan.team-events.${run}`,
    memberGrants: `bench.fan.member-grants.${run}`,
  };
  const db = new URL(settings.mongoUri);
  db.pathname = `/bench_fan_teams_${run}`;
  const team = await startProcess(
    path.join(root, 'services/team-service/dist/main.js'),
    {
      NODE_ENV: 'production',
      // The local stack has one broker: production's 3 replicas cannot be created there (docs/adr/0023).
      TOPIC_REPLICATION_FACTOR: '1',
      TOPIC_MIN_INSYNC_REPLICAS: '1',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      MONGODB_URI: db.toString(),
      KAFKA_BROKERS: settings.brokers.join(','),
      TEAM_EVENTS_TOPIC: topics.teamEvents,
      MEMBER_GRANTS_TOPIC: topics.memberGrants,
      MEMBER_GRANTS_PARTITIONS: '12',
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE: catalogFile,
      OUTBOX_POLL_INTERVAL_MS: '500',
    },
    (line) => (line.msg === 'team-service started' ? line : undefined),
  );
  await waitUntilReady(team.info.adminPort, 'team-service');
  const service = await startProcess(
    path.join(root, 'services/entitlement-service/dist/main.js'),
    serviceEnv({
      settings,
      run: `${run}fan`,
      topics,
      catalogFile,
      emulatorUrl: emulator.url,
      ratePerSecond: rate,
      teamServiceAddr: `127.0.0.1:${team.info.port}`,
      // Applying an expiry to a 1,000-member roster takes team-service seconds on FerretDB.
      extra: { MEMBER_GRANTS_CONCURRENCY: '12', TEAM_SERVICE_DEADLINE_MS: '30000' },
    }),
    (line) => (line.msg === 'entitlement-service ready' ? line : undefined),
  );
  await waitUntilReady(service.info.adminPort, 'entitlement-service');
  const ent = entitlementClient(`127.0.0.1:${service.info.port}`);
  const teams = teamClient(`127.0.0.1:${team.info.port}`, TOKEN);

  // Ended-access events of the members, as they reach Kafka.
  const kafka = new kafkajs.Kafka({ brokers: settings.brokers, clientId: `bench-fan-${run}`, logLevel: 0 });
  const consumer = kafka.consumer({ groupId: `bench-fan-${run}`, maxWaitTimeInMs: 50 });
  const granted = new Set();
  const ended = new Map();
  await consumer.connect();
  await consumer.subscribe({ topic: topics.changes, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const change = JSON.parse(message.value.toString());
      if (!change.data.userId.includes('-member-') || change.data.entitlement !== 'pro') return;
      if (change.data.active) granted.add(change.data.userId);
      else if (!ended.has(change.data.userId)) ended.set(change.data.userId, performance.now());
    },
  });

  const owner = `bench-${run}-owner`;
  emulator.service.storeAction('purchase', { appUserId: owner, productId: 'team_bench_monthly' });
  const synced = await syncCustomer(ent, owner);
  const teamId = synced.teamIds[0];
  const ids = Array.from({ length: members }, (_, i) => `bench-${run}-member-${i}`);
  log(`fan-out: adding ${members} members to team ${teamId} (grants at ${rate}/s)`);
  await pool(ids, 8, (userId) => unary(teams, 'AddMember', { teamId, userId, actorUserId: owner }));
  const setupDeadline = Date.now() + (members / rate) * 1000 * 3 + 120_000;
  while (granted.size < members && Date.now() < setupDeadline) await new Promise((r) => setTimeout(r, 250));
  log(`fan-out: ${granted.size} members granted; expiring the plan`);

  emulator.service.storeAction('expire', { appUserId: owner, productId: 'team_bench_monthly' });
  const started = performance.now();
  await syncCustomer(ent, owner);
  const syncS = round((performance.now() - started) / 1000, 2);
  const deadline = Date.now() + (members / rate) * 1000 * 5 + 60_000;
  while (ended.size < members && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const last = Math.max(...ended.values());
  const first = Math.min(...ended.values());
  const elapsedS = round((last - started) / 1000, 2);
  // How long until the first revoke (the expiry travelling through team-service and its events), and the
  // spread of the revokes themselves, which the rate limiter paces.
  const firstRevokeS = round((first - started) / 1000, 2);
  const revokeSpreadS = round((last - first) / 1000, 2);
  log(
    `fan-out: ${ended.size} of ${members} revoked in ${elapsedS} s (first after ${firstRevokeS} s; SyncCustomer took ${syncS} s)`,
  );

  if (process.env.BENCH_DUMP_METRICS) {
    const text = await fetch(`http://127.0.0.1:${service.info.adminPort}/metrics`).then((r) => r.text());
    log(
      text
        .split('\n')
        .filter((l) =>
          /^(revenuecat_(call_seconds|limiter_wait_seconds)_(sum|count)|revenuecat_calls_total|entitlement_message|grpc_server_handling_seconds_(sum|count))/.test(
            l,
          ),
        )
        .join('\n'),
    );
  }
  await consumer.disconnect();
  ent.close();
  teams.close();
  await service.stop();
  await team.stop();
  return {
    members,
    ratePerSec: rate,
    granted: granted.size,
    revoked: ended.size,
    elapsedS,
    firstRevokeS,
    revokeSpreadS,
    syncS,
    afterApplyS: round(elapsedS - syncS, 2),
    idealS: members / rate,
    fixedSpacingS: members * 0.5,
  };
}
