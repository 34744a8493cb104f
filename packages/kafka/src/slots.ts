/**
 * At most `size` holders at once, served first come first served (a batch's messages start in offset
 * order). Eight lines of our own rather than p-limit, whose current majors are ESM-only.
 */
export function createSlots(size: number) {
  if (!(Number.isInteger(size) && size > 0))
    throw new Error(`slots: size must be a positive integer, got ${size}`);
  let free = size;
  const waiting: Array<() => void> = [];
  return {
    async acquire(): Promise<void> {
      if (free > 0) {
        free -= 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}
