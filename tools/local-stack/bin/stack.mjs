#!/usr/bin/env node
// Local Kafka + FerretDB for tests and `npm start`: `node tools/local-stack/bin/stack.mjs up|down|status|reset`.
// See tools/local-stack/README.md.
import { loadConfig } from '../lib/config.mjs';
import { StackError } from '../lib/errors.mjs';
import { withLock } from '../lib/processes.mjs';
import { down, reset, status, up } from '../lib/stack.mjs';

const USAGE = 'usage: stack.mjs up | down | status | reset';

async function main(command) {
  const config = loadConfig();
  if (command === 'status') return (await status(config)) ? 0 : 1;
  const work = { up, down, reset }[command];
  if (!work) throw new StackError(`unknown command "${command ?? ''}"`, USAGE);
  // Long enough for a cold `up` (downloads and builds) running in another process to finish.
  const result = await withLock(config.paths.lock, 15 * 60_000, () => work(config));
  if (!result.locked) {
    throw new StackError(
      `another stack command (pid ${result.owner}) is still running`,
      'wait for it, then retry',
    );
  }
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof StackError) {
      console.error(`stack: ${error.message}. Fix: ${error.hint}`);
      if (error.logTail) console.error(error.logTail.replace(/^/gm, '  | '));
    } else {
      console.error(`stack: unexpected error: ${error?.stack ?? error}`);
    }
    process.exit(1);
  },
);
