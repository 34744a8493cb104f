import { Command } from 'commander';
import { registerAccess, registerSync } from './commands/access';
import { registerDlq } from './commands/dlq';
import { registerReconcile } from './commands/reconcile';
import { registerSweep } from './commands/sweep';
import { registerTeams } from './commands/teams';
import { createContext, type CliContext } from './context';

const VERSION = '0.1.0';

/**
 * The `teamseat` command: operators' reads and repairs of a running teamseat (docs/operations.md, ADR 0034).
 * Connection settings are global flags that fall back to the variables the services read.
 */
export function createProgram({
  env,
  write,
  writeError,
  interactive,
}: {
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
  writeError: (text: string) => void;
  interactive: boolean;
}): { program: Command; context: CliContext } {
  const program = new Command('teamseat')
    .description('operate teamseat: teams, access, syncs, reconciliations, dead letters, the sweep')
    .version(VERSION)
    .option(
      '--team-service <host:port>',
      'team-service gRPC address [env TEAM_SERVICE_ADDR, default 127.0.0.1:50051]',
    )
    .option(
      '--entitlement-service <host:port>',
      'entitlement-service gRPC address [env ENTITLEMENT_SERVICE_ADDR, default 127.0.0.1:50052]',
    )
    .option(
      '--token <token>',
      'bearer token for both services (one of their INTERNAL_AUTH_TOKENS) [env TEAMSEAT_TOKEN]',
    )
    .option('--team-service-token <token>', "team-service's token, if it differs [env TEAM_SERVICE_TOKEN]")
    .option(
      '--entitlement-service-token <token>',
      "entitlement-service's token, if it differs [env ENTITLEMENT_SERVICE_TOKEN]",
    )
    .option(
      '--kafka-brokers <list>',
      'Kafka bootstrap servers, comma-separated [env KAFKA_BROKERS, default 127.0.0.1:9092]',
    )
    .option('--timeout <ms>', 'deadline of one gRPC call [env TEAMSEAT_TIMEOUT_MS, default 10000]')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: write,
      writeErr: writeError,
      // One line: "teamseat: unknown command 'x'", not commander's "error: ..." plus usage.
      outputError: (text, out) => out(`teamseat: ${text.replace(/^error: /, '').trim()}\n`),
    });
  // Commands made with program.command() inherit the output settings and the one-line errors set above.
  const context = createContext({ program, env, write: (text) => write(`${text}\n`), interactive });
  registerTeams(program, context);
  registerAccess(program, context);
  registerSync(program, context);
  registerReconcile(program, context);
  registerDlq(program, context);
  registerSweep(program, context);
  return { program, context };
}
