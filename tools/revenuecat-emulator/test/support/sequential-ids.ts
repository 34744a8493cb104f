import type { IdSource } from '../../src/domain/ids';

/** Unique, predictable ids for the pure tier: a counter in the shapes the random source gives. */
export function sequentialIds(): IdSource {
  let next = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${(next += 1).toString(16).padStart(12, '0')}`,
    hex: (bytes) => (next += 1).toString(16).padStart(bytes * 2, '0'),
  };
}
