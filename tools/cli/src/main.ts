import { CommanderError } from 'commander';
import { describeError } from './errors';
import { createProgram } from './program';

// The composition root: the only file that reads process.env and decides the exit code.
async function main(): Promise<number> {
  const { program, context } = createProgram({
    env: process.env,
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  });
  try {
    await program.parseAsync(process.argv);
    return 0;
  } catch (error) {
    // commander has printed its own one-line error (or the help, or the version) already.
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`teamseat: ${describeError(error)}\n`);
    return 1;
  } finally {
    context.close();
  }
}

void main().then((code) => {
  process.exitCode = code;
  // Open gRPC channels or Kafka sockets must not hold the answer back.
  setImmediate(() => process.exit(code));
});
