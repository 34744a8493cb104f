/**
 * What a webhook can change here, by its type (ADR 0036). Webhooks are triggers: the subscriber is read
 * from RevenueCat and the level-triggered sync decides. Only the types that can change no access skip the
 * read; every other type, unknown ones included, syncs.
 *
 * - `owner-sync`: refresh the user's snapshot and apply the team state of the purchases it shows
 *   (purchases, renewals, expiries, SUBSCRIPTION_EXTENDED, REFUND_REVERSED, ...).
 * - `snapshot-only`: refresh the snapshot but create or move no team. TEMPORARY_ENTITLEMENT_GRANT: RevenueCat
 *   could not validate the purchase with the store yet; INITIAL_PURCHASE follows once it can.
 * - `none`: nothing to read. TEST; INVOICE_ISSUANCE (an unpaid Web Billing invoice: the payment sends its own
 *   event); VIRTUAL_CURRENCY_TRANSACTION (balances, not entitlements); EXPERIMENT_ENROLLMENT.
 */
export type WebhookEffect = 'owner-sync' | 'snapshot-only' | 'none';

const NO_ACCESS_CHANGE: ReadonlySet<string> = new Set([
  'TEST',
  'INVOICE_ISSUANCE',
  'VIRTUAL_CURRENCY_TRANSACTION',
  'EXPERIMENT_ENROLLMENT',
]);

export function webhookEffect(type: string): WebhookEffect {
  if (NO_ACCESS_CHANGE.has(type)) return 'none';
  if (type === 'TEMPORARY_ENTITLEMENT_GRANT') return 'snapshot-only';
  return 'owner-sync';
}
