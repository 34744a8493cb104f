import { expect } from 'chai';
import {
  selectInfrastructure,
  type Endpoints,
  type InfrastructureProviders,
  type Needs,
} from '@teamseat/testing';

const CONTAINERS: Endpoints = {
  kafkaBrokers: ['docker-host:32001'],
  mongoUri: 'mongodb://docker-host:32002',
};
const LOCAL: Endpoints = { kafkaBrokers: ['127.0.0.1:9092'], mongoUri: 'mongodb://127.0.0.1:27017' };

/** Fake providers that record which ones were asked, so the order of the decision is visible. */
function providers(env: Record<string, string | undefined>, docker: boolean) {
  const calls: string[] = [];
  const fake: InfrastructureProviders = {
    env,
    isDockerAvailable: async () => {
      calls.push('docker?');
      return docker;
    },
    startContainers: async (needs: Needs) => {
      calls.push(`containers kafka=${needs.kafka} mongo=${needs.mongo}`);
      return {
        kafkaBrokers: needs.kafka ? CONTAINERS.kafkaBrokers : undefined,
        mongoUri: needs.mongo ? CONTAINERS.mongoUri : undefined,
      };
    },
    startLocalStack: async () => {
      calls.push('local-stack');
      return LOCAL;
    },
  };
  return { fake, calls };
}

describe('selectInfrastructure', () => {
  it('when KAFKA_BROKERS and MONGODB_URI are set, then it uses them and neither probes Docker nor starts anything', async () => {
    const { fake, calls } = providers({ KAFKA_BROKERS: 'a:1, b:2', MONGODB_URI: 'mongodb://db:1/x' }, true);

    const infra = await selectInfrastructure(fake);

    expect(infra).to.deep.equal({
      kafkaBrokers: ['a:1', 'b:2'],
      mongoUri: 'mongodb://db:1/x',
      sources: { kafka: 'env', mongo: 'env' },
    });
    expect(calls).to.deep.equal([]);
  });

  it('when nothing is set and Docker answers, then it starts both containers and not the local stack', async () => {
    const { fake, calls } = providers({}, true);

    const infra = await selectInfrastructure(fake);

    expect(infra).to.deep.equal({ ...CONTAINERS, sources: { kafka: 'containers', mongo: 'containers' } });
    expect(calls).to.deep.equal(['docker?', 'containers kafka=true mongo=true']);
  });

  it('when nothing is set and no Docker engine answers, then it starts the local stack', async () => {
    const { fake, calls } = providers({ KAFKA_BROKERS: ' ', MONGODB_URI: '' }, false);

    const infra = await selectInfrastructure(fake);

    expect(infra).to.deep.equal({ ...LOCAL, sources: { kafka: 'local-stack', mongo: 'local-stack' } });
    expect(calls).to.deep.equal(['docker?', 'local-stack']);
  });

  it('when only KAFKA_BROKERS is set and Docker answers, then only a MongoDB container is started', async () => {
    const { fake, calls } = providers({ KAFKA_BROKERS: 'kafka:9092' }, true);

    const infra = await selectInfrastructure(fake);

    expect(infra).to.deep.equal({
      kafkaBrokers: ['kafka:9092'],
      mongoUri: CONTAINERS.mongoUri,
      sources: { kafka: 'env', mongo: 'containers' },
    });
    expect(calls).to.deep.equal(['docker?', 'containers kafka=false mongo=true']);
  });

  it('when only MONGODB_URI is set and there is no Docker, then Kafka comes from the local stack and MongoDB from env', async () => {
    const { fake } = providers({ MONGODB_URI: 'mongodb://elsewhere:27017' }, false);

    const infra = await selectInfrastructure(fake);

    expect(infra.kafkaBrokers).to.deep.equal(LOCAL.kafkaBrokers);
    expect(infra.mongoUri).to.equal('mongodb://elsewhere:27017');
    expect(infra.sources).to.deep.equal({ kafka: 'local-stack', mongo: 'env' });
  });

  it('when the chosen provider fails, then the error reaches the caller', async () => {
    const { fake } = providers({}, false);
    fake.startLocalStack = async () => {
      throw new Error('stack: `java` was not found on PATH');
    };

    const error = await selectInfrastructure(fake).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).to.be.instanceOf(Error).with.property('message').that.contains('java');
  });
});
