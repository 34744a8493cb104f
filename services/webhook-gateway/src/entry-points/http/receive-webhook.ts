import { parseWebhookBody, subscriberKey } from '@teamseat/contracts';
import { invalidArgument } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import {
  activeTraceparent,
  contextFrom,
  SpanKind,
  tracerFor,
  tracingActive,
  withSpan,
} from '@teamseat/telemetry';
import type { PublishWebhook } from '../../application/publish-webhook';
import type { GatewayContext } from './gateway-context';
import { traceparentFor } from './trace-context';

/**
 * RevenueCat's event ids are UUIDs; the bound keeps a forged id from filling the duplicate window, the
 * topic's headers or the consumers' processed-events index (docs/adr/0023).
 */
export const MAX_EVENT_ID_LENGTH = 256;

/**
 * Validates the minimum (an `event` with a non-empty `id` of at most 256 characters and a `type`), publishes the untouched bytes and
 * answers 200 only after Kafka has acknowledged them (DESIGN §4.1). Everything else in the body is
 * RevenueCat's business: unknown types and fields are forwarded as they are. With tracing on, each webhook
 * is a server span (child of the caller's `traceparent`) and the record carries that span's context.
 */
export function createReceiveWebhook({
  logger,
  publishWebhook,
}: {
  logger: Logger;
  publishWebhook: PublishWebhook;
}) {
  const tracer = tracerFor('webhook-gateway');
  return function receiveWebhook(ctx: GatewayContext, raw: Buffer): Promise<void> {
    const incoming = ctx.get('traceparent') || undefined;
    // The caller's trace context is read only when something records spans (a hot path: bench/gateway).
    const parent = tracingActive()
      ? contextFrom({ traceparent: incoming, tracestate: ctx.get('tracestate') || undefined })
      : undefined;
    return withSpan(
      tracer,
      'receive RevenueCat webhook',
      { kind: SpanKind.SERVER, ...(parent && { parent }) },
      async (span) => {
        const { event } = parseWebhookBody(raw);
        span.setAttributes({ 'revenuecat.event.id': event.id, 'revenuecat.event.type': event.type });
        await receive(ctx, raw, event, activeTraceparent() ?? traceparentFor(incoming));
      },
    );
  };

  async function receive(
    ctx: GatewayContext,
    raw: Buffer,
    event: ReturnType<typeof parseWebhookBody>['event'],
    traceparent: string,
  ): Promise<void> {
    if (event.id.length > MAX_EVENT_ID_LENGTH) {
      throw invalidArgument(
        'event.id',
        `must be at most ${MAX_EVENT_ID_LENGTH} characters, got ${event.id.length}`,
      );
    }
    const context = Object.assign(ctx.state.logContext, { eventId: event.id, eventType: event.type });

    const { duplicate } = await publishWebhook({
      raw,
      eventId: event.id,
      eventType: event.type,
      // An event naming no user still needs a stable key, so its redeliveries share a partition.
      key: subscriberKey(event) ?? event.id,
      traceparent,
      receivedAt: ctx.state.receivedAt,
    });
    // Debug, not info: every accepted webhook is on the topic with its id and type (the durable record);
    // a line per webhook at full load cost the gateway a quarter of its time (bench/gateway).
    if (logger.isLevelEnabled('debug')) {
      logger.debug({ ...context, duplicate, bytes: raw.length }, 'webhook published');
    }

    ctx.status = 200;
    ctx.body = { status: 'published', eventId: event.id };
  }
}
