import { findTeamProduct, type Catalog } from '@teamseat/contracts';
import { invalidArgument } from '@teamseat/errors';
import {
  unary,
  type ApplySubscriptionStateRequest__Output as ApplyRequest,
  type TeamServiceHandlers,
} from '@teamseat/grpc';
import type { SubscriptionCommands } from '../../application/subscription-commands';
import type { MemberGrantAnswer, TeamReads } from '../../application/team-reads';
import type { SubscriptionState } from '../../domain/subscription-decisions';
import type { CallerResolver } from './caller';
import { seatPacksOf } from './seat-pack-mapping';
import { GRANT_MODE_IN, SHRINK_POLICY_IN, STATUS_IN, teamOut, TRANSFER_KIND_IN } from './proto-mapping';
import {
  DEFAULT_ADMIN_CHOICE_GRACE_HOURS,
  MAX_ADMIN_CHOICE_GRACE_HOURS,
  MAX_ROSTER_RETENTION_DAYS,
  MAX_SEAT_LIMIT,
  optionalId,
  requireEnum,
  requireId,
  requireIdentifiedUserId,
  requireInteger,
  requireUserId,
  timestampOf,
  toTimestamp,
} from './validation';

type Handlers = Pick<TeamServiceHandlers, 'ApplySubscriptionState' | 'TransferOwnership' | 'GetMemberGrant'>;

const GRANT_KIND_OUT = {
  none: 'GRANT_KIND_NONE',
  until: 'GRANT_KIND_UNTIL',
  lifetime: 'GRANT_KIND_LIFETIME',
} as const;

function memberGrantOut(teamId: string, userId: string, answer: MemberGrantAnswer) {
  const { grant } = answer;
  return {
    teamId,
    userId,
    teamVersion: answer.teamVersion,
    productId: answer.productId,
    memberEntitlements: answer.memberEntitlements,
    grantKind: GRANT_KIND_OUT[grant.kind],
    until: grant.kind === 'until' ? toTimestamp(new Date(grant.until)) : null,
  };
}

const PREVIOUS_OWNER_ROLE_IN = {
  ROLE_UNSPECIFIED: null,
  ROLE_ADMIN: 'admin',
  ROLE_MEMBER: 'member',
} as const;

/**
 * The request as a subscription state. With a catalog configured, the product must be one of its team
 * products under the given management entitlement, and unset enums take the catalog's values.
 */
export function subscriptionStateOf(request: ApplyRequest, catalog: Catalog | null): SubscriptionState {
  const subscriberUserId = requireUserId('subscriber_user_id', request.subscriberUserId);
  const productId = requireId('product_id', request.productId);
  const managementEntitlement = requireId('management_entitlement', request.managementEntitlement);
  const status = requireEnum('status', request.status, STATUS_IN);
  const seatLimit = requireInteger('seat_limit', request.seatLimit, 0, MAX_SEAT_LIMIT);
  if (seatLimit === 0 && status !== 'expired')
    throw invalidArgument('seat_limit', 'may be 0 only with TEAM_STATUS_EXPIRED');
  const product = catalog ? findTeamProduct(catalog, productId) : undefined;
  if (catalog && (!product || product.managementEntitlement !== managementEntitlement)) {
    throw invalidArgument('product_id', `is not a team product of ${managementEntitlement} in the catalog`);
  }
  const memberEntitlements = (request.memberEntitlements ?? []).map((value, i) =>
    requireId(`member_entitlements[${i}]`, value),
  );
  if (memberEntitlements.length === 0) {
    if (!product) throw invalidArgument('member_entitlements', 'must name at least one entitlement');
    memberEntitlements.push(...product.memberEntitlements);
  }
  const unset = (value: string, unspecified: string) => value === unspecified || value === '';
  const graceHours = requireInteger(
    'admin_choice_grace_hours',
    request.adminChoiceGraceHours ?? 0,
    0,
    MAX_ADMIN_CHOICE_GRACE_HOURS,
  );
  const retentionDays = requireInteger(
    'roster_retention_days',
    request.rosterRetentionDays ?? 0,
    0,
    MAX_ROSTER_RETENTION_DAYS,
  );
  const requestedGroup = optionalId('subscription_group', request.subscriptionGroup);
  const productGroup = product?.subscriptionGroup ?? managementEntitlement;
  if (requestedGroup !== undefined && product && requestedGroup !== productGroup) {
    throw invalidArgument(
      'subscription_group',
      `is not the catalog's group of ${productId} (${productGroup})`,
    );
  }
  const subscriptionGroup = requestedGroup ?? productGroup;
  return {
    subscriberUserId,
    managementEntitlement,
    subscriptionGroup,
    productId,
    status,
    seatLimit,
    seatPacks: seatPacksOf(request.seatPacks, { managementEntitlement, subscriptionGroup }, catalog),
    periodEndsAt: timestampOf('period_ends_at', request.periodEndsAt),
    memberEntitlements,
    grantMode: unset(request.grantMode, 'GRANT_MODE_UNSPECIFIED')
      ? (product?.grantMode ?? 'period')
      : requireEnum('grant_mode', request.grantMode, GRANT_MODE_IN),
    shrinkPolicy: unset(request.shrinkPolicy, 'SHRINK_POLICY_UNSPECIFIED')
      ? (product?.shrinkPolicy ?? 'block')
      : requireEnum('shrink_policy', request.shrinkPolicy, SHRINK_POLICY_IN),
    ownerTakesSeat: request.ownerTakesSeat || (product?.ownerTakesSeat ?? false),
    adminChoiceGraceHours:
      graceHours === 0 ? (product?.adminChoiceGraceHours ?? DEFAULT_ADMIN_CHOICE_GRACE_HOURS) : graceHours,
    sourceEventAt: timestampOf('source_event_at', request.sourceEventAt),
    // 0: the catalog's value, or none kept without a catalog (callers from before ADR 0030).
    rosterRetentionDays: retentionDays === 0 ? (product?.rosterRetentionDays ?? 0) : retentionDays,
  };
}

