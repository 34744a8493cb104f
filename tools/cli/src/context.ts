import { InvalidArgumentError, type Command } from 'commander';
import { resolveConnection, type Connection, type ConnectionFlags } from './connection';
import { openServices, type Services } from './grpc-services';
import { createOutput, type Output } from './output';

export interface CliContext {
  /** Addresses, tokens and the timeout, from the global flags and the environment. */
  connection(): Connection;
  /** Both services' clients, opened on first use and closed when the command is done. */
  services(): Services;
  output: Output;
  /** Whether a progress bar can draw (stderr is a terminal). */
  interactive: boolean;
  /** The Kafka client's log level (TEAMSEAT_LOG_LEVEL, default silent). */
  logLevel: string;
  close(): void;
}

export function createContext({
  program,
  env,
  write,
  interactive,
}: {
  program: Command;
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
  interactive: boolean;
}): CliContext {
  let connection: Connection | undefined;
  let services: Services | undefined;
  const context: CliContext = {
    connection: () => (connection ??= resolveConnection(program.opts<ConnectionFlags>(), env)),
    services: () => (services ??= openServices(context.connection())),
    output: createOutput(write),
    interactive,
    logLevel: env.TEAMSEAT_LOG_LEVEL ?? 'silent',
    close: () => services?.close(),
  };
  return context;
}

/** Adds what every command has: `--json`. */
export const withJson = (command: Command): Command =>
  command.option('--json', 'print JSON instead of tables');

/** A positive integer option value; commander's error names the option and the value. */
export function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('It must be a positive integer.');
  return parsed;
}
