import { randomUUID } from 'node:crypto';

/** Every event type RevenueCat documents (REVENUECAT.md), plus the deprecated alias event. */
export const DOCUMENTED_EVENT_TYPES = [
  'TEST',
  'INITIAL_PURCHASE',
  'RENEWAL',
  'CANCELLATION',
  'UNCANCELLATION',
  'NON_RENEWING_PURCHASE',
  'SUBSCRIPTION_PAUSED',
  'EXPIRATION',
  'BILLING_ISSUE',
  'PRODUCT_CHANGE',
  'TRANSFER',
  'SUBSCRIPTION_EXTENDED',
  'TEMPORARY_ENTITLEMENT_GRANT',
  'REFUND_REVERSED',
  'INVOICE_ISSUANCE',
  'VIRTUAL_CURRENCY_TRANSACTION',
  'EXPERIMENT_ENROLLMENT',
] as const;

export interface Fixture {
  type: string;
  id: string;
  /** The subscriber key the gateway must use (DESIGN §2). */
  expectedKey: string;
  /** The exact bytes sent; the topic must hold the same bytes. */
  body: string;
}

const purchaseFields = (userId: string) => ({
  app_id: 'app1a2b3c4',
  app_user_id: userId,
  original_app_user_id: '$RCAnonymousID:87c6049c58069238dce29853916d624c',
  aliases: ['$RCAnonymousID:87c6049c58069238dce29853916d624c', userId],
  product_id: 'team_annual_10',
  entitlement_ids: ['team_manager'],
  entitlement_id: null,
  period_type: 'NORMAL',
  purchased_at_ms: 1_767_225_600_000,
  expiration_at_ms: 1_798_761_600_000,
  store: 'APP_STORE',
  environment: 'SANDBOX',
  presented_offering_id: null,
  transaction_id: '170000123456789',
  original_transaction_id: '170000123456789',
  is_family_share: false,
  country_code: 'DE',
  currency: 'EUR',
  price: 99.99,
  price_in_purchased_currency: 109.99,
  tax_percentage: 0.1597,
  commission_percentage: 0.15,
  subscriber_attributes: { $displayName: { value: 'Zoë Müller 🎉', updated_at_ms: 1_767_225_500_000 } },
  experiments: [],
});

/**
 * A realistic body for `type`. Whitespace, key order and non-ASCII text are deliberate: the topic must
 * hold the same bytes, not a re-serialisation.
 */
export function fixtureFor(type: string, id: string = randomUUID()): Fixture {
  const userId = `user-${randomUUID()}`;
  let event: Record<string, unknown>;
  let expectedKey = userId;
  if (type === 'TRANSFER') {
    // RevenueCat's TRANSFER sample has no app_user_id: the key is the first transferred_to id.
    expectedKey = `dest-${randomUUID()}`;
    event = {
      id,
      type,
      app_id: 'app1a2b3c4',
      event_timestamp_ms: 1_767_225_600_000,
      store: 'PLAY_STORE',
      environment: 'PRODUCTION',
      transferred_from: ['$RCAnonymousID:old'],
      transferred_to: [expectedKey, '$RCAnonymousID:second'],
    };
  } else {
    event = {
      event_timestamp_ms: type === 'TEST' ? 1_000_000_000_000_000 : 1_767_225_600_123, // implausible on purpose
      id,
      type,
      ...purchaseFields(userId),
      ...(type === 'CANCELLATION' ? { cancel_reason: 'UNSUBSCRIBE' } : {}),
      ...(type === 'EXPIRATION' ? { expiration_reason: 'SUBSCRIPTION_PAUSED' } : {}),
      ...(type === 'PRODUCT_CHANGE' ? { new_product_id: 'team_annual_25' } : {}),
      ...(type === 'BILLING_ISSUE' ? { grace_period_expiration_at_ms: 1_767_830_400_000 } : {}),
      ...(type === 'SUBSCRIPTION_PAUSED' ? { auto_resume_at_ms: 1_770_000_000_000 } : {}),
      ...(type.startsWith('FUTURE') ? { brand_new_field: { nested: [1, null, 'x'] } } : {}),
    };
  }
  const body = `{\n  "api_version" : "1.0",\n  "event": ${JSON.stringify(event, null, 1)}\n}\n`;
  return { type, id, expectedKey, body };
}

export const VALID_AUTHORIZATION = 'Bearer test-webhook-secret-2b7e151628aed2a6';
