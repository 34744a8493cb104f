// The environment of an entitlement-service process in the benchmark, and a typed-enough client for it.
import grpc from '@grpc/grpc-js';
import grpcPkg from '@teamseat/grpc';

export const TOKEN = 'bench-internal-token';

export function serviceEnv({
  settings,
  run,
  topics,
  catalogFile,
  emulatorUrl,
  ratePerSecond,
  teamServiceAddr = '127.0.0.1:1',
  extra = {},
}) {
  const db = new URL(settings.mongoUri);
  db.pathname = `/bench_ents_${run}_${ratePerSecond}`;
  return {
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
    CONSUMER_GROUP_ID: `bench-ents-${run}-${ratePerSecond}`,
    WEBHOOK_TOPIC: topics.webhooks,
    MEMBER_GRANTS_TOPIC: topics.memberGrants,
    ENTITLEMENT_CHANGES_TOPIC: topics.changes,
    REVENUECAT_API_URL: emulatorUrl,
    REVENUECAT_API_KEY: 'sk_bench',
    REVENUECAT_RATE_PER_SECOND: String(ratePerSecond),
    REVENUECAT_MAX_CONCURRENCY: '64',
    TEAM_SERVICE_ADDR: teamServiceAddr,
    TEAM_SERVICE_TOKEN: TOKEN,
    INTERNAL_AUTH_TOKENS: TOKEN,
    CATALOG_FILE: catalogFile,
    SWEEP_INTERVAL_MS: '0',
    ...extra,
  };
}

const loaded = grpc.loadPackageDefinition(grpcPkg.loadEmbeddedDescriptors());

export function entitlementClient(address, options = {}) {
  return new loaded.teamseat.entitlement.v1.EntitlementService(address, grpc.credentials.createInsecure(), {
    ...options,
    interceptors: [grpcPkg.bearerInterceptor(TOKEN)],
  });
}

export function teamClient(address, token, options = {}) {
  return new loaded.teamseat.team.v1.TeamService(address, grpc.credentials.createInsecure(), {
    ...options,
    interceptors: [grpcPkg.bearerInterceptor(token)],
  });
}
