import {
  buildMemberGrantTerms,
  cloudEventKafkaHeaders,
  encodeMemberGrantTerms,
  EVENT_SOURCES,
} from '@teamseat/contracts';
import type { OutgoingMessage } from '@teamseat/kafka';
import type { MemberGrant } from '@teamseat/contracts';
import type { Team } from '../../domain/team';

/**
 * The grant-terms fact for one user, from the team as read (its version orders the facts, ADR 0016);
 * `grant` is what the team gives the user (memberGrantOf).
 */
export function grantFactMessage(
  team: Team,
  userId: string,
  grant: MemberGrant,
  causationId: string | undefined,
): OutgoingMessage {
  const fact = buildMemberGrantTerms(
    {
      userId,
      teamId: team.teamId,
      teamVersion: team.version,
      productId: team.productId,
      entitlements: [...team.memberEntitlements],
      grant,
    },
    {
      source: EVENT_SOURCES.teamService,
      time: team.updatedAt,
      ...(causationId ? { causationid: causationId } : {}),
    },
  );
  return {
    key: userId,
    value: encodeMemberGrantTerms(fact),
    headers: cloudEventKafkaHeaders(fact),
  };
}
