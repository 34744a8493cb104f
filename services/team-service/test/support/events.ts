import {
  decodeMemberGrantTerms,
  decodeTeamEvent,
  type MemberGrantTerms,
  type TeamEvent,
} from '@teamseat/contracts';
import { consumeMessages, getInfrastructure, messagesOnTopic } from '@teamseat/testing';
import type { Harness } from './harness';

/**
 * Everything the relay published to a topic of the harness: read up to the end offsets taken once the relay
 * is idle, so a slow machine makes the read slower, never shorter.
 */
async function publishedOn(harness: Harness, topic: string, { timeoutMs }: ReadOptions) {
  await harness.service.internals.relay.idle();
  const { kafkaBrokers } = await getInfrastructure();
  const count = await messagesOnTopic(kafkaBrokers, topic);
  if (count === 0) return [];
  return consumeMessages(kafkaBrokers, topic, { count, timeoutMs: timeoutMs ?? 30_000 + count * 5 });
}

export interface ReadOptions {
  /** Default: 30 s plus 5 ms a message. */
  timeoutMs?: number;
}

/** Every team event on the harness topic, decoded with the contract (so a bad event fails the test). */
export async function publishedEvents(harness: Harness, options: ReadOptions = {}): Promise<TeamEvent[]> {
  const messages = await publishedOn(harness, harness.topic, options);
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
  options: ReadOptions = {},
): Promise<MemberGrantTerms[]> {
  const messages = await publishedOn(harness, harness.grantsTopic, options);
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
