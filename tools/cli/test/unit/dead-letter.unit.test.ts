import { expect } from 'chai';
import type { ReceivedMessage } from '@teamseat/kafka';
import {
  matches,
  parseDeadLetterId,
  parseTime,
  replayOf,
  toDeadLetter,
} from '../../src/dead-letters/dead-letter';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);

function received(headers: Record<string, string>, key: string | null = 'alice'): ReceivedMessage {
  return {
    topic: 'revenuecat.webhooks.v1.dlq',
    partition: 2,
    offset: '118',
    key,
    value: Buffer.from('{"event":{"app_user_id":"carol"}}'),
    headers,
    timestamp: String(NOW - 60_000),
  };
}

const deadLettered = {
  'rc-event-id': 'evt-1',
  traceparent: '00-aa-bb-01',
  'error-code': 'INVALID_ARGUMENT',
  'error-message': 'event.type: missing',
  'failed-at': new Date(NOW - 3_600_000).toISOString(),
  attempts: '1',
  'original-topic': 'revenuecat.webhooks.v1',
  'original-partition': '2',
  'original-offset': '7',
  'parked-at': new Date(NOW - 7_200_000).toISOString(),
};

describe('dead letters (pure)', () => {
  it('when a record carries the dead-letter headers, then its id, origin, reason and time come from them', () => {
    const letter = toDeadLetter(received(deadLettered));
    expect(letter).to.include({
      id: 'revenuecat.webhooks.v1.dlq:2:118',
      originalTopic: 'revenuecat.webhooks.v1',
      reason: 'INVALID_ARGUMENT',
      failedAt: deadLettered['failed-at'],
      attempts: 1,
    });
  });

  it('when a record lacks original-topic and failed-at, then the dlq name and the record time stand in', () => {
    const letter = toDeadLetter(received({}));
    expect(letter.originalTopic).to.equal('revenuecat.webhooks.v1');
    expect(letter.failedAt).to.equal(new Date(NOW - 60_000).toISOString());
  });

  it('when filters are given, then time, reason (any case) and user (key or app_user_id) each narrow', () => {
    const letter = toDeadLetter(received(deadLettered));
    expect(matches(letter, {})).to.equal(true);
    expect(matches(letter, { sinceMs: NOW - 2 * 3_600_000, untilMs: NOW })).to.equal(true);
    expect(matches(letter, { sinceMs: NOW - 1_000 })).to.equal(false);
    expect(matches(letter, { untilMs: NOW - 2 * 3_600_000 })).to.equal(false);
    expect(matches(letter, { reason: 'invalid_argument' })).to.equal(true);
    expect(matches(letter, { reason: 'NO_USER' })).to.equal(false);
    expect(matches(letter, { user: 'alice' })).to.equal(true);
    expect(matches(letter, { user: 'carol' })).to.equal(true);
    expect(matches(letter, { user: 'dave' })).to.equal(false);
  });

  it('when a dead letter is replayed, then it keeps key, value and its own headers, drops the bookkeeping and is marked', () => {
    const letter = toDeadLetter(received(deadLettered));
    const { topic, message } = replayOf(letter, NOW);
    expect(topic).to.equal('revenuecat.webhooks.v1');
    expect(message.key).to.equal('alice');
    expect(message.value.equals(letter.value)).to.equal(true);
    expect(message.headers).to.deep.equal({
      'rc-event-id': 'evt-1',
      traceparent: '00-aa-bb-01',
      'replayed-at': new Date(NOW).toISOString(),
      'replayed-from': 'revenuecat.webhooks.v1.dlq:2:118',
      'replayed-reason': 'INVALID_ARGUMENT',
    });
  });

  it('when times are given, then ISO times and durations back from now parse, and anything else names the option', () => {
    expect(parseTime('--since', '2026-12-05T10:00:00Z', NOW)).to.equal(Date.UTC(2026, 11, 5, 10));
    expect(parseTime('--since', '90s', NOW)).to.equal(NOW - 90_000);
    expect(parseTime('--since', '30m', NOW)).to.equal(NOW - 1_800_000);
    expect(parseTime('--since', '2h', NOW)).to.equal(NOW - 7_200_000);
    expect(parseTime('--until', '7d', NOW)).to.equal(NOW - 7 * 86_400_000);
    expect(() => parseTime('--until', 'soon', NOW)).to.throw(/^--until: "soon" is neither/);
  });

  it('when an id is parsed, then topic, partition and offset come out, and a malformed one is refused', () => {
    expect(parseDeadLetterId('a.b:c.dlq:3:42')).to.deep.equal({
      topic: 'a.b:c.dlq',
      partition: 3,
      offset: '42',
    });
    expect(() => parseDeadLetterId('topic:1:2')).to.throw(/expected <topic>\.dlq:<partition>:<offset>/);
  });
});
