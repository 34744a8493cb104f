import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { expectFailure, startHarness, subscriptionState, type Harness } from '../support/harness';

describe('team-service ApplySubscriptionState with a catalog', () => {
  let harness: Harness;
  const catalog = require.resolve('../../../../config/catalog.sample.yaml');
  before(async () => (harness = await startHarness({ env: { CATALOG_FILE: catalog } })));
  after(async () => harness?.stop());

  it('when the product is a catalog team product, then unset terms come from the catalog; otherwise INVALID_ARGUMENT', async () => {
    const request = {
      ...subscriptionState({ productId: 'team_pro_monthly', entitlement: 'team_admin', seats: 3 }),
      shrinkPolicy: 'SHRINK_POLICY_UNSPECIFIED',
      grantMode: 'GRANT_MODE_UNSPECIFIED',
      memberEntitlements: [],
    };
    const { team } = await harness.internal('ApplySubscriptionState', request);
    expect(team).to.include({ shrinkPolicy: 'SHRINK_POLICY_ADMIN_CHOICE', grantMode: 'GRANT_MODE_PERIOD' });
    expect(team.memberEntitlements).to.deep.equal(['pro']);
    for (const override of [{ productId: 'not_in_catalog' }, { managementEntitlement: 'other_admin' }]) {
      const error = await expectFailure(
        harness.internal('ApplySubscriptionState', {
          ...subscriptionState(),
          productId: 'team_pro_monthly',
          ...override,
        }),
        status.INVALID_ARGUMENT,
        'INVALID_ARGUMENT',
      );
      expect(error.details).to.contain('product_id');
    }
  });
});
