import { expect } from 'chai';
import fc from 'fast-check';
import { DLQ_HEADERS, dlqTopic, sourceTopicOfDlq, TOPICS, WEBHOOK_HEADERS } from '@teamseat/contracts';

describe('topics', function () {
  it('when asked for the topic names, then they are the ones of DESIGN §2', function () {
    expect(TOPICS).to.deep.equal({
      revenueCatWebhooks: 'revenuecat.webhooks.v1',
      teamEvents: 'teamseat.team-events.v1',
      memberGrants: 'teamseat.member-grants.v1',
      entitlementChanges: 'teamseat.entitlement-changes.v1',
    });
    expect(Object.values(WEBHOOK_HEADERS)).to.have.members([
      'rc-event-id',
      'rc-event-type',
      'received-at',
      'traceparent',
    ]);
    expect(Object.values(DLQ_HEADERS)).to.include.members([
      'error-code',
      'error-message',
      'failed-at',
      'attempts',
    ]);
  });

  it('when a topic gets its dead-letter topic, then the name ends in .dlq and maps back', function () {
    expect(dlqTopic(TOPICS.teamEvents)).to.equal('teamseat.team-events.v1.dlq');
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((t) => !t.endsWith('.dlq')),
        (topic) => {
          expect(sourceTopicOfDlq(dlqTopic(topic))).to.equal(topic);
        },
      ),
    );
  });

  it('when the topic is empty or already a dead-letter topic, then dlqTopic refuses it', function () {
    expect(() => dlqTopic('')).to.throw('non-empty');
    expect(() => dlqTopic('a.dlq')).to.throw('already a dead-letter topic');
    expect(sourceTopicOfDlq('teamseat.team-events.v1')).to.equal(null);
    expect(sourceTopicOfDlq('.dlq')).to.equal(null);
  });
});