/** The internal RPCs entitlement-service calls: they need an internal token (INTERNAL_ONLY otherwise). */
export function createInternalHandlers({
  subscriptions,
  reads,
  callers,
  catalog,
}: {
  subscriptions: SubscriptionCommands;
  reads: TeamReads;
  callers: CallerResolver;
  catalog: Catalog | null;
}): Handlers {
  return {
    ApplySubscriptionState: unary(async (request, context) => {
      callers.requireInternal(context, 'ApplySubscriptionState');
      const state = subscriptionStateOf(request, catalog);
      const causation = optionalId('source_event_id', request.sourceEventId);
      const outcome = await subscriptions.applySubscriptionState(
        state,
        callers.optionsOf(context, causation),
      );
      return {
        team: outcome.team ? teamOut(outcome.team) : null,
        changed: outcome.changed,
        removedUserIds: outcome.removedUserIds,
      };
    }),

    TransferOwnership: unary(async (request, context) => {
      const teamId = requireId('team_id', request.teamId);
      const newOwnerUserId = requireIdentifiedUserId('new_owner_user_id', request.newOwnerUserId);
      const kind = requireEnum('kind', request.kind, TRANSFER_KIND_IN);
      const roleName = String(request.previousOwnerRole || 'ROLE_UNSPECIFIED');
      if (!(roleName in PREVIOUS_OWNER_ROLE_IN)) {
        throw invalidArgument('previous_owner_role', 'must be ROLE_ADMIN, ROLE_MEMBER or ROLE_UNSPECIFIED');
      }
      const previousOwnerRole = PREVIOUS_OWNER_ROLE_IN[roleName as keyof typeof PREVIOUS_OWNER_ROLE_IN];
      let actor: string | null = null;
      if (kind === 'store-transfer')
        callers.requireInternal(context, 'TransferOwnership with TRANSFER_KIND_STORE_TRANSFER');
      else actor = requireUserId('actor_user_id', request.actorUserId);
      const causation = optionalId('source_event_id', request.sourceEventId);
      const { team } = await subscriptions.transferOwnership(
        { teamId, newOwnerUserId, kind, previousOwnerRole, actor },
        callers.optionsOf(context, causation),
      );
      return { team: teamOut(team) };
    }),

    GetMemberGrant: unary(async (request, context) => {
      callers.requireInternal(context, 'GetMemberGrant');
      const teamId = requireId('team_id', request.teamId);
      const userId = requireUserId('user_id', request.userId);
      const minVersion = Number(request.minVersion);
      if (!Number.isSafeInteger(minVersion) || minVersion < 0) {
        throw invalidArgument('min_version', 'must be a team version (0 or more)');
      }
      return memberGrantOut(teamId, userId, await reads.memberGrant(teamId, userId, minVersion));
    }),
  };
}
