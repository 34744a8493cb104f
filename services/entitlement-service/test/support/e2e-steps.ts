import type { Team__Output } from '@teamseat/grpc';
import { waitFor } from '@teamseat/testing';
import { metricSum } from './metrics';
import { call } from './service-harness';
import type { E2eStack } from './e2e-harness';

export interface Access {
  active: boolean;
  lifetime: boolean;
  expiresAt: { seconds: string } | null;
  source: { kind: string; teamId: string };
}

export const ms = (timestamp: { seconds: string; nanos?: number } | null | undefined) =>
  timestamp ? Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6) : undefined;

let counter = 0;
export const newUser = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export async function teamOf(stack: E2eStack, subscriber: string): Promise<Team__Output | undefined> {
  try {
    const response = await call<{ team: Team__Output }>(stack.teams as never, 'GetTeam', {
      key: { subscriberUserId: subscriber, managementEntitlement: 'team_admin' },
    });
    return response.team;
  } catch (error) {
    if ((error as { code?: number }).code === 5) return undefined;
    throw error;
  }
}

export async function waitForTeam(
  stack: E2eStack,
  subscriber: string,
  predicate: (team: Team__Output) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<Team__Output> {
  return waitFor(
    async () => {
      const team = await teamOf(stack, subscriber);
      return team && predicate(team) ? team : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

export const access = (stack: E2eStack, userId: string, entitlement = 'pro') =>
  call<Access>(stack.ent as never, 'CheckAccess', { userId, entitlement });

export async function waitForAccess(
  stack: E2eStack,
  userId: string,
  predicate: (access: Access) => boolean,
  timeoutMs = 20_000,
): Promise<Access> {
  return waitFor(
    async () => {
      const answer = await access(stack, userId);
      return predicate(answer) ? answer : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

export const addMember = (stack: E2eStack, teamId: string, owner: string, userId: string) =>
  call<{ team: Team__Output }>(stack.teams as never, 'AddMember', { teamId, userId, actorUserId: owner });

export const removeMember = (stack: E2eStack, teamId: string, owner: string, userId: string) =>
  call<{ team: Team__Output }>(stack.teams as never, 'RemoveMember', { teamId, userId, actorUserId: owner });

/** The promotional expiry of an entitlement as the emulator holds it (undefined: never granted). */
export function promoExpiry(stack: E2eStack, userId: string, entitlement = 'pro'): number | undefined {
  const body = stack.emulator.service.subscriber(userId) as
    | { subscriber: { subscriptions: Record<string, { expires_date: string | null }> } }
    | undefined;
  if (!body) return undefined;
  const ends = Object.entries(body.subscriber.subscriptions)
    .filter(([key]) => key.startsWith(`rc_promo_${entitlement}_`))
    .map(([, s]) => (s.expires_date === null ? Infinity : Date.parse(s.expires_date)));
  return ends.length === 0 ? undefined : Math.max(...ends);
}

/** Loosely typed on purpose: tests pick the action and build its input at run time. */
export const storeAction = (stack: E2eStack, name: string, input: object) =>
  stack.emulator.service.storeAction(name as never, input as never);

/** No webhook is on its way, and every one the emulator delivered has been handled by entitlement-service. */
export async function everyWebhookHandled(stack: E2eStack, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    async () => {
      const deliveries = stack.emulator.webhooks.deliveries();
      if (deliveries.some((d) => d.state === 'pending')) return false;
      const delivered = deliveries.filter((d) => d.state === 'delivered').length;
      const handled = await metricSum(stack.service.registry, 'entitlement_messages_handled_total', {
        topic: stack.topics.webhooks,
      });
      return handled >= delivered;
    },
    { timeoutMs, intervalMs: 100 },
  );
}
