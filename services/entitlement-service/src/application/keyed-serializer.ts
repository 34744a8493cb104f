/**
 * Runs tasks with the same key one after another, and tasks with different keys concurrently. RevenueCat
 * answers concurrent calls for one customer with 429 or 423, so every call for a user goes through here.
 */
export interface KeyedSerializer {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Keys with work queued or running. */
  size(): number;
}

export function createKeyedSerializer(): KeyedSerializer {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    size: () => tails.size,
  };
}
