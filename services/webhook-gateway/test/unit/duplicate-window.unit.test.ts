import { expect } from 'chai';
import fc from 'fast-check';
import { createDuplicateWindow } from '../../src/domain/duplicate-window';

describe('duplicate window', () => {
  it('when an id was recorded, then it is seen; other ids are not', () => {
    const window = createDuplicateWindow({ capacity: 10, maxBytes: 1024 });
    window.record('a');
    expect(window.has('a')).to.equal(true);
    expect(window.has('b')).to.equal(false);
  });

  it('when more ids than the capacity are recorded, then the oldest are forgotten first', () => {
    const window = createDuplicateWindow({ capacity: 2, maxBytes: 1024 });
    window.record('a');
    window.record('b');
    window.record('c');
    expect([window.has('a'), window.has('b'), window.has('c')]).to.deep.equal([false, true, true]);
  });

  it('when an id is recorded again, then it becomes the newest and outlives older ones', () => {
    const window = createDuplicateWindow({ capacity: 2, maxBytes: 1024 });
    window.record('a');
    window.record('b');
    window.record('a');
    window.record('c');
    expect([window.has('a'), window.has('b'), window.has('c')]).to.deep.equal([true, false, true]);
  });

  it('when any sequence of ids is recorded, then the window never holds more than its capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.string({ maxLength: 3 })), (capacity, ids) => {
        const window = createDuplicateWindow({ capacity, maxBytes: 1024 });
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
          const window = createDuplicateWindow({ capacity, maxBytes: 1024 });
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
    expect(() => createDuplicateWindow({ capacity: 0, maxBytes: 1024 })).to.throw(/capacity/);
    expect(() => createDuplicateWindow({ capacity: 1.5, maxBytes: 1024 })).to.throw(/capacity/);
    expect(() => createDuplicateWindow({ capacity: 2, maxBytes: 0 })).to.throw(/maxBytes/);
  });

  it('when long ids fill the byte budget, then the oldest are forgotten before the entry count is reached', () => {
    const window = createDuplicateWindow({ capacity: 100, maxBytes: 1024 });
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => letter.repeat(256)) as [string, string, string];
    window.record(a);
    window.record(b);
    expect(window.bytes).to.equal(1024);
    window.record(c);
    expect([window.has(a), window.has(b), window.has(c)]).to.deep.equal([false, true, true]);
    expect(window.bytes).to.equal(1024);
  });

  it('when any sequence of ids is recorded, then the bytes held stay within the budget and the newest fitting id is seen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.string({ minLength: 1, maxLength: 40 })),
        (capacity, maxBytes, ids) => {
          const window = createDuplicateWindow({ capacity, maxBytes });
          for (const id of ids) window.record(id);
          const last = ids.at(-1);
          const fits = last !== undefined && 2 * last.length <= maxBytes;
          return window.bytes <= maxBytes && window.size <= capacity && (!fits || window.has(last));
        },
      ),
    );
  });
});
