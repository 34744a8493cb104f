import { isUtf8 } from 'node:buffer';
import { invalidArgument, type AppError } from '@teamseat/errors';

/**
 * The minimal shape the gateway and the consumer rely on. Everything else in the body is forwarded
 * untouched: RevenueCat adds fields and event types without a version change (REVENUECAT.md).
 */
export interface WebhookEvent {
  id: string;
  type: string;
  [field: string]: unknown;
}

export interface WebhookBody {
  event: WebhookEvent;
  [field: string]: unknown;
}

export type WebhookParseResult = { ok: true; body: WebhookBody } | { ok: false; error: AppError };

/** Reason of every rejection, for the DLQ `error-code` header and metrics. */
export const INVALID_WEBHOOK_REASON = 'INVALID_WEBHOOK';

const BOM = [0xef, 0xbb, 0xbf];

/** The bytes as text, or undefined when they are not UTF-8; a leading byte order mark is dropped. */
function utf8Text(raw: Uint8Array): string | undefined {
  // isUtf8 (simdutf) plus one toString costs a third of a fatal TextDecoder on the gateway's hot path.
  if (!isUtf8(raw)) return undefined;
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const start = BOM.every((byte, i) => bytes[i] === byte) ? BOM.length : 0;
  return bytes.toString('utf8', start);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reject(field: string, problem: string): WebhookParseResult {
  return { ok: false, error: invalidArgument(field, problem, INVALID_WEBHOOK_REASON) };
}

/**
 * Checks a webhook body as received (bytes or text). Never throws; the error message names the field:
 * "body: is not JSON", "body: must be a JSON object", "event: is missing", "event.id: must be a
 * non-empty string", ...
 */
export function safeParseWebhookBody(raw: Uint8Array | string): WebhookParseResult {
  const text = typeof raw === 'string' ? raw : utf8Text(raw);
  if (text === undefined) return reject('body', 'is not valid UTF-8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reject('body', 'is not JSON');
  }
  if (!isObject(body)) return reject('body', 'must be a JSON object');
  const event = body['event'];
  if (event === undefined || event === null) return reject('event', 'is missing');
  if (!isObject(event)) return reject('event', 'must be a JSON object');
  for (const field of ['id', 'type'] as const) {
    const value = event[field];
    if (typeof value !== 'string' || value.trim().length === 0) {
      return reject(`event.${field}`, 'must be a non-empty string');
    }
  }
  return { ok: true, body: body as WebhookBody };
}

/** As safeParseWebhookBody, but throws the AppError (INVALID_ARGUMENT, reason INVALID_WEBHOOK). */
export function parseWebhookBody(raw: Uint8Array | string): WebhookBody {
  const result = safeParseWebhookBody(raw);
  if (!result.ok) throw result.error;
  return result.body;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * The Kafka key of a webhook record: `app_user_id`; TRANSFER events have none, so the first of
 * `transferred_to` (the destination the event is sent for); else `original_app_user_id`. Null when the
 * event names no user (the gateway then keys by event id).
 */
export function subscriberKey(event: Record<string, unknown>): string | null {
  const appUserId = nonEmptyString(event['app_user_id']);
  if (appUserId !== null) return appUserId;
  const transferredTo = event['transferred_to'];
  if (Array.isArray(transferredTo)) {
    const first = transferredTo.map(nonEmptyString).find((id) => id !== null);
    if (first !== undefined && first !== null) return first;
  }
  return nonEmptyString(event['original_app_user_id']);
}

/** Event types RevenueCat documents (REVENUECAT.md). Others are accepted and forwarded too. */
export const REVENUECAT_EVENT_TYPES = [
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
  'SUBSCRIBER_ALIAS',
] as const;

export type RevenueCatEventType = (typeof REVENUECAT_EVENT_TYPES)[number];

export function isKnownRevenueCatEventType(type: string): type is RevenueCatEventType {
  return (REVENUECAT_EVENT_TYPES as readonly string[]).includes(type);
}
