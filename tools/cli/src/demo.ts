import { runDemo } from './demo-story';

// `npm run demo` (with `npm start` running): the addresses and token `npm start` uses, overridable by env.
const env = process.env;
runDemo({
  emulatorUrl: env.DEMO_EMULATOR_URL ?? 'http://127.0.0.1:8090',
  teamServiceAddr: env.DEMO_TEAM_SERVICE_ADDR ?? '127.0.0.1:50051',
  entitlementServiceAddr: env.DEMO_ENTITLEMENT_SERVICE_ADDR ?? '127.0.0.1:50052',
  token: env.DEMO_TOKEN ?? 'local-dev-internal-token',
  productId: env.DEMO_PRODUCT_ID ?? 'team_pro_monthly',
  pauseMs: Number(env.DEMO_PAUSE_MS ?? 1_500),
  print: (line) => console.log(line),
}).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(
      'Is `npm start` running? The demo talks to the emulator (:8090), team-service (:50051) and entitlement-service (:50052).',
    );
    process.exit(1);
  },
);
