import fs from 'node:fs';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import {
  createTestCertificates,
  randomName,
  startThrowawayBroker,
  waitFor,
  type TestCertificates,
  type ThrowawayBroker,
} from '@teamseat/testing';
import {
  createBatchingProducer,
  createKafka,
  ensureTopics,
  kafkaReachable,
  kafkaSecurityHint,
  type KafkaClient,
  type KafkaSecurity,
} from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };
const SCRAM_USER = { username: 'scram-user', password: 'scram-secret' };
const PLAIN_USER = { username: 'plain-user', password: 'plain-secret' };

/** Creates a topic, produces one message with the batching producer, reads it back with a kafkajs consumer. */
async function roundTrip(kafka: KafkaClient): Promise<string> {
  const topic = randomName('secure');
  await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
  const producer = createBatchingProducer({ kafka, logger });
  const consumer = kafka.consumer({ groupId: randomName('secure-group') });
  try {
    await producer.send(topic, { key: 'user-1', value: 'over tls', headers: { 'rc-event-id': 'e1' } });
    const received: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(String(message.value)) });
    await waitFor(() => received.length > 0, { timeoutMs: 30_000, description: 'the message read back' });
    return received[0]!;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}

/** The error the first connection of a client ends with. */
async function connectError(kafka: KafkaClient): Promise<Error> {
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    return error as Error;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return expect.fail('the connection should have been refused');
}

describe('Kafka over TLS with SASL, against a throwaway broker with SASL_SSL and SSL listeners', function () {
  this.timeout(180_000);
  let certificates: TestCertificates;
  let broker: ThrowawayBroker;
  let ca: Buffer;
  const client = (brokers: string[], security: KafkaSecurity) =>
    createKafka({ brokers, clientId: randomName('secure-test'), logger, security });

  before(async () => {
    certificates = createTestCertificates();
    ca = fs.readFileSync(certificates.ca);
    broker = await startThrowawayBroker({
      secure: { certificates, scramUsers: [SCRAM_USER], plainUsers: [PLAIN_USER] },
    });
  });

  after(async () => {
    await broker?.destroy();
    certificates?.remove();
  });

  it('when a client authenticates with SCRAM-SHA-512 over TLS, then it creates a topic, produces and consumes', async () => {
    const kafka = client(broker.saslSslBrokers, {
      tls: { ca },
      sasl: { mechanism: 'scram-sha-512', ...SCRAM_USER },
    });
    expect(await roundTrip(kafka)).to.equal('over tls');
  });

  it('when a client authenticates with PLAIN over TLS, then it creates a topic, produces and consumes', async () => {
    const kafka = client(broker.saslSslBrokers, { tls: { ca }, sasl: { mechanism: 'plain', ...PLAIN_USER } });
    expect(await roundTrip(kafka)).to.equal('over tls');
  });

  it('when the password is wrong, then the broker refuses it and the error says authentication failed', async () => {
    for (const [mechanism, user] of [
      ['scram-sha-512', SCRAM_USER],
      ['plain', PLAIN_USER],
    ] as const) {
      const kafka = client(broker.saslSslBrokers, {
        tls: { ca },
        sasl: { mechanism, username: user.username, password: 'wrong' },
      });
      const error = await connectError(kafka);
      expect(error.message, mechanism).to.match(/authentication failed/i);
      expect(error.message, mechanism).to.match(/invalid credentials|invalid username or password/i);
      expect(await kafkaReachable(kafka), `${mechanism}: readiness`).to.equal(false);
      const producer = createBatchingProducer({ kafka, logger });
      const refused = await producer.send(randomName('never'), { key: 'k', value: 'v' }).then(
        () => undefined,
        (failure: Error) => failure,
      );
      await producer.disconnect();
      expect(refused, `${mechanism}: the producer`).to.be.instanceOf(Error);
      // Both clients' failures are recognised, so services can name the settings to check.
      for (const failure of [error, refused]) {
        expect(kafkaSecurityHint(failure), mechanism).to.match(/^Kafka refused the SASL credentials/);
      }
    }
  });

  it("when the client does not trust the broker's CA, then the TLS handshake fails", async () => {
    const kafka = client(broker.saslSslBrokers, {
      tls: { ca: fs.readFileSync(certificates.otherCa) },
      sasl: { mechanism: 'scram-sha-512', ...SCRAM_USER },
    });
    const error = await connectError(kafka);
    expect(error.message).to.match(/certificate/i);
    expect(kafkaSecurityHint(error)).to.match(/^the TLS handshake with Kafka failed/);
    const producer = createBatchingProducer({ kafka, logger });
    const refused = await producer.connect().then(
      () => undefined,
      (failure: Error) => failure,
    );
    await producer.disconnect();
    expect(kafkaSecurityHint(refused)).to.match(/^the TLS handshake with Kafka failed/);
  });

  it('when the listener requires a client certificate, then a client with one gets through and one without is refused', async () => {
    const withCertificate = client(broker.mutualTlsBrokers, {
      tls: {
        ca,
        cert: fs.readFileSync(certificates.client.cert),
        key: fs.readFileSync(certificates.client.key),
      },
    });
    expect(await roundTrip(withCertificate)).to.equal('over tls');
    expect(await kafkaReachable(client(broker.mutualTlsBrokers, { tls: { ca } }))).to.equal(false);
  });
});
