import { z } from 'zod';
import { parseOrThrow } from './validation';

// A typed but forgiving view of a RevenueCat webhook event (REVENUECAT.md "Event fields"). Processing needs
// only the id, the type and the user ids (ADR 0020): those are checked, and a record without them can never
// succeed. Every other field is read when it has the documented type and is absent otherwise: the subscriber
// is re-read from RevenueCat anyway, so an odd `price` or a null `store` must never refuse a genuine event.
// Unknown fields pass through, because RevenueCat adds fields without notice; enum-like fields stay strings.

const userId = z.string().nullish();
const userIds = z.array(z.string()).nullish();

/** A field processing does not need: its documented type, or absent (never an error). */
const lenient = <T extends z.ZodTypeAny>(type: T) => type.nullish().catch(undefined);
const optionalString = lenient(z.string());
const optionalNumber = lenient(z.number());
const optionalBoolean = lenient(z.boolean());
const optionalStrings = lenient(z.array(z.string()));

const subscriberAttribute = z.object({ value: optionalString, updated_at_ms: optionalNumber }).passthrough();

const eventSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    app_id: optionalString,
    /** Used by the watermark; an odd value leaves the event to the processed-ids check (ADR 0020). */
    event_timestamp_ms: optionalNumber,
    app_user_id: userId,
    original_app_user_id: userId,
    aliases: userIds,
    subscriber_attributes: lenient(z.record(subscriberAttribute)),
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
    transferred_from: userIds,
    transferred_to: userIds,
  })
  .passthrough();

const named = (id: string | null | undefined): boolean => typeof id === 'string' && id.length > 0;

/** Every event but TEST is about a user; one that names none cannot be processed, now or ever. */
export const revenueCatEventSchema = eventSchema.superRefine((event, ctx) => {
  if (event.type === 'TEST') return;
  const ids = [
    event.app_user_id,
    event.original_app_user_id,
    ...(event.aliases ?? []),
    ...(event.transferred_to ?? []),
    ...(event.transferred_from ?? []),
  ];
  if (!ids.some(named)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['app_user_id'],
      message: 'is missing: the event names no user',
    });
  }
});

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
