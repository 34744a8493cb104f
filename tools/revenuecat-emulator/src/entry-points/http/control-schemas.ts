import { z } from '@teamseat/config';
import { userIdSchema } from '@teamseat/contracts';
import { invalidArgument } from '@teamseat/errors';
import { PURCHASE_STORES } from '../../domain/types';
import { USER_FAULT_STATUSES } from '../../domain/user-faults';
import type { StoreActionInput, StoreActionName } from '../../application/emulator-service';

/** Request bodies of the control API: snake_case like RevenueCat, mapped to the domain's inputs. */
const userId = userIdSchema;
const productId = z.string().min(1, 'must not be empty');
const positiveMs = z.number().int('must be an integer').positive('must be positive');
const ref = { app_user_id: userId, product_id: productId };
const cancelReasons = [
  'UNSUBSCRIBE',
  'BILLING_ERROR',
  'DEVELOPER_INITIATED',
  'PRICE_INCREASE',
  'CUSTOMER_SUPPORT',
  'UNKNOWN',
] as const;

const refOf = (b: { app_user_id: string; product_id: string }) => ({
  appUserId: b.app_user_id,
  productId: b.product_id,
});

export const storeActionSchemas: {
  [Name in StoreActionName]: z.ZodType<StoreActionInput<Name>, z.ZodTypeDef, unknown>;
} = {
  purchase: z
    .object({
      ...ref,
      store: z.enum(PURCHASE_STORES).optional(),
      environment: z.enum(['SANDBOX', 'PRODUCTION']).optional(),
      period_type: z.enum(['NORMAL', 'TRIAL', 'INTRO', 'PREPAID']).optional(),
      period_ms: positiveMs.optional(),
      price: z.number().nonnegative().optional(),
    })
    .strict()
    .transform((b) => ({
      ...refOf(b),
      store: b.store,
      environment: b.environment,
      periodType: b.period_type,
      periodMs: b.period_ms,
      price: b.price,
    })),
  renew: z.object(ref).strict().transform(refOf),
  uncancel: z.object(ref).strict().transform(refOf),
  refund: z.object(ref).strict().transform(refOf),
  cancel: z
    .object({ ...ref, reason: z.enum(cancelReasons).optional() })
    .strict()
    .transform((b) => ({ ...refOf(b), reason: b.reason })),
  billing_issue: z
    .object({
      ...ref,
      grace_period_ms: z.number().int('must be an integer').nonnegative('must not be negative').optional(),
    })
    .strict()
    .transform((b) => ({ ...refOf(b), gracePeriodMs: b.grace_period_ms })),
  expire: z
    .object({ ...ref, reason: z.enum([...cancelReasons, 'SUBSCRIPTION_PAUSED']).optional() })
    .strict()
    .transform((b) => ({ ...refOf(b), reason: b.reason })),
  product_change: z
    .object({ ...ref, new_product_id: productId, timing: z.enum(['now', 'renewal']).default('now') })
    .strict()
    .transform((b) => ({ ...refOf(b), newProductId: b.new_product_id, timing: b.timing })),
  pause: z
    .object({ ...ref, resume_at_ms: positiveMs.optional() })
    .strict()
    .transform((b) => ({ ...refOf(b), resumeAtMs: b.resume_at_ms })),
  log_in: z
    .object({ app_user_id: userId, new_app_user_id: userId })
    .strict()
    .transform((b) => ({ appUserId: b.app_user_id, newAppUserId: b.new_app_user_id })),
  transfer: z
    .object({ from_app_user_id: userId, to_app_user_id: userId })
    .strict()
    .transform((b) => ({ fromAppUserId: b.from_app_user_id, toAppUserId: b.to_app_user_id })),
  family_share: z
    .object({ ...ref, member_app_user_id: userId })
    .strict()
    .transform((b) => ({ ...refOf(b), memberAppUserId: b.member_app_user_id })),
  extend: z
    .object({ ...ref, extend_ms: positiveMs })
    .strict()
    .transform((b) => ({ ...refOf(b), extendMs: b.extend_ms })),
  refund_reversed: z.object(ref).strict().transform(refOf),
  temporary_entitlement_grant: z.object(ref).strict().transform(refOf),
  invoice_issuance: z.object(ref).strict().transform(refOf),
  virtual_currency_transaction: z
    .object({
      app_user_id: userId,
      amount: z.number().int('must be an integer'),
      currency_code: z.string().min(1, 'must not be empty'),
    })
    .strict()
    .transform((b) => ({ appUserId: b.app_user_id, amount: b.amount, currencyCode: b.currency_code })),
  experiment_enrollment: z
    .object({
      app_user_id: userId,
      experiment_id: z.string().min(1, 'must not be empty'),
      variant: z.string().min(1, 'must not be empty'),
    })
    .strict()
    .transform((b) => ({ appUserId: b.app_user_id, experimentId: b.experiment_id, variant: b.variant })),
};

