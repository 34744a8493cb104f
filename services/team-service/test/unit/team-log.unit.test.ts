import { expect } from 'chai';
import { eventCount, logEntry, storedEvents } from '../../src/adapters/database/team-log';
import { NO_GRANT_CHANGE } from '../../src/domain/member-grants';
import type { PendingEvent } from '../../src/domain/team-events';
import { patchOf } from '../../src/domain/team-patch';
import { team as teamFixture } from '../support/domain-fixtures';

describe('team log entries', () => {
  const team = teamFixture();
  const meta = { causationId: 'rc-1', traceparent: null };
  const removed = (userId: string): PendingEvent =>
    ({
      type: 'teamseat.team.MemberRemoved.v1',
      data: { teamId: team.teamId, seatLimit: 1, userId, role: 'member', reason: 'seat-limit-reduced' },
    }) as unknown as PendingEvent;
  const revoked = (inviteId: string): PendingEvent =>
    ({
      type: 'teamseat.team.InviteRevoked.v1',
      data: { teamId: team.teamId, inviteId },
    }) as unknown as PendingEvent;
  let next = 0;
  const ids = { now: new Date(), newId: () => `event-${next++}` };

  it('when an entry has many events, then each shared field is stored once and they read back in order', () => {
    const events = [revoked('i-1'), ...Array.from({ length: 50 }, (_, i) => removed(`user-${i}`))];
    const entry = logEntry(team, patchOf(null, team), events, NO_GRANT_CHANGE, meta, ids);
    expect(entry.events).to.deep.equal([]);
    expect(entry.eventRuns?.runs.map((run) => run.items.length)).to.deep.equal([1, 50]);
    expect(entry.eventRuns?.runs[1]?.data).to.deep.equal({
      teamId: team.teamId,
      seatLimit: 1,
      role: 'member',
      reason: 'seat-limit-reduced',
    });
    expect(eventCount(entry)).to.equal(51);
    const read = storedEvents(entry);
    expect(read.map((event) => event.data)).to.deep.equal(events.map((event) => event.data));
    expect(read.map((event) => event.type)).to.deep.equal(events.map((event) => event.type));
    expect(read.every((event) => event.causationid === 'rc-1' && event.time === ids.now)).to.equal(true);
  });

  it('when an entry has few events, then they are stored as they are', () => {
    const entry = logEntry(team, patchOf(null, team), [removed('a')], NO_GRANT_CHANGE, meta, ids);
    expect(entry.eventRuns).to.equal(undefined);
    expect(storedEvents(entry)).to.equal(entry.events);
  });

  it("when a batch's events carry their callers' causation, then each reads back with its own, packed or not", () => {
    for (const count of [3, 30]) {
      const events = Array.from({ length: count }, (_, i) => ({
        ...removed(`user-${i}`),
        meta: { causationId: i % 2 === 0 ? 'rc-1' : `call-${i}`, traceparent: i === 1 ? 'tp-1' : null },
      }));
      const entry = logEntry(team, patchOf(null, team), events, NO_GRANT_CHANGE, meta, ids);
      const read = storedEvents(entry);
      expect(read.map((event) => [event.causationid, event.traceparent])).to.deep.equal(
        events.map((event) => [event.meta.causationId, event.meta.traceparent]),
      );
    }
  });
});
