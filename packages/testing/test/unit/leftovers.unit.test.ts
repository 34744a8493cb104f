import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { isMadeUpName, randomDatabaseUri, randomName } from '@teamseat/testing';

describe('which names the test run cleans up', () => {
  it('when a name comes from randomName, randomDatabaseUri or a UUID, then it is made up, with suffixes too', () => {
    const database = new URL(randomDatabaseUri('mongodb://127.0.0.1:27017/x', 'rec_teams')).pathname.slice(1);
    const names = [
      randomName('team-events'),
      `${randomName('rc-webhooks')}.dlq`,
      `${randomName('replicas')}.team-events`,
      database,
      `batch-${randomUUID()}`,
    ];

    expect(names.filter(isMadeUpName)).to.deep.equal(names);
  });

  it('when a name is fixed (a service default, the local system, Kafka internal), then it is not made up', () => {
    const names = [
      'revenuecat.webhooks.v1',
      'team.events.v1',
      'entitlements.changed.v1',
      '__consumer_offsets',
      'teamseat',
      'teamseat_entitlements',
      'admin',
      'bench.gateway.mh3k2x1a',
      'orders-2026-12-04',
    ];

    expect(names.filter(isMadeUpName)).to.deep.equal([]);
  });
});
