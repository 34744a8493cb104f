import { expect } from 'chai';
import { ConfigError, commonSchema, csv, loadConfig, port, z } from '../../src';

const schema = z.object({
  ...commonSchema,
  PORT: port(8080),
  KAFKA_BROKERS: csv(),
  SECRET: z.string().min(1),
});

describe('loadConfig', () => {
  it('when every variable is valid, then it returns typed values with defaults applied', () => {
    const config = loadConfig(schema, { KAFKA_BROKERS: 'a:1, b:2', SECRET: 's' });
    expect(config).to.include({ PORT: 8080, LOG_LEVEL: 'info', SECRET: 's' });
    expect(config.KAFKA_BROKERS).to.deep.equal(['a:1', 'b:2']);
  });

  it('when several variables are wrong, then the error lists every one of them by name', () => {
    try {
      loadConfig(schema, { PORT: '70000', LOG_LEVEL: 'loud', KAFKA_BROKERS: ' , ' });
      expect.fail('expected a ConfigError');
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'LOG_LEVEL', 'KAFKA_BROKERS', 'SECRET']) expect(problems).to.contain(name);
    }
  });

  it('when a variable is set to the empty string, then it counts as unset and the default applies', () => {
    const config = loadConfig(schema, { PORT: '', KAFKA_BROKERS: 'a:1', SECRET: 's' });
    expect(config.PORT).to.equal(8080);
  });
});
