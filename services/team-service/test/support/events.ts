import {
  decodeMemberGrantTerms,
  decodeTeamEvent,
  type MemberGrantTerms,
  type TeamEvent,
} from '@teamseat/contracts';
import { consumeMessages, getInfrastructure } from '@teamseat/testing';
import type { Harness } from './harness';

/** Every team event on the harness topic, decoded with the contract (so a bad event fails the test). */
export async function publishedEvents(harness: Harness, { quietMs = 1_500 } = {}): Promise<TeamEvent[]> {
  await harness.service.internals.relay.idle();
  const { kafkaBrokers } = await getInfrastructure();
  const messages = await consumeMessages(kafkaBrokers, harness.topic, { quietMs });
  return messages.map((message) => {
    const event = decodeTeamEvent(message.value ?? '');
    if (message.key !== event.data.teamId)
      throw new Error(`event ${event.id} keyed ${message.key}, not its team`);
    return event;
  });
}

export const typeName = (event: TeamEvent) =>
  event.type.replace(/^teamseat\.team\./, '').replace(/\.v1$/, '');

export function eventsOf(events: TeamEvent[], teamId: string): TeamEvent[] {
  return events.filter((event) => event.data.teamId === teamId);
}

/** Every grant-terms fact on the harness's facts topic, decoded with the contract, checked to be keyed by user. */
export async function publishedFacts(
  harness: Harness,
  { quietMs = 1_500, count }: { quietMs?: number; count?: number } = {},
): Promise<MemberGrantTerms[]> {
  await harness.service.internals.relay.idle();
  const { kafkaBrokers } = await getInfrastructure();
  const messages = await consumeMessages(kafkaBrokers, harness.grantsTopic, {
    quietMs,
    ...(count === undefined ? {} : { count, timeoutMs: 120_000 }),
  });
  return messages.map((message) => {
    const fact = decodeMemberGrantTerms(message.value ?? '');
    if (message.key !== fact.data.userId)
      throw new Error(`fact ${fact.id} keyed ${message.key}, not its user`);
    return fact;
  });
}

/** The newest fact per user of one team: what the team gives each user now. */
export function latestGrants(
  facts: MemberGrantTerms[],
  teamId: string,
): Map<string, MemberGrantTerms['data']> {
  const latest = new Map<string, MemberGrantTerms['data']>();
  for (const { data } of facts) {
    if (data.teamId !== teamId) continue;
    const seen = latest.get(data.userId);
    if (!seen || seen.teamVersion < data.teamVersion) latest.set(data.userId, data);
  }
  return latest;
}
