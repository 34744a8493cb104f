import { expect } from 'chai';
import fc from 'fast-check';
import { decideBatch, type Decide } from '../../src/domain/decide-batch';
import { decideAddMember, decideRemoveMember } from '../../src/domain/roster-decisions';
import type { Team } from '../../src/domain/team';
import { context, team } from '../support/domain-fixtures';

type Command = { kind: 'add' | 'remove'; userId: string; actor: string };

const decideOf =
  (command: Command): Decide =>
  (t, ctx) =>
    command.kind === 'add' ? decideAddMember(t, command, ctx) : decideRemoveMember(t, command, ctx);

/** The commands one after another, each its own version: what the batch must equal but for the version. */
function oneByOne(start: Team, commands: Command[]) {
  let current = start;
  const outcomes = commands.map((command) => {
    try {
      current = decideOf(command)(current, context()).next;
      return 'ok';
    } catch (error) {
      return (error as { reason?: string }).reason ?? 'error';
    }
  });
  return { current, outcomes };
}

describe('a batch of commands on one team', () => {
  it('when commands are batched, then each gets the outcome it gets alone after its predecessors, and the batch is one version', () => {
    const command = fc.record({
      kind: fc.constantFrom<'add' | 'remove'>('add', 'add', 'remove'),
      userId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      actor: fc.constantFrom('owner', 'owner', 'owner', 'stranger'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(command, { maxLength: 12 }), (seats, commands) => {
        const start = team({ seatLimit: seats }, ['a']);
        const batch = decideBatch(start, commands.map(decideOf), context());
        const alone = oneByOne(start, commands);
        const outcomes = batch.outcomes.map((o) =>
          o.ok ? 'ok' : ((o.error as { reason?: string }).reason ?? 'error'),
        );
        expect(outcomes).to.deep.equal(alone.outcomes);
        expect(batch.next.members.map((m) => m.userId)).to.deep.equal(
          alone.current.members.map((m) => m.userId),
        );
        const changed = alone.outcomes.includes('ok');
        expect(batch.next.version).to.equal(start.version + (changed ? 1 : 0));
        expect(batch.events.length).to.equal(alone.outcomes.filter((o) => o === 'ok').length);
      }),
    );
  });

  it('when a command in the middle is refused, then its neighbours land and their events name them', () => {
    const start = team({ seatLimit: 5 });
    const batch = decideBatch(
      start,
      [
        decideOf({ kind: 'add', userId: 'x', actor: 'owner' }),
        decideOf({ kind: 'add', userId: 'y', actor: 'stranger' }),
        decideOf({ kind: 'add', userId: 'z', actor: 'owner' }),
      ],
      context(),
    );
    expect(batch.outcomes.map((o) => o.ok)).to.deep.equal([true, false, true]);
    expect(batch.events.map((e) => [e.command, (e.event.data as { userId: string }).userId])).to.deep.equal([
      [0, 'x'],
      [2, 'z'],
    ]);
  });
});
