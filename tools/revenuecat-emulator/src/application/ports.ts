import type { WebhookEvent } from '../domain/types';

/** Where the events the use cases cause go: adapters/webhooks/webhook-dispatcher.ts sends them over HTTP. */
export interface WebhookSender {
  send(events: WebhookEvent[]): void;
  /** Forgets every delivery, pending ones included. */
  reset(): void;
}
