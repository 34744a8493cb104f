import { expect } from 'chai';
import { configSchema as teamConfigSchema, startTeamService } from '@teamseat/team-service';
import {
  consumeMessages,
  getInfrastructure,
  randomDatabaseUri,
  randomName,
  startThrowawayFerretDb,
  waitFor,
  type ThrowawayFerretDb,
} from '@teamseat/testing';
import { metricSum } from '../support/metrics';
import { CATALOG_FILE, call, startHarness, testLogger, type Harness } from '../support/service-harness';

/** Whatever reached the webhook topic's dead-letter topic within a quiet second. */
async function deadLetters(h: Harness) {
  return consumeMessages(h.config.KAFKA_BROKERS, `${h.topics.webhooks}.dlq`, {
    quietMs: 1_000,
    timeoutMs: 10_000,
  }).catch(() => []);
}

const retries = (h: Harness, reason: string) =>
  metricSum(h.service.registry, 'entitlement_message_retries_total', { reason });

describe('webhooks during infrastructure failures (real consumer, Kafka, FerretDB, team-service)', function () {
  this.timeout(120_000);
  let n = 0;
  const user = () => `infra-user-${Date.now()}-${++n}`;

  describe('when the database is gone', () => {
    let database: ThrowawayFerretDb;
    let h: Harness;

    before(async () => {
      database = await startThrowawayFerretDb();
      h = await startHarness({
        emulator: { clock: { startMs: Date.UTC(2031, 0, 1) } },
        env: { MONGODB_URI: `${database.uri}ents_outage` },
      });
    });
    after(async () => {
      await h?.stop();
      await database?.destroy();
    });

    it('when a webhook arrives while nothing listens at the database address, then it waits (retried, not dead-lettered) and lands once the database is back', async () => {
      const id = user();
      await database.kill();
      await h.deliver(
        h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' }),
      );
      await waitFor(async () => (await retries(h, 'DATABASE_UNAVAILABLE')) >= 2, {
        timeoutMs: 30_000,
        description: 'the webhook retried for the database',
      });
      expect(await deadLetters(h)).to.have.length(0);

      await database.restart();
      await waitFor(
        async () =>
          (await call<{ active: boolean }>(h.client, 'CheckAccess', { userId: id, entitlement: 'pro' }))
            .active,
        { timeoutMs: 30_000, description: 'access once the database is back' },
      );
      expect(await deadLetters(h)).to.have.length(0);
    });
  });

  describe('when team-service refuses our token (a rotation half done)', () => {
    let teamService: Awaited<ReturnType<typeof startTeamService>>;
    let h: Harness;

    before(async () => {
      const infra = await getInfrastructure();
      teamService = await startTeamService({
        config: teamConfigSchema.parse({
          HOST: '127.0.0.1',
          PORT: '0',
          ADMIN_PORT: '0',
          MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'infra_teams'),
          KAFKA_BROKERS: infra.kafkaBrokers.join(','),
          TEAM_EVENTS_TOPIC: randomName('infra-team-events'),
          MEMBER_GRANTS_TOPIC: randomName('infra-member-grants'),
          MEMBER_GRANTS_PARTITIONS: '1',
          TOPIC_PARTITIONS: '1',
          // entitlement-service still sends the old token (service-harness TOKEN).
          INTERNAL_AUTH_TOKENS: 'the-new-token',
          APP_AUTH_TOKENS: 'app-token',
          CATALOG_FILE,
          DEADLINE_SWEEP_INTERVAL_MS: '0',
          GRPC_SHUTDOWN_GRACE_MS: '500',
        }),
        logger: testLogger(),
      });
      h = await startHarness({
        emulator: { clock: { startMs: Date.UTC(2031, 0, 1) } },
        env: { TEAM_SERVICE_ADDR: `127.0.0.1:${teamService.port}` },
      });
    });
    after(async () => {
      await h?.stop();
      await teamService?.stop();
    });

    it('when a team purchase needs team-service, then the webhook is retried, counted as a refused token, and not dead-lettered', async () => {
      const manager = user();
      await h.deliver(
        h.emulator.service.storeAction('purchase', { appUserId: manager, productId: 'team_pro_monthly' }),
      );
      await waitFor(async () => (await retries(h, 'TEAM_SERVICE_UNAUTHENTICATED')) >= 2, {
        timeoutMs: 30_000,
        description: 'the webhook retried for the refused token',
      });
      expect(
        await metricSum(h.service.registry, 'entitlement_team_service_unauthenticated_total'),
      ).to.be.greaterThanOrEqual(2);
      expect(await deadLetters(h)).to.have.length(0);
    });
  });
});
