import { expect } from 'chai';
import { consumeMessages, getInfrastructure, randomName } from '@teamseat/testing';
import { metricsText, recordCount, startTestGateway } from '../support/test-gateway';
import { VALID_AUTHORIZATION } from '../support/webhook-fixtures';

const PATH = '/webhooks/revenuecat';
const body = (id: string) => JSON.stringify({ event: { id, type: 'TEST', app_user_id: 'user-bounds' } });

describe('webhook gateway bounds against real Kafka', () => {
  let brokers: string[];
  before(async function () {
    this.timeout(300_000);
    ({ kafkaBrokers: brokers } = await getInfrastructure());
  });

  it('when event.id is longer than 256 characters, then it gets 400 naming event.id and nothing reaches Kafka; 256 characters pass', async () => {
    const topic = randomName('gw-long-id');
    const gateway = await startTestGateway({ brokers, topic });
    try {
      const post = () => gateway.request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json');
      const refused = await post().send(body('x'.repeat(257)));
      expect(refused.status).to.equal(400);
      expect(refused.body.field).to.equal('event.id');
      expect(refused.body.detail).to.match(/^event\.id: .*256 characters/);

      const longest = 'y'.repeat(256);
      await post().send(body(longest)).expect(200);
      // The refused one was never handed to the producer: after the accepted one's ack, it is alone.
      expect(await recordCount(brokers, topic)).to.equal(1);
      const [only] = await consumeMessages(brokers, topic, { count: 1 });
      expect(only!.headers['rc-event-id']).to.equal(longest);
    } finally {
      await gateway.stop();
    }
  });

  it('when long ids fill DUPLICATE_WINDOW_MAX_BYTES, then the oldest is forgotten before the entry count is reached', async () => {
    const topic = randomName('gw-window-bytes');
    // Two ids of 256 characters take 1024 bytes at two bytes a character: the third evicts the first.
    const gateway = await startTestGateway({
      brokers,
      topic,
      env: { DUPLICATE_WINDOW_SIZE: '1000', DUPLICATE_WINDOW_MAX_BYTES: '1024' },
    });
    try {
      const post = (id: string) =>
        gateway.request.post(PATH).set('Authorization', VALID_AUTHORIZATION).type('json').send(body(id));
      const [first, second, third] = ['a', 'b', 'c'].map((letter) => letter.repeat(256)) as [
        string,
        string,
        string,
      ];
      for (const id of [first, second, third]) await post(id).expect(200);
      await post(third).expect(200); // still remembered
      await post(first).expect(200); // evicted by bytes: not counted
      expect(await metricsText(gateway)).to.match(/^webhook_duplicate_events_total\{[^}]*\} 1$/m);
    } finally {
      await gateway.stop();
    }
  });
});
