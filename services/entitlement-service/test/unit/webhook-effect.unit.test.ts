import { expect } from 'chai';
import { REVENUECAT_EVENT_TYPES } from '@teamseat/contracts';
import { webhookEffect } from '../../src/domain/webhook-effect';

describe('webhook effect by event type (ADR 0036)', () => {
  it('when an event can change no access, then it needs no RevenueCat read', () => {
    for (const type of ['TEST', 'INVOICE_ISSUANCE', 'VIRTUAL_CURRENCY_TRANSACTION', 'EXPERIMENT_ENROLLMENT'])
      expect(webhookEffect(type), type).to.equal('none');
  });

  it('when RevenueCat grants a temporary entitlement, then the snapshot is refreshed but no team is applied', () => {
    expect(webhookEffect('TEMPORARY_ENTITLEMENT_GRANT')).to.equal('snapshot-only');
  });

  it('when an event can move a purchase, or its type is unknown, then the owner is synced', () => {
    const moving = REVENUECAT_EVENT_TYPES.filter(
      (type) =>
        ![
          'TEST',
          'INVOICE_ISSUANCE',
          'VIRTUAL_CURRENCY_TRANSACTION',
          'EXPERIMENT_ENROLLMENT',
          'TEMPORARY_ENTITLEMENT_GRANT',
        ].includes(type),
    );
    expect(moving).to.include.members(['SUBSCRIPTION_EXTENDED', 'REFUND_REVERSED', 'RENEWAL', 'EXPIRATION']);
    for (const type of [...moving, 'A_TYPE_REVENUECAT_ADDS_LATER'])
      expect(webhookEffect(type), type).to.equal('owner-sync');
  });
});
