import { expect } from 'chai';
import fc from 'fast-check';
import { emptyLanes, runKeyedBatch } from '../../src/keyed-batch';
import type { ReceivedMessage } from '../../src';
import type { StepOutcome } from '../../src/step-outcome';

const message = (offset: number, key: string): ReceivedMessage => ({
  topic: 't',
  partition: 0,
  offset: String(offset),
  key,
  value: null,
  headers: {},
  timestamp: '0',
});

/** A batch: each message a key out of a few and what its step answers. */
const batches = fc.array(
  fc.record({
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    outcome: fc.constantFrom<'done' | 'hold'>('done', 'done', 'done', 'hold'),
    ticks: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 40 },
);

describe('keyed batch: the users of one partition at once (ADR 0027)', () => {
  it('when a batch runs, then a key goes in offset order and stops at its held message, at most the bound run at once, and the commit point stops at the first unfinished message', async () => {
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 1, max: 4 }), async (plan, bound) => {
        const messages = plan.map(({ key }, offset) => message(offset, key));
        const started: number[] = [];
        let inFlight = 0;
        let most = 0;
        const lanes = emptyLanes();
        const { resolvedThrough } = await runKeyedBatch({
          messages,
          lanes,
          keysInFlight: bound,
          canStart: () => true,
          afterDone: async () => {},
          idlePollMs: 1_000,
          now: () => 0,
          step: async ({ offset }): Promise<StepOutcome> => {
            const { outcome, ticks } = plan[Number(offset)]!;
            started.push(Number(offset));
            inFlight += 1;
            most = Math.max(most, inFlight);
            for (let i = 0; i < ticks; i += 1) await Promise.resolve();
            inFlight -= 1;
            return outcome === 'done' ? { kind: 'done' } : { kind: 'hold', delayMs: 10 };
          },
        });

        expect(most).to.be.at.most(bound);
        for (const key of new Set(plan.map((p) => p.key))) {
          const ofKey = plan.flatMap((p, offset) => (p.key === key ? [offset] : []));
          const firstHeld = ofKey.findIndex((offset) => plan[offset]!.outcome === 'hold');
          const expected = firstHeld === -1 ? ofKey : ofKey.slice(0, firstHeld + 1);
          expect(started.filter((offset) => plan[offset]!.key === key)).to.deep.equal(expected);
        }
        const finished = (offset: number) => started.includes(offset) && plan[offset]!.outcome === 'done';
        let prefix = 0;
        while (prefix < plan.length && finished(prefix)) prefix += 1;
        expect(resolvedThrough).to.equal(prefix === 0 ? undefined : String(prefix - 1));
        for (let offset = prefix; offset < plan.length; offset += 1) {
          expect(lanes.done.has(String(offset))).to.equal(finished(offset));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('when a batch is fetched again, then what finished is passed over, a key not yet due waits, and with nothing to start the partition sleeps until the first due time', async () => {
    const lanes = emptyLanes();
    const messages = [message(0, 'held'), message(1, 'other'), message(2, 'held'), message(3, 'late')];
    lanes.done.add('1');
    lanes.held.set('kheld', 500);
    const started: string[] = [];
    const run = (now: number, messagesNow: ReceivedMessage[]) =>
      runKeyedBatch({
        messages: messagesNow,
        lanes,
        keysInFlight: 2,
        canStart: () => true,
        afterDone: async () => {},
        idlePollMs: 1_000,
        now: () => now,
        step: async ({ offset }) => {
          started.push(offset);
          return { kind: 'done' };
        },
      });

    expect(await run(100, messages.slice(0, 3))).to.deep.equal({ resolvedThrough: undefined, pauseMs: 400 });
    expect(await run(200, messages)).to.deep.equal({ resolvedThrough: undefined, pauseMs: undefined });
    expect(started).to.deep.equal(['3']);
    expect(await run(500, messages)).to.deep.equal({ resolvedThrough: '3', pauseMs: undefined });
    expect(started).to.deep.equal(['3', '0', '2']);
    expect([...lanes.done, ...lanes.held.keys()]).to.deep.equal([]);
  });
});
