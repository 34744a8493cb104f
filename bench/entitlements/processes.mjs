// The entitlements benchmark's processes and figures, from the shared bench modules.
export const log = (...args) => console.error('[bench/entitlements]', ...args);
export { root, startProcess, waitUntilReady } from '../processes.mjs';
export { percentile, round } from '../turns.mjs';
