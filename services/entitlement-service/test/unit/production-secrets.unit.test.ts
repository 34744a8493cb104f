import { expect } from 'chai';
import { ConfigError, DEVELOPMENT_SECRETS } from '@teamseat/config';
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

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadEntitlementServiceConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('entitlement-service in production: secrets of its own or no start', () => {
  it('when a secret is one of the development values this repository publishes, then start-up fails naming it', () => {
    for (const key of SECRETS) {
      for (const secret of DEVELOPMENT_SECRETS) {
        const problems = problemsOf({ ...REAL, NODE_ENV: 'production', [key]: secret });
        expect(
          problems.map((p) => p.split(':')[0]),
          `${key}=${secret}`,
        ).to.deep.equal([key]);
        expect(problems[0]).to.include('development value').and.not.include(secret);
      }
    }
  });

  it('when a required secret is empty, then start-up fails naming it', () => {
    for (const key of REQUIRED) {
      const problems = problemsOf({ ...REAL, NODE_ENV: 'production', [key]: '' });
      expect(
        problems.map((p) => p.split(':')[0]),
        key,
      ).to.deep.equal([key]);
    }
  });

  it('when every secret is a real value, then it starts; in development the published values start it too', () => {
    expect(problemsOf({ ...REAL, NODE_ENV: 'production' })).to.deep.equal([]);
    const local = Object.fromEntries(REQUIRED.map((key) => [key, DEVELOPMENT_SECRETS[0]]));
    expect(problemsOf({ ...REAL, ...local, NODE_ENV: 'development' })).to.deep.equal([]);
  });
});
