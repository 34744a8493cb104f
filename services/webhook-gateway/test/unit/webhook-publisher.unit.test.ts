import { expect } from 'chai';
import type { BatchingProducer, OutgoingMessage } from '@teamseat/kafka';
import { AppError } from '@teamseat/errors';
import { createMetricsRegistry } from '@teamseat/metrics';
import { createGatewayMetrics } from '../../src/adapters/metrics/gateway-metrics';
import { createWebhookPublisher } from '../../src/adapters/kafka/webhook-publisher';

/** Our producer port driven by hand: each send waits until the test settles it. */
function manualProducer() {
  const sends: Array<{ topic: string; message: OutgoingMessage; ack: () => void; fail: (e: Error) => void }> =
    [];
  const producer: BatchingProducer = {
    send: (topic, message) => new Promise<void>((ack, fail) => sends.push({ topic, message, ack, fail })),
    sendMany: () => Promise.reject(new Error('not used')),
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
  };
  return { producer, sends };
}

const webhook = {
  raw: Buffer.from('{"event":{"id":"e1","type":"TEST"}}'),
  eventId: 'e1',
  eventType: 'TEST',
  key: 'user-1',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  receivedAt: new Date('2026-01-02T03:04:05.006Z'),
};

describe('webhook publisher', () => {
  const metrics = () => createGatewayMetrics(createMetricsRegistry('publisher-test'));

  it('when the producer acknowledges, then publish resolves and the message carries the DESIGN §2 headers', async () => {
    const { producer, sends } = manualProducer();
    const publisher = createWebhookPublisher({ producer, topic: 't', deadlineMs: 1000, metrics: metrics() });
    const publishing = publisher.publish(webhook);
    expect(sends).to.have.length(1);
    sends[0]!.ack();
    await publishing;
    expect(sends[0]!.topic).to.equal('t');
    expect(sends[0]!.message).to.deep.equal({
      key: 'user-1',
      value: webhook.raw,
      headers: {
        'rc-event-id': 'e1',
        'rc-event-type': 'TEST',
        'received-at': '2026-01-02T03:04:05.006Z',
        traceparent: webhook.traceparent,
      },
    });
  });

  it('when the producer fails, then publish rejects with its retriable error', async () => {
    const { producer, sends } = manualProducer();
    const publisher = createWebhookPublisher({ producer, topic: 't', deadlineMs: 1000, metrics: metrics() });
    const publishing = publisher.publish(webhook);
    sends[0]!.fail(new AppError('UNAVAILABLE', 'down'));
    const error = await publishing.then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(AppError).and.include({ code: 'UNAVAILABLE', retriable: true });
  });

  it('when no acknowledgement comes within the deadline, then publish rejects with DEADLINE_EXCEEDED in time', async () => {
    const { producer, sends } = manualProducer();
    const publisher = createWebhookPublisher({ producer, topic: 't', deadlineMs: 50, metrics: metrics() });
    const started = Date.now();
    const error = await publisher.publish(webhook).then(
      () => expect.fail('expected a rejection'),
      (e: unknown) => e,
    );
    expect(Date.now() - started).to.be.within(45, 500);
    expect(error).to.be.instanceOf(AppError).and.include({ code: 'DEADLINE_EXCEEDED', retriable: true });
    // A late failure of the abandoned attempt must not become an unhandled rejection.
    sends[0]!.fail(new Error('late'));
  });
});
