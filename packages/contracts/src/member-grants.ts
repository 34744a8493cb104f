import { z } from 'zod';
import {
  buildEnvelope,
  cloudEventSchema,
  decodeEnvelope,
  encodeEnvelope,
  isoDateTime,
  nonEmptyString,
} from './envelope';
import type { EnvelopeAttributes } from './envelope';

// What team-service publishes on teamseat.member-grants.v1, keyed by user id: for one (user, team), what a
// seat in that team gives the user now (ADR 0016). Facts, not events: each says the whole truth for the pair
// as of `teamVersion`, so a consumer keeps the one with the highest version and ignores older ones, and a
// duplicate changes nothing. A change that alters what members should have (a seat given or taken, a
// renewal, an expiry, a tier change) produces one fact per affected user, derived from one team version.

export const MEMBER_GRANT_TERMS_TYPE = 'teamseat.team.MemberGrantTerms.v1';

/** until: access until `until` (the team's period end); lifetime: no end; none: this team gives nothing. */
export const memberGrantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('until'), until: isoDateTime }).passthrough(),
  z.object({ kind: z.literal('lifetime') }).passthrough(),
  z.object({ kind: z.literal('none') }).passthrough(),
]);

export const memberGrantTermsDataSchema = z
  .object({
    userId: nonEmptyString,
    teamId: nonEmptyString,
    /** The team version the fact was derived from: the newer fact for a (user, team) wins. */
    teamVersion: z.number().int().positive(),
    /** The team's product (the consumer's grant buffer is per product). */
    productId: nonEmptyString,
    /** The member entitlements the grant is for (the team's, even when the grant is none). */
    entitlements: z.array(nonEmptyString),
    grant: memberGrantSchema,
  })
  .passthrough();

/** The envelope; the subject (and the Kafka key) is the userId. */
export const memberGrantTermsSchema = cloudEventSchema(
  MEMBER_GRANT_TERMS_TYPE,
  memberGrantTermsDataSchema,
).superRefine((fact, ctx) => {
  if (fact.subject !== fact.data.userId) {
    ctx.addIssue({ code: 'custom', path: ['subject'], message: 'must equal data.userId' });
  }
});

export type MemberGrant = z.infer<typeof memberGrantSchema>;
export type MemberGrantTermsData = z.infer<typeof memberGrantTermsDataSchema>;
export type MemberGrantTermsDataInput = z.input<typeof memberGrantTermsDataSchema>;
export type MemberGrantTerms = z.infer<typeof memberGrantTermsSchema>;
export type MemberGrantTermsInput = z.input<typeof memberGrantTermsSchema>;

/**
 * The id of the fact for (team, version, user): the same fact published twice (a relay retry) has the
 * same id.
 */
export function memberGrantTermsId(
  data: Pick<MemberGrantTermsDataInput, 'teamId' | 'teamVersion' | 'userId'>,
) {
  return `${data.teamId}/${data.teamVersion}/${data.userId}`;
}

/** A fact envelope, subject = data.userId, id from (team, version, user). Validate with encodeMemberGrantTerms. */
export function buildMemberGrantTerms(
  data: MemberGrantTermsDataInput,
  attributes: Omit<EnvelopeAttributes, 'id'>,
) {
  return buildEnvelope(MEMBER_GRANT_TERMS_TYPE, data.userId, data, {
    ...attributes,
    id: memberGrantTermsId(data),
  });
}

export function encodeMemberGrantTerms(fact: MemberGrantTermsInput): Buffer {
  return encodeEnvelope(memberGrantTermsSchema, fact);
}

/** Throws AppError INVALID_ARGUMENT (reason INVALID_ENVELOPE) naming the field. */
export function decodeMemberGrantTerms(raw: Uint8Array | string): MemberGrantTerms {
  return decodeEnvelope(memberGrantTermsSchema, raw);
}
