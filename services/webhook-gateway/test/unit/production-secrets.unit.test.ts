import { productionSecretChecks } from '@teamseat/testing';
import { loadGatewayConfig } from '../../src/config';

/** Real-looking values for every secret this service needs in production. */
const REAL = { WEBHOOK_AUTHORIZATION: 'Bearer 7f3a9c' };
const SECRETS = ['WEBHOOK_AUTHORIZATION', 'WEBHOOK_AUTHORIZATION_PREVIOUS'];
const REQUIRED = ['WEBHOOK_AUTHORIZATION'];

const checks = productionSecretChecks({
  load: loadGatewayConfig,
  real: REAL,
  secrets: SECRETS,
  required: REQUIRED,
});

describe('webhook-gateway in production: secrets of its own or no start', () => {
  it('when a secret is one of the development values this repository publishes, then start-up fails naming it', () =>
    checks.refusesPublishedValues());

  it('when a required secret is empty, then start-up fails naming it', () => checks.refusesEmptyRequired());

  it('when every secret is a real value, then it starts; in development the published values start it too', () =>
    checks.startsWithRealValues());
});
