import { randomBytes } from 'node:crypto';

/** A user id no other run uses. */
export const newUser = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `action` every `intervalMs` (without overlapping itself) until `stop()`; collects what each run
 * threw, so the scenario can say which errors the load met. A failed run is not retried: the load is
 * what a client did, and convergence is judged on what the system accepted.
 */
export function steadyLoad(intervalMs: number, action: (tick: number) => Promise<void>) {
  const errors: Array<{ at: number; error: unknown }> = [];
  let running = true;
  let ticks = 0;
  const done = (async () => {
    while (running) {
      const started = Date.now();
      await action(ticks++).catch((error: unknown) => errors.push({ at: Date.now(), error }));
      await sleep(Math.max(0, intervalMs - (Date.now() - started)));
    }
  })();
  return {
    errors,
    ticks: () => ticks,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Runs `fn` over `items`, `concurrency` at a time. */
export async function inBatches<T>(items: T[], concurrency: number, fn: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}
