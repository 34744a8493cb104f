export type ReadinessCheck = () => Promise<boolean> | boolean;

export interface Readiness {
  /** Registers a named dependency check; readiness needs every check to pass. */
  add(name: string, check: ReadinessCheck): void;
  /** Called at the start of shutdown: readiness is false from then on, whatever the checks say. */
  markShuttingDown(): void;
  readonly shuttingDown: boolean;
  /** Runs every check; a check that throws or takes longer than the timeout counts as failed. */
  evaluate(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

export function createReadiness({ checkTimeoutMs = 2_000 } = {}): Readiness {
  const checks = new Map<string, ReadinessCheck>();
  let shuttingDown = false;

  async function run(check: ReadinessCheck): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), checkTimeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(check), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    add: (name, check) => void checks.set(name, check),
    markShuttingDown: () => {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
    async evaluate() {
      const entries = await Promise.all(
        [...checks].map(async ([name, check]) => [name, await run(check)] as const),
      );
      const results = Object.fromEntries(entries);
      return { ready: !shuttingDown && entries.every(([, ok]) => ok), checks: results };
    },
  };
}