export const advanceSchema = z
  .object({
    ms: z.number().int().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    days: z.number().nonnegative().optional(),
  })
  .strict()
  .transform((b) =>
    Math.round(
      (b.ms ?? 0) +
        (b.seconds ?? 0) * 1e3 +
        (b.minutes ?? 0) * 6e4 +
        (b.hours ?? 0) * 3.6e6 +
        (b.days ?? 0) * 8.64e7,
    ),
  );

export const setClockSchema = z.object({ now_ms: positiveMs }).strict();

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const faultsSchema = z
  .object({
    latency_ms: z.union([
      z.number().nonnegative(),
      z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() }),
    ]),
    error_rate: rate,
    error_status: z.union([z.literal(500), z.literal(503)]),
    hang_rate: rate,
    outage_ms: z.number().int().nonnegative(),
    force_429: z.number().int().nonnegative(),
    storm_429_ms: z.number().int().nonnegative(),
    retry_after_seconds: z.number().int().positive(),
    scope: z.enum(['all', 'v1', 'v2']),
  })
  .partial()
  .strict();

/** `PUT /_emulator/faults/users/{id}`: that user's calls fail with `status` for `duration_ms` (or until cleared). */
export const userFaultSchema = z
  .object({
    status: z
      .number()
      .refine(
        (n): n is (typeof USER_FAULT_STATUSES)[number] =>
          (USER_FAULT_STATUSES as readonly number[]).includes(n),
        {
          message: `must be one of ${USER_FAULT_STATUSES.join(', ')}`,
        },
      )
      .default(500),
    duration_ms: positiveMs.optional(),
    retry_after_seconds: z.number().int().positive().default(1),
  })
  .strict();

export const webhookConfigSchema = z
  .object({
    urls: z.array(z.string().url()),
    authorization: z.string().nullable(),
    timeout_ms: positiveMs,
    retry_scale: z.number().positive(),
    duplicate_rate: rate,
    drop_rate: rate,
    reorder_window_ms: z.number().int().nonnegative(),
    drop_event_types: z.array(z.string().min(1, 'must not be empty')),
    drop_event_count: z.number().int('must be an integer').nonnegative('must not be negative').nullable(),
  })
  .partial()
  .strict();

export const limitsSchema = z
  .object({
    v1_per_minute: z.number().int().nonnegative(),
    v2_customer_information_per_minute: z.number().int().nonnegative(),
    v2_project_configuration_per_minute: z.number().int().nonnegative(),
    concurrency: z.enum(['refuse', 'off']),
    lock_hold_ms: z.number().int().nonnegative(),
  })
  .partial()
  .strict();

/** Parses a body or throws INVALID_ARGUMENT naming the first bad field. */
export function parseBody<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0];
  const field =
    issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)');
  throw invalidArgument(field, issue?.message ?? 'invalid');
}
