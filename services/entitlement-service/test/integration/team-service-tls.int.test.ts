import { expect } from 'chai';
import { grpcClientTls } from '@teamseat/config';
import { AppError } from '@teamseat/errors';
import { loadTeamServiceConfig, startTeamService, type RunningTeamService } from '@teamseat/team-service';
import {
  createTestCertificates,
  getInfrastructure,
  randomDatabaseUri,
  randomName,
  type TestCertificates,
} from '@teamseat/testing';
import { createTeamDirectory } from '../../src/adapters/team-service/team-directory';
import { loadEntitlementServiceConfig } from '../../src/config';
import type { TeamProduct } from '../../src/domain/team-product';
import { E2E_CATALOG } from '../support/e2e-harness';
import { CATALOG_FILE, RC_KEY, TOKEN, testLogger } from '../support/service-harness';

const PRODUCT: TeamProduct = {
  ...(E2E_CATALOG.products[2] as Omit<TeamProduct, 'ownerTakesSeat'>),
  ownerTakesSeat: false,
};

describe("entitlement-service's team-service client over mutual TLS (docs/adr/0033)", function () {
  this.timeout(120_000);
  let certificates: TestCertificates;
  let teamService: RunningTeamService;

  /** entitlement-service's own configuration, read as main.ts reads it, pointing at team-service. */
  const entitlementConfig = (env: Record<string, string>) =>
    loadEntitlementServiceConfig({
      REVENUECAT_API_KEY: RC_KEY,
      TEAM_SERVICE_TOKEN: TOKEN,
      INTERNAL_AUTH_TOKENS: TOKEN,
      CATALOG_FILE,
      TEAM_SERVICE_ADDR: `localhost:${teamService.port}`,
      ...env,
    });
  const directoryFor = (env: Record<string, string>) => {
    const config = entitlementConfig(env);
    return createTeamDirectory({
      address: config.TEAM_SERVICE_ADDR,
      token: config.TEAM_SERVICE_TOKEN,
      tls: grpcClientTls('TEAM_SERVICE', config),
      deadlineMs: 5_000,
      now: Date.now,
    });
  };

  before(async () => {
    certificates = createTestCertificates();
    const infra = await getInfrastructure();
    teamService = await startTeamService({
      config: loadTeamServiceConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        ADMIN_PORT: '0',
        MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'tls_teams'),
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        TEAM_EVENTS_TOPIC: randomName('tls-team-events'),
        MEMBER_GRANTS_TOPIC: randomName('tls-member-grants'),
        TOPIC_PARTITIONS: '1',
        MEMBER_GRANTS_PARTITIONS: '1',
        INTERNAL_AUTH_TOKENS: TOKEN,
        DEADLINE_SWEEP_INTERVAL_MS: '0',
        GRPC_SHUTDOWN_GRACE_MS: '500',
        GRPC_TLS_CERT_FILE: certificates.server.cert,
        GRPC_TLS_KEY_FILE: certificates.server.key,
        GRPC_TLS_CLIENT_CA_FILE: certificates.ca,
      }),
      logger: testLogger(),
    });
  });

  after(async () => {
    await teamService?.stop();
    certificates?.remove();
  });

  it('when it trusts the CA and presents its certificate, then it creates and reads a team', async () => {
    const directory = directoryFor({
      TEAM_SERVICE_TLS: 'true',
      TEAM_SERVICE_TLS_CA_FILE: certificates.ca,
      TEAM_SERVICE_TLS_CERT_FILE: certificates.client.cert,
      TEAM_SERVICE_TLS_KEY_FILE: certificates.client.key,
    });
    try {
      const owner = randomName('tls-owner');
      const { team } = await directory.applySubscriptionState({
        subscriberUserId: owner,
        state: {
          product: PRODUCT,
          status: 'active',
          periodEndsAt: Date.now() + 30 * 86_400_000,
          seatLimit: PRODUCT.seats,
          seatPacks: [],
          sourceAtMs: Date.now(),
        },
      });
      expect(team?.teamId).to.be.a('string');
      expect((await directory.getTeam(team!.teamId))?.teamId).to.equal(team!.teamId);
    } finally {
      directory.close();
    }
  });

  it('when it has no client certificate, or speaks plaintext, then the call fails as retriable TEAM_SERVICE_UNAVAILABLE', async () => {
    for (const env of <Array<Record<string, string>>>[
      { TEAM_SERVICE_TLS: 'true', TEAM_SERVICE_TLS_CA_FILE: certificates.ca },
      { TEAM_SERVICE_TLS: 'false' },
    ]) {
      const directory = directoryFor(env);
      try {
        const error = await directory.getTeam('any-team').then(
          () => expect.fail('the call should have been refused'),
          (failure: unknown) => failure,
        );
        expect(error, JSON.stringify(env)).to.be.instanceOf(AppError);
        expect((error as AppError).retriable).to.equal(true);
        expect((error as AppError).reason).to.equal('TEAM_SERVICE_UNAVAILABLE');
      } finally {
        directory.close();
      }
    }
  });
});
