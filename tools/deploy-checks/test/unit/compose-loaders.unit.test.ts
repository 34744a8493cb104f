import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import {
  composeV1Config,
  composeV2Config,
  ensureComposeLoaders,
  type Loaded,
} from '../support/compose-loaders';
import { fromRoot, readText } from '../support/repo';

const FILE = 'docker-compose.yml';
const DEV_ENV = 'deploy/compose/dev.env';
/** Every variable that holds a secret somewhere in docker-compose.yml. */
const SECRETS = [
  'WEBHOOK_AUTHORIZATION',
  'WEBHOOK_AUTHORIZATION_PREVIOUS',
  'INTERNAL_AUTH_TOKENS',
  'APP_AUTH_TOKENS',
  'TEAM_SERVICE_TOKEN',
  'REVENUECAT_API_KEY',
  'EMULATOR_API_KEYS',
];
const APP_SERVICES = ['webhook-gateway', 'team-service', 'entitlement-service'];

const projectOf = (loaded: Loaded) => {
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.project;
};
const environmentOf = (loaded: Loaded, service: string) =>
  projectOf(loaded).services[service]!.environment as Record<string, string | null>;

describe('docker-compose.yml with Compose v1 (Debian 1.29) and v2+ (compose-go)', function () {
  type Local = Record<
    'LOCAL_WEBHOOK_AUTHORIZATION' | 'LOCAL_INTERNAL_TOKEN' | 'LOCAL_APP_TOKEN' | 'LOCAL_REVENUECAT_KEY',
    string
  >;
  let local: Local;

  before(async function () {
    // The first run downloads Debian's .debs and builds the compose-go loader (cached under .local afterwards).
    this.timeout(600_000);
    ensureComposeLoaders();
    local = (await import(pathToFileURL(fromRoot('scripts/local-processes.mjs')).href)) as Local;
  });

  for (const [name, config] of [
    ['v1', composeV1Config],
    ['v2', composeV2Config],
  ] as const) {
    it(`when Compose ${name} loads it without an env file, then services run in production with no secret set`, () => {
      const loaded = config(FILE);
      for (const service of APP_SERVICES) {
        const env = environmentOf(loaded, service);
        expect(env.NODE_ENV, service).to.equal('production');
        for (const key of SECRETS.filter((k) => k in env))
          expect(env[key] ?? '', `${service} ${key}`).to.equal('');
      }
      expect(environmentOf(loaded, 'entitlement-service').REVENUECAT_API_URL).to.equal(
        'https://api.revenuecat.com',
      );
    });

    it(`when Compose ${name} loads it with dev.env, then every service gets the README's local tokens`, () => {
      const loaded = config(FILE, DEV_ENV);
      const gateway = environmentOf(loaded, 'webhook-gateway');
      const team = environmentOf(loaded, 'team-service');
      const entitlement = environmentOf(loaded, 'entitlement-service');
      const emulator = environmentOf(loaded, 'revenuecat-emulator');
      for (const env of [gateway, team, entitlement]) expect(env.NODE_ENV).to.equal('development');
      expect(gateway.WEBHOOK_AUTHORIZATION).to.equal(local.LOCAL_WEBHOOK_AUTHORIZATION);
      expect(emulator.WEBHOOK_AUTHORIZATION).to.equal(local.LOCAL_WEBHOOK_AUTHORIZATION);
      expect(team.INTERNAL_AUTH_TOKENS).to.equal(local.LOCAL_INTERNAL_TOKEN);
      expect(team.APP_AUTH_TOKENS).to.equal(local.LOCAL_APP_TOKEN);
      expect(entitlement.TEAM_SERVICE_TOKEN).to.equal(local.LOCAL_INTERNAL_TOKEN);
      expect(entitlement.INTERNAL_AUTH_TOKENS).to.equal(local.LOCAL_INTERNAL_TOKEN);
      expect(entitlement.REVENUECAT_API_KEY).to.equal(local.LOCAL_REVENUECAT_KEY);
      expect(emulator.EMULATOR_API_KEYS).to.equal(local.LOCAL_REVENUECAT_KEY);
      expect(entitlement.REVENUECAT_API_URL).to.equal('http://revenuecat-emulator:8090');
    });

    it(`when Compose ${name} loads it, then Kafka keeps its log directories in the mounted volume`, () => {
      const kafka = projectOf(config(FILE)).services.kafka!;
      const volumes = (kafka.volumes as Array<string | { target: string }>).map((v) =>
        typeof v === 'string' ? v.split(':')[1] : v.target,
      );
      expect(volumes).to.include(kafka.environment.KAFKA_LOG_DIRS);
    });
  }

  it('when compose-go loads it with dev.env, then the dev profile (the emulator) is on; without, it is off', () => {
    expect(Object.keys(projectOf(composeV2Config(FILE, DEV_ENV)).services)).to.include('revenuecat-emulator');
    expect(Object.keys(projectOf(composeV2Config(FILE)).services)).not.to.include('revenuecat-emulator');
  });

  it('when the README tells how to start Compose, then it names dev.env and its tokens are the local ones', () => {
    const readme = readText('README.md');
    expect(readme).to.include(`docker compose --env-file ${DEV_ENV} up`);
    for (const [key, value] of Object.entries(local).filter(([k]) => k.startsWith('LOCAL_'))) {
      expect(readme, key).to.include(value);
    }
  });

  it('when a file has what v1 refuses (a top-level name) or v2 refuses (a bad condition), then the loader says so', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-loaders-'));
    try {
      const text = readText(FILE);
      writeFileSync(path.join(dir, 'named.yml'), `name: teamseat\n${text}`);
      const v1 = composeV1Config(path.join(dir, 'named.yml'));
      expect(v1.ok).to.equal(false);
      expect(v1.ok ? '' : v1.error).to.include("'name' does not match");
      writeFileSync(path.join(dir, 'happy.yml'), text.replace('service_healthy', 'service_happy'));
      const v2 = composeV2Config(path.join(dir, 'happy.yml'));
      expect(v2.ok).to.equal(false);
      expect(v2.ok ? '' : v2.error).to.include('condition value must be one of');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
