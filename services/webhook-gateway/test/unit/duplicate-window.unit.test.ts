import { expect } from 'chai';
import fc from 'fast-check';
import { createDuplicateWindow } from '../../src/domain/duplicate-window';

describe('duplicate window', () => {
  it('when an id was recorded, then it is seen; other ids are not', () => {
    const window = createDuplicateWindow({ capacity: 10 });
    window.record('a');
    expect(window.has('a')).to.equal(true);
    expect(window.has('b')).to.equal(false);
  });

  it('when more ids than the capacity are recorded, then the oldest are forgotten first', () => {
    const window = createDuplicateWindow({ capacity: 2 });
    window.record('a');
    window.record('b');
    window.record('c');
    expect([window.has('a'), window.has('b'), window.has('c')]).to.deep.equal([false, true, true]);
  });

  it('when an id is recorded again, then it becomes the newest and outlives older ones', () => {
    const window = createDuplicateWindow({ capacity: 2 });
    window.record('a');
    window.record('b');
    window.record('a');
    window.record('c');
    expect([window.has('a'), window.has('b'), window.has('c')]).to.deep.equal([true, false, true]);
  });

  it('when any sequence of ids is recorded, then the window never holds more than its capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.string({ maxLength: 3 })), (capacity, ids) => {
        const window = createDuplicateWindow({ capacity });
        for (const id of ids) window.record(id);
        const last = ids.at(-1);
        return window.size <= capacity && (last === undefined || window.has(last));
      }),
    );
  });

  it('when any sequence of ids is recorded, then exactly the ids among the last `capacity` recordings are seen', () => {
    const alphabet = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }),
        (capacity, ids) => {
          const window = createDuplicateWindow({ capacity });
          for (const id of ids) window.record(id);
          const recent = new Set<string>(ids.slice(-capacity));
          const seen = alphabet.filter((id) => window.has(id));
          return (
            seen.length === recent.size && seen.every((id) => recent.has(id)) && window.size === recent.size
          );
        },
      ),
    );
  });

  it('when the capacity is not a positive integer, then creation fails', () => {
    expect(() => createDuplicateWindow({ capacity: 0 })).to.throw();
    expect(() => createDuplicateWindow({ capacity: 1.5 })).to.throw();
  });
});
