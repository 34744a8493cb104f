import { expect } from 'chai';
import {
  ConfigError,
  commonSchema,
  csv,
  DEVELOPMENT_SECRETS,
  loadConfig,
  refuseDevelopmentSecrets,
  z,
} from '../../src';

const schema = z
  .object({ ...commonSchema, API_KEY: z.string().optional(), TOKENS: csv().optional() })
  .superRefine(refuseDevelopmentSecrets(['API_KEY', 'TOKENS']));

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('development secrets', () => {
  it('when NODE_ENV is production and a secret is a published development value, then start-up fails naming it', () => {
    for (const secret of DEVELOPMENT_SECRETS) {
      const problems = problemsOf({ NODE_ENV: 'production', API_KEY: secret, TOKENS: `real-one,${secret}` });
      expect(
        problems.map((p) => p.split(':')[0]),
        secret,
      ).to.deep.equal(['API_KEY', 'TOKENS']);
      expect(problems.join('\n')).to.include('development value').and.not.include(secret);
    }
  });

  it('when NODE_ENV is development or test, then the development values are accepted', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(
        problemsOf({ NODE_ENV, API_KEY: DEVELOPMENT_SECRETS[0], TOKENS: DEVELOPMENT_SECRETS[1] }),
      ).to.deep.equal([]);
    }
  });

  it('when NODE_ENV is production and the secrets are real or unset, then nothing is refused here', () => {
    expect(problemsOf({ NODE_ENV: 'production', API_KEY: 'sk_9f2c1e', TOKENS: 'a1b2,c3d4' })).to.deep.equal(
      [],
    );
    expect(problemsOf({ NODE_ENV: 'production' })).to.deep.equal([]);
  });
});
