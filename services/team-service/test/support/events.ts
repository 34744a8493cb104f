import { decodeTeamEvent, type TeamEvent } from '@teamseat/contracts';
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
