// TEMPORARY: stands in for @teamseat/contracts until that package exports the webhook contract (DESIGN §2).
import { invalidArgument } from '@teamseat/errors';

export const REVENUECAT_WEBHOOKS_TOPIC = 'revenuecat.webhooks.v1';
export const WEBHOOK_HEADERS = {
  eventId: 'rc-event-id',
  eventType: 'rc-event-type',
  receivedAt: 'received-at',
  traceparent: 'traceparent',
} as const;

export interface WebhookEnvelope {
  event: {
    id: string;
    type: string;
    app_user_id?: unknown;
    transferred_to?: unknown;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseWebhookBody(raw: Uint8Array | string): WebhookEnvelope {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : utf8.decode(raw);
  } catch {
    throw invalidArgument('body', 'is not valid UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidArgument('body', 'is not valid JSON');
  }
  if (!isObject(body)) throw invalidArgument('body', 'must be a JSON object');
  const event = body.event;
  if (event === undefined) throw invalidArgument('event', 'is required');
  if (!isObject(event)) throw invalidArgument('event', 'must be an object');
  for (const field of ['id', 'type'] as const) {
    const value = event[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw invalidArgument(`event.${field}`, 'must be a non-empty string');
    }
  }
  return body as WebhookEnvelope;
}

export function subscriberKey(event: WebhookEnvelope['event']): string | null {
  if (typeof event.app_user_id === 'string' && event.app_user_id.length > 0) return event.app_user_id;
  if (Array.isArray(event.transferred_to)) {
    const first: unknown = event.transferred_to[0];
    if (typeof first === 'string' && first.length > 0) return first;
  }
  return null;
}

/** Event types documented by RevenueCat (REVENUECAT.md); others are accepted too. */
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
