import { expect } from 'chai';
import { waitFor } from '@teamseat/testing';
import { startHarness, type Harness } from '../support/service-harness';
import { metricSum } from '../support/metrics';

describe('entitlement-service: consumer lag on /metrics', function () {
  this.timeout(120_000);
  let stack: Harness;

  before(async () => {
    stack = await startHarness();
  });
  after(async () => {
    await stack?.stop();
  });

  const lagOf = (group: string, topic: string) =>
    metricSum(stack.service.registry, 'kafka_consumer_lag', { group, topic });

  it('when scraped, then every work group reports its lag per partition, and it falls to 0 once consumed', async () => {
    const prefix = stack.config.CONSUMER_GROUP_ID;
    await stack.deliver([
      { id: 'lag-e1', type: 'TEST', app_user_id: 'lag-user-1', event_timestamp_ms: Date.now() },
    ]);

    const series = ((await stack.service.registry.getMetricsAsJSON()).find(
      (m) => m.name === 'kafka_consumer_lag',
    )?.values ?? []) as Array<{ labels: Record<string, string> }>;
    const groupsAndTopics = new Set(series.map((v) => `${v.labels.group} ${v.labels.topic}`));
    expect([...groupsAndTopics].sort()).to.deep.equal(
      [
        `${prefix}.webhooks ${stack.topics.webhooks}`,
        `${prefix}.member-grants ${stack.topics.memberGrants}`,
        `${prefix}.webhooks.parked ${stack.topics.webhooks}.parked`,
        `${prefix}.member-grants.parked ${stack.topics.memberGrants}.parked`,
      ].sort(),
    );
    const partitions = series
      .filter((v) => v.labels.topic === stack.topics.webhooks)
      .map((v) => v.labels.partition);
    expect(partitions).to.have.length(stack.config.TOPIC_PARTITIONS);
    expect(await metricSum(stack.service.registry, 'kafka_consumer_lag_up')).to.equal(1);

    await waitFor(async () => (await lagOf(`${prefix}.webhooks`, stack.topics.webhooks)) === 0, {
      timeoutMs: 60_000,
      description: 'the webhook group to commit the record it consumed',
    });
  });
});
