import { expect } from 'chai';

// The stack is plain ESM JavaScript (no build step); load it the way Node would.
const load = () => import('../../lib/config.mjs');

describe('local-stack config', () => {
  it('when no variables are set, then Kafka is on 9092/9093 and FerretDB on 27017 under <repo>/.local', async () => {
    const { loadConfig } = await load();

    const config = loadConfig({});

    expect([config.kafkaPort, config.kafkaControllerPort, config.mongoPort]).to.deep.equal([
      9092, 9093, 27017,
    ]);
    expect(config.kafkaPartitions).to.equal(6);
    expect(config.paths.kafkaData).to.equal(`${config.repoRoot}/.local/data/kafka`);
    expect(config.paths.ferretBinary).to.equal(`${config.repoRoot}/.local/bin/ferretdb`);
  });

  it('when ports and partitions are given, then they are used', async () => {
    const { loadConfig } = await load();

    const config = loadConfig({
      KAFKA_PORT: '19092',
      KAFKA_CONTROLLER_PORT: '19093',
      MONGODB_PORT: '37017',
      KAFKA_NUM_PARTITIONS: '3',
    });

    expect([
      config.kafkaPort,
      config.kafkaControllerPort,
      config.mongoPort,
      config.kafkaPartitions,
    ]).to.deep.equal([19092, 19093, 37017, 3]);
  });

  it('when a port is not a number, then a StackError names the variable and the fix', async () => {
    const { loadConfig } = await load();

    expect(() => loadConfig({ KAFKA_PORT: '90a' }))
      .to.throw('KAFKA_PORT=90a is not a TCP port')
      .with.property('hint')
      .that.contains('between 1 and 65535');
  });

  it('when two services would share a port, then loading fails', async () => {
    const { loadConfig } = await load();

    expect(() => loadConfig({ MONGODB_PORT: '9092' })).to.throw(/must differ/);
  });
});
