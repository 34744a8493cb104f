import { isKnownRevenueCatEventType } from '@teamseat/contracts';
import type { DuplicateWindow } from '../domain/duplicate-window';
import type { PublishMetrics, ReceivedWebhook, WebhookPublisher } from './ports';

export type PublishWebhook = (webhook: ReceivedWebhook) => Promise<{ duplicate: boolean }>;

/**
 * The gateway's one use case: publish the event and resolve only once it is stored (DESIGN §4.1). A
 * redelivery is counted and published again all the same, since consumers dedupe by id.
 */
export function createPublishWebhook({
  publisher,
  duplicates,
  metrics,
}: {
  publisher: WebhookPublisher;
  duplicates: DuplicateWindow;
  metrics: PublishMetrics;
}): PublishWebhook {
  return async function publishWebhook(webhook) {
    const duplicate = duplicates.has(webhook.eventId);
    if (duplicate) metrics.duplicates.inc();
    await publisher.publish(webhook);
    duplicates.record(webhook.eventId);
    metrics.eventsPublished.inc({
      type: isKnownRevenueCatEventType(webhook.eventType) ? webhook.eventType : 'OTHER',
    });
    return { duplicate };
  };
}
