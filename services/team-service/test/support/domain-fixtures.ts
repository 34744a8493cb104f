import type { DecisionContext } from '../../src/domain/decision';
import { provisionTeam, type SubscriptionState } from '../../src/domain/subscription-decisions';
import type { Team } from '../../src/domain/team';

export const T0 = new Date('2030-01-01T00:00:00Z');
export const HOUR = 3_600_000;

let counter = 0;
export function context(now: Date = T0): DecisionContext {
  return { now, newId: () => `id-${++counter}`, newSecret: () => `secret-${++counter}` };
}

export function state(overrides: Partial<SubscriptionState> = {}): SubscriptionState {
  return {
    subscriberUserId: 'owner',
    managementEntitlement: 'admin-ent',
    subscriptionGroup: 'admin-ent',
    productId: 'team-pro',
    status: 'active',
    periodEndsAt: new Date(T0.getTime() + 30 * 24 * HOUR),
    seatLimit: 5,
    memberEntitlements: ['pro'],
    grantMode: 'period',
    shrinkPolicy: 'block',
    ownerTakesSeat: false,
    adminChoiceGraceHours: 72,
    sourceEventAt: T0,
    rosterRetentionDays: 0,
    ...overrides,
  };
}

/** A freshly provisioned team; `members` join one millisecond apart, in order. */
export function team(overrides: Partial<SubscriptionState> = {}, members: string[] = []): Team {
  let current = provisionTeam(state(overrides), 'team-1', context()).next;
  members.forEach((userId, i) => {
    current = {
      ...current,
      members: [
        ...current.members,
        {
          userId,
          role: 'member',
          addedAt: new Date(T0.getTime() + i + 1),
          addedBy: 'owner',
          holdsSeat: true,
          inviteId: null,
        },
      ],
    };
  });
  return current;
}
