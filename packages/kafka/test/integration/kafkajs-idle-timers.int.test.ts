import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { getInfrastructure } from '@teamseat/testing';
import { createKafka, ensureTopics } from '../../src';

const logger = createLogger({ service: 'kafka-test', level: 'silent' });
/** The local stack and the throwaway brokers have one broker each. */
const SINGLE_BROKER = { replicationFactor: 1, minInsyncReplicas: 1 };

// The request queue class the fix patches (src/kafkajs-idle-timers.ts); counted here, in the test only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prototype } = require('kafkajs/src/network/requestQueue') as {
  prototype: { checkPendingRequests(): void };
};

describe('kafkajs idle request queues (against a real broker)', () => {
  it('when a connected admin sits idle, then its request queue is not checked every millisecond, and requests still flow', async () => {
    const { kafkaBrokers } = await getInfrastructure();
    const kafka = createKafka({ brokers: kafkaBrokers, clientId: `idle-${randomUUID()}`, logger });
    const topic = `idle-${randomUUID()}`;
    const original = prototype.checkPendingRequests;
    let checks = 0;
    prototype.checkPendingRequests = function (this: unknown) {
      checks += 1;
      return original.call(this);
    };
    const admin = kafka.admin();
    try {
      await admin.connect();
      await ensureTopics(kafka, [topic], { partitions: 1, replication: SINGLE_BROKER, logger });
      await admin.fetchTopicMetadata({ topics: [topic] });
      checks = 0;

      await sleep(500);
      const idleChecks = checks;
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });

      // Unpatched kafkajs 2.2.4 checks about once a millisecond per connection: hundreds in 500 ms.
      expect(idleChecks).to.be.lessThan(10);
      expect(metadata.topics[0]?.partitions).to.have.length(1);
    } finally {
      prototype.checkPendingRequests = original;
      await admin.disconnect();
    }
  });
});
