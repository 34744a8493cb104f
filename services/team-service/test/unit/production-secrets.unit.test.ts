import { productionSecretChecks } from '@teamseat/testing';
import { loadTeamServiceConfig } from '../../src/config';

/** Real-looking values for every secret this service needs in production. */
const REAL = { INTERNAL_AUTH_TOKENS: 'c41d8e', APP_AUTH_TOKENS: '9be2f0' };
const SECRETS = ['INTERNAL_AUTH_TOKENS', 'APP_AUTH_TOKENS'];
const REQUIRED = ['INTERNAL_AUTH_TOKENS'];

const checks = productionSecretChecks({
  load: loadTeamServiceConfig,
  real: REAL,
  secrets: SECRETS,
  required: REQUIRED,
});

describe('team-service in production: secrets of its own or no start', () => {
  it('when a secret is one of the development values this repository publishes, then start-up fails naming it', () =>
    checks.refusesPublishedValues());

  it('when a required secret is empty, then start-up fails naming it', () => checks.refusesEmptyRequired());

  it('when every secret is a real value, then it starts; in development the published values start it too', () =>
    checks.startsWithRealValues());
});
