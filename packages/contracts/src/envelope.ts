import { AppError } from '@teamseat/errors';
import { z, type ZodType, type ZodTypeAny, type ZodTypeDef } from 'zod';
import { parseOrThrow } from './validation';

/** ISO-8601 date-time with a zone designator (`Z` or an offset), as `Date.prototype.toISOString` writes. */
export const isoDateTime = z.string().datetime({ offset: true });
export const nonEmptyString = z.string().min(1);

export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';
/** The Kafka protocol binding's structured content mode: the whole event is the value, with this content type. */
export const CLOUDEVENTS_KAFKA_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/** The `source` attribute of each producer (a URI reference, per CloudEvents). */
export const EVENT_SOURCES = {
  teamService: '/teamseat/team-service',
  entitlementService: '/teamseat/entitlement-service',
} as const;

/**
 * A CloudEvents 1.0 envelope (structured JSON mode) for one event type. Unknown attributes (extensions)
 * and unknown data fields pass through, so a producer may add optional fields within a version without
 * breaking older consumers; removing or retyping a field needs a new type version (`.v2`).
 */
export function cloudEventSchema<Type extends string, Data extends ZodTypeAny>(type: Type, data: Data) {
  return z
    .object({
      specversion: z.literal(CLOUDEVENTS_SPEC_VERSION),
      /** Unique per event; consumers dedupe on it. */
      id: nonEmptyString,
      type: z.literal(type),
      source: nonEmptyString,
      time: isoDateTime,
      /** The Kafka key: teamId for team events, userId for entitlement changes. */
      subject: nonEmptyString,
      datacontenttype: z.literal(JSON_CONTENT_TYPE).default(JSON_CONTENT_TYPE),
      /** W3C trace context of the work that produced the event (CloudEvents distributed tracing extension). */
      traceparent: z.string().optional(),
      /** Id of the event or request that caused this one (a RevenueCat event id, a team event id). */
      causationid: z.string().optional(),
      /** The Kafka record's key (the binding's partitioning extension): the subject. */
      partitionkey: z.string().optional(),
      data,
    })
    .passthrough();
}

export interface EnvelopeAttributes {
  id: string;
  source: string;
  /** Defaults to now. */
  time?: string | Date;
  traceparent?: string;
  causationid?: string;
}

/** Fills the constant attributes of an envelope; the result still goes through encodeEnvelope. */
export function buildEnvelope<Type extends string, Data>(
  type: Type,
  subject: string,
  data: Data,
  attributes: EnvelopeAttributes,
) {
  const time = attributes.time ?? new Date();
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: attributes.id,
    type,
    source: attributes.source,
    time: typeof time === 'string' ? time : time.toISOString(),
    subject,
    datacontenttype: JSON_CONTENT_TYPE,
    partitionkey: subject,
    ...(attributes.traceparent === undefined ? {} : { traceparent: attributes.traceparent }),
    ...(attributes.causationid === undefined ? {} : { causationid: attributes.causationid }),
    data,
  } as const;
}

/**
 * The headers of a record carrying an envelope, per the CloudEvents Kafka binding in structured mode: the
 * content type, and the W3C trace context also as a plain header for tracers that read only headers.
 */
export function cloudEventKafkaHeaders(envelope: { traceparent?: string }): Record<string, string> {
  return {
    'content-type': CLOUDEVENTS_KAFKA_CONTENT_TYPE,
    ...(envelope.traceparent === undefined ? {} : { traceparent: envelope.traceparent }),
  };
}

/** Validates an envelope and serialises it for Kafka. Throws AppError INVALID_ARGUMENT naming the field. */
export function encodeEnvelope<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  envelope: Input,
): Buffer {
  const valid = parseOrThrow(schema, envelope, { what: 'envelope', reason: 'INVALID_ENVELOPE' });
  return Buffer.from(JSON.stringify(valid), 'utf8');
}

/** Parses and validates a Kafka value. Throws AppError INVALID_ARGUMENT (reason INVALID_ENVELOPE). */
export function decodeEnvelope<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  raw: Uint8Array | string,
): Output {
  return validateEnvelope(schema, parseJson(raw));
}

/** Validates an already parsed envelope. Throws AppError INVALID_ARGUMENT (reason INVALID_ENVELOPE). */
export function validateEnvelope<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  value: unknown,
): Output {
  return parseOrThrow(schema, value, { what: 'envelope', reason: 'INVALID_ENVELOPE' });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseJson(raw: Uint8Array | string): unknown {
  try {
    return JSON.parse(typeof raw === 'string' ? raw : utf8.decode(raw));
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'envelope: is not JSON', {
      reason: 'INVALID_ENVELOPE',
      details: { field: 'envelope' },
    });
  }
}
