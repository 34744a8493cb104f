/**
 * What became of one message. `done`: finished, its offset may be committed once every earlier one is.
 * `hold`: it failed and retries after `delayMs`; it and the later messages of its key wait, other keys go on,
 * and the commit point stays before it. `wait`: the whole partition waits `delayMs` (a parking topic whose
 * head is not due yet).
 */
export type StepOutcome =
  | { kind: 'done' }
  | { kind: 'hold'; delayMs: number }
  | { kind: 'wait'; delayMs: number };

export const DONE: StepOutcome = { kind: 'done' };
