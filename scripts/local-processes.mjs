// The processes `npm start` runs and the environment each gets: one place for local ports, tokens and URLs.
export const LOCAL_WEBHOOK_AUTHORIZATION = 'Bearer local-dev-webhook-secret';
export const LOCAL_INTERNAL_TOKEN = 'local-dev-internal-token';
export const LOCAL_APP_TOKEN = 'local-dev-app-token';
export const LOCAL_REVENUECAT_KEY = 'sk_local_emulator_key';

export function localProcesses({
  KAFKA_BROKERS = '127.0.0.1:9092',
  MONGODB_URI = 'mongodb://127.0.0.1:27017',
}) {
  const mongo = (db) => {
    const url = new URL(MONGODB_URI);
    url.pathname = `/${db}`;
    return url.toString();
  };
  const common = { NODE_ENV: 'development', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', KAFKA_BROKERS };
  const catalog = 'config/catalog.sample.yaml';
  return [
    {
      name: 'revenuecat-emulator',
      cwd: 'tools/revenuecat-emulator',
      url: 'http://127.0.0.1:8090 (control API /_emulator/)',
      env: {
        ...common,
        EMULATOR_PORT: '8090',
        EMULATOR_API_KEYS: LOCAL_REVENUECAT_KEY,
        CATALOG_FILE: `../../${catalog}`,
        WEBHOOK_URLS: 'http://127.0.0.1:8080/webhooks/revenuecat',
        WEBHOOK_AUTHORIZATION: LOCAL_WEBHOOK_AUTHORIZATION,
        // RevenueCat retries after 5 to 80 minutes; locally a hundredth of that (3 s to 48 s).
        WEBHOOK_RETRY_SCALE: '0.01',
      },
    },
    {
      name: 'webhook-gateway',
      cwd: 'services/webhook-gateway',
      url: 'http://127.0.0.1:8080/webhooks/revenuecat (admin :9080)',
      env: {
        ...common,
        PORT: '8080',
        ADMIN_PORT: '9080',
        WEBHOOK_AUTHORIZATION: LOCAL_WEBHOOK_AUTHORIZATION,
      },
    },
    {
      name: 'team-service',
      cwd: 'services/team-service',
      url: 'grpc://127.0.0.1:50051 (admin :9081)',
      env: {
        ...common,
        PORT: '50051',
        ADMIN_PORT: '9081',
        MONGODB_URI: mongo('teamseat-team'),
        INTERNAL_AUTH_TOKENS: LOCAL_INTERNAL_TOKEN,
        APP_AUTH_TOKENS: LOCAL_APP_TOKEN,
        CATALOG_FILE: `../../${catalog}`,
      },
    },
    {
      name: 'entitlement-service',
      cwd: 'services/entitlement-service',
      url: 'grpc://127.0.0.1:50052 (admin :9082)',
      env: {
        ...common,
        PORT: '50052',
        ADMIN_PORT: '9082',
        MONGODB_URI: mongo('teamseat-entitlement'),
        INTERNAL_AUTH_TOKENS: LOCAL_INTERNAL_TOKEN,
        TEAM_SERVICE_ADDR: '127.0.0.1:50051',
        TEAM_SERVICE_TOKEN: LOCAL_INTERNAL_TOKEN,
        REVENUECAT_API_URL: 'http://127.0.0.1:8090',
        REVENUECAT_API_KEY: LOCAL_REVENUECAT_KEY,
        CATALOG_FILE: `../../${catalog}`,
      },
    },
  ];
}
