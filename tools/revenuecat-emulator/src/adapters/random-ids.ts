import { randomBytes, randomUUID } from 'node:crypto';
import type { IdSource } from '../domain/ids';

/** The ids the emulator hands out: random, from node:crypto. */
export function createRandomIds(): IdSource {
  return {
    uuid: () => randomUUID(),
    hex: (bytes) => randomBytes(bytes).toString('hex'),
  };
}
