import { z } from 'zod';
import { parseOrThrow } from './validation';

// A typed but forgiving view of a RevenueCat webhook event (REVENUECAT.md "Event fields"). Every field
// but id and type is optional and nullable, nulls being common; unknown fields pass through, because
// RevenueCat adds fields without notice. Enum-like fields stay plain strings for the same reason.

const optionalString = z.string().nullish();
const optionalNumber = z.number().nullish();
const optionalBoolean = z.boolean().nullish();
const optionalStrings = z.array(z.string()).nullish();

const subscriberAttribute = z
  .object({ value: z.string().nullish(), updated_at_ms: optionalNumber })
  .passthrough();

export const revenueCatEventSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    app_id: optionalString,
    event_timestamp_ms: optionalNumber,
    app_user_id: optionalString,
    original_app_user_id: optionalString,
    aliases: optionalStrings,
    subscriber_attributes: z.record(subscriberAttribute).nullish(),
    product_id: optionalString,
    new_product_id: optionalString,
    entitlement_ids: optionalStrings,
    entitlement_id: optionalString,
    period_type: optionalString,
    purchased_at_ms: optionalNumber,
    expiration_at_ms: optionalNumber,
    grace_period_expiration_at_ms: optionalNumber,
    auto_resume_at_ms: optionalNumber,
    store: optionalString,
    environment: optionalString,
    is_trial_conversion: optionalBoolean,
    cancel_reason: optionalString,
    expiration_reason: optionalString,
    presented_offering_id: optionalString,
    price: optionalNumber,
    currency: optionalString,
    price_in_purchased_currency: optionalNumber,
    tax_percentage: optionalNumber,
    commission_percentage: optionalNumber,
    transaction_id: optionalString,
    original_transaction_id: optionalString,
    is_family_share: optionalBoolean,
    country_code: optionalString,
    offer_code: optionalString,
    renewal_number: optionalNumber,
    transferred_from: optionalStrings,
    transferred_to: optionalStrings,
  })
  .passthrough();

export type RevenueCatEvent = z.infer<typeof revenueCatEventSchema>;

/** Values of `store` that matter here; others may appear. */
export const REVENUECAT_STORES = [
  'AMAZON',
  'APP_STORE',
  'MAC_APP_STORE',
  'PADDLE',
  'PLAY_STORE',
  'PROMOTIONAL',
  'RC_BILLING',
  'ROKU',
  'STRIPE',
  'TEST_STORE',
] as const;

/** Reads a webhook event through the typed view; throws AppError INVALID_ARGUMENT naming the field. */
export function readRevenueCatEvent(event: unknown): RevenueCatEvent {
  return parseOrThrow(revenueCatEventSchema, event, {
    what: 'webhook event',
    reason: 'INVALID_WEBHOOK',
    prefix: 'event',
  });
}
