import { expect } from 'chai';
import { ConfigError } from '@teamseat/config';
import { DEVELOPMENT_WEBHOOK_AUTHORIZATION, loadGatewayConfig } from '../../src/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return expect.fail('expected a ConfigError');
}

describe('gateway configuration', () => {
  it('when nothing is set, then the documented defaults apply and development uses the local default value', () => {
    const config = loadGatewayConfig({});
    expect(config).to.include({
      PORT: 8080,
      ADMIN_PORT: 9080,
      WEBHOOK_BODY_LIMIT_BYTES: 262_144,
      WEBHOOK_PUBLISH_DEADLINE_MS: 10_000,
      WEBHOOK_TOPIC: 'revenuecat.webhooks.v1',
      DUPLICATE_WINDOW_MAX_BYTES: 8 * 1024 * 1024,
    });
    expect(config.KAFKA_BROKERS).to.deep.equal(['127.0.0.1:9092']);
    expect(config.authorization).to.deep.equal({
      accepted: [DEVELOPMENT_WEBHOOK_AUTHORIZATION],
      usingDevelopmentDefault: true,
    });
  });

  it('when DUPLICATE_WINDOW_MAX_BYTES has no room for one id of 256 characters, then start-up fails naming it', () => {
    expect(problemsOf({ DUPLICATE_WINDOW_MAX_BYTES: '511' }).join('\n')).to.match(
      /^DUPLICATE_WINDOW_MAX_BYTES: must be at least 512/m,
    );
  });

  it('when NODE_ENV is production and WEBHOOK_AUTHORIZATION is unset, then start-up fails naming it', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join('\n')).to.contain('WEBHOOK_AUTHORIZATION');
    expect(problemsOf({ NODE_ENV: 'test', WEBHOOK_AUTHORIZATION: '' }).join('\n')).to.contain(
      'WEBHOOK_AUTHORIZATION',
    );
  });

  it('when several variables are wrong, then every problem is listed together', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: 'eighty',
      WEBHOOK_PUBLISH_DEADLINE_MS: '90000',
    });
    const text = problems.join('\n');
    for (const name of ['PORT', 'WEBHOOK_PUBLISH_DEADLINE_MS', 'WEBHOOK_AUTHORIZATION'])
      expect(text).to.contain(name);
  });

  it('when a previous value is configured, then both are accepted, the current one first', () => {
    const config = loadGatewayConfig({
      NODE_ENV: 'production',
      WEBHOOK_AUTHORIZATION: 'new',
      WEBHOOK_AUTHORIZATION_PREVIOUS: 'old',
    });
    expect(config.authorization).to.deep.equal({ accepted: ['new', 'old'], usingDevelopmentDefault: false });
    expect(config).not.to.have.property('WEBHOOK_AUTHORIZATION');
  });

  it('when configuration fails, then the secret values do not appear in the problems', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      WEBHOOK_AUTHORIZATION: 'super-secret-value',
      PORT: '-1',
    });
    expect(problems.join('\n')).not.to.contain('super-secret-value');
  });
});
