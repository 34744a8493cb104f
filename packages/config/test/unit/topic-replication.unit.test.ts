import { expect } from 'chai';
import {
  ConfigError,
  commonSchema,
  loadConfig,
  topicReplication,
  topicReplicationSchema,
  z,
} from '../../src';
import { checkTopicReplication } from '../../src';

const schema = z.object({ ...commonSchema, ...topicReplicationSchema }).superRefine(checkTopicReplication);

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  return expect.fail('expected a ConfigError');
}

describe('topic replication settings', () => {
  it('when NODE_ENV is production, then topics get replication factor 3 and min.insync.replicas 2', () => {
    expect(topicReplication(loadConfig(schema, { NODE_ENV: 'production' }))).to.deep.equal({
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
  });

  it('when NODE_ENV is development (the default) or test, then topics get 1 and 1', () => {
    for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
      expect(topicReplication(loadConfig(schema, env))).to.deep.equal({
        replicationFactor: 1,
        minInsyncReplicas: 1,
      });
    }
  });

  it('when both are set, then they win over the environment defaults', () => {
    const config = loadConfig(schema, {
      NODE_ENV: 'production',
      TOPIC_REPLICATION_FACTOR: '5',
      TOPIC_MIN_INSYNC_REPLICAS: '3',
    });
    expect(topicReplication(config)).to.deep.equal({ replicationFactor: 5, minInsyncReplicas: 3 });
  });

  it('when min.insync.replicas would exceed the replication factor, then start-up fails naming both variables', () => {
    expect(problemsOf({ NODE_ENV: 'production', TOPIC_REPLICATION_FACTOR: '1' })).to.match(
      /^TOPIC_MIN_INSYNC_REPLICAS: 2\b.*more than TOPIC_REPLICATION_FACTOR \(1\)/m,
    );
  });

  it('when NODE_ENV or a count is not valid, then start-up fails naming the variable', () => {
    const problems = problemsOf({ NODE_ENV: 'staging', TOPIC_REPLICATION_FACTOR: '0' });
    expect(problems).to.match(/^NODE_ENV: /m);
    expect(problems).to.match(/^TOPIC_REPLICATION_FACTOR: /m);
  });
});
