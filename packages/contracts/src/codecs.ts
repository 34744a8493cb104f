import {
  buildEnvelope,
  decodeEnvelope,
  encodeEnvelope,
  parseJson,
  validateEnvelope,
  type EnvelopeAttributes,
} from './envelope';
import {
  ENTITLEMENT_CHANGED_TYPE,
  entitlementChangeSchema,
  type EntitlementChange,
  type EntitlementChangeDataInput,
  type EntitlementChangeInput,
} from './entitlement-changes';
import {
  assertKnownTeamEventType,
  teamEventSchema,
  type TeamEvent,
  type TeamEventDataInput,
  type TeamEventInput,
  type TeamEventType,
} from './team-events';

// The one way to put these events on Kafka and take them off: validated on both sides, so a bad
// producer fails at the send and a bad record goes to the DLQ with a message naming the field.

/** A team event envelope for `type`, subject = data.teamId. Validate with encodeTeamEvent. */
export function buildTeamEvent<Type extends TeamEventType>(
  type: Type,
  data: TeamEventDataInput<Type>,
  attributes: EnvelopeAttributes,
) {
  return buildEnvelope(type, data.teamId, data, attributes);
}

export function encodeTeamEvent(event: TeamEventInput): Buffer {
  return encodeEnvelope(teamEventSchema, event);
}

/**
 * Validates and serialises a team event whose type is known only at run time (an outbox entry read back
 * from storage). Throws AppError INVALID_ARGUMENT naming the field, as encodeTeamEvent does.
 */
export function encodeStoredTeamEvent(envelope: unknown): Buffer {
  assertKnownTeamEventType(envelope);
  return Buffer.from(JSON.stringify(validateEnvelope(teamEventSchema, envelope)), 'utf8');
}

/**
 * Throws AppError INVALID_ARGUMENT: reason UNKNOWN_EVENT_TYPE for a `teamseat.team.*` type this
 * version does not know (skip it), INVALID_ENVELOPE for anything else (dead-letter it).
 */
export function decodeTeamEvent(raw: Uint8Array | string): TeamEvent {
  const json = parseJson(raw);
  assertKnownTeamEventType(json);
  return validateEnvelope(teamEventSchema, json);
}

/** An entitlement change envelope, subject = data.userId. Validate with encodeEntitlementChange. */
export function buildEntitlementChange(data: EntitlementChangeDataInput, attributes: EnvelopeAttributes) {
  return buildEnvelope(ENTITLEMENT_CHANGED_TYPE, data.userId, data, attributes);
}

export function encodeEntitlementChange(change: EntitlementChangeInput): Buffer {
  return encodeEnvelope(entitlementChangeSchema, change);
}

export function decodeEntitlementChange(raw: Uint8Array | string): EntitlementChange {
  return decodeEnvelope(entitlementChangeSchema, raw);
}
