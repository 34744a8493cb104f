import { productionSecretChecks } from '@teamseat/testing';
import { loadEntitlementServiceConfig } from '../../src/config';

/** Real-looking values for every secret this service needs in production. */
const REAL = {
  REVENUECAT_API_KEY: 'sk_5d0a7b',
  TEAM_SERVICE_TOKEN: 'c41d8e',
  INTERNAL_AUTH_TOKENS: 'e6f1a2',
  CATALOG_FILE: '/etc/teamseat/catalog.yaml',
};
const SECRETS = ['REVENUECAT_API_KEY', 'REVENUECAT_V2_API_KEY', 'TEAM_SERVICE_TOKEN', 'INTERNAL_AUTH_TOKENS'];
const REQUIRED = ['REVENUECAT_API_KEY', 'TEAM_SERVICE_TOKEN', 'INTERNAL_AUTH_TOKENS'];

const checks = productionSecretChecks({
  load: loadEntitlementServiceConfig,
  real: REAL,
  secrets: SECRETS,
  required: REQUIRED,
});

describe('entitlement-service in production: secrets of its own or no start', () => {
  it('when a secret is one of the development values this repository publishes, then start-up fails naming it', () =>
    checks.refusesPublishedValues());

  it('when a required secret is empty, then start-up fails naming it', () => checks.refusesEmptyRequired());

  it('when every secret is a real value, then it starts; in development the published values start it too', () =>
    checks.startsWithRealValues());
});
