import { parseWebhookBody, subscriberKey } from '@teamseat/contracts';
import type { Logger } from '@teamseat/logger';
import type { PublishWebhook } from '../../application/publish-webhook';
import type { GatewayContext } from './gateway-context';
import { traceparentFor } from './trace-context';

/**
 * Validates the minimum (an `event` with a non-empty `id` and `type`), publishes the untouched bytes and
 * answers 200 only after Kafka has acknowledged them (DESIGN §4.1). Everything else in the body is
 * RevenueCat's business: unknown types and fields are forwarded as they are.
 */
export function createReceiveWebhook({
  logger,
  publishWebhook,
}: {
  logger: Logger;
  publishWebhook: PublishWebhook;
}) {
  return async function receiveWebhook(ctx: GatewayContext, raw: Buffer): Promise<void> {
    const { event } = parseWebhookBody(raw);
    const context = Object.assign(ctx.state.logContext, { eventId: event.id, eventType: event.type });

    const { duplicate } = await publishWebhook({
      raw,
      eventId: event.id,
      eventType: event.type,
      // An event naming no user still needs a stable key, so its redeliveries share a partition.
      key: subscriberKey(event) ?? event.id,
      traceparent: traceparentFor(ctx.get('traceparent') || undefined),
      receivedAt: ctx.state.receivedAt,
    });
    // Debug, not info: every accepted webhook is on the topic with its id and type (the durable record);
    // a line per webhook at full load cost the gateway a quarter of its time (bench/gateway).
    if (logger.isLevelEnabled('debug')) {
      logger.debug({ ...context, duplicate, bytes: raw.length }, 'webhook published');
    }

    ctx.status = 200;
    ctx.body = { status: 'published', eventId: event.id };
  };
}
