import { CliError } from './errors';

/** The global flags, as commander parsed them (all optional: the environment fills the gaps). */
export interface ConnectionFlags {
  teamService?: string;
  entitlementService?: string;
  token?: string;
  teamServiceToken?: string;
  entitlementServiceToken?: string;
  kafkaBrokers?: string;
  timeout?: string;
}

export interface ServiceTarget {
  name: 'team-service' | 'entitlement-service';
  address: string;
  token: string | undefined;
  /** Where the address and the token may come from, for the error that says one is missing or wrong. */
  addressFrom: string;
  tokenFrom: string;
}

export interface Connection {
  teamService: ServiceTarget;
  entitlementService: ServiceTarget;
  kafkaBrokers: string[];
  timeoutMs: number;
}

/**
 * Flags first, then the variables the services themselves read (entitlement-service reaches team-service
 * with TEAM_SERVICE_ADDR and TEAM_SERVICE_TOKEN; every service reads KAFKA_BROKERS), then local defaults.
 * TEAMSEAT_TOKEN serves both services when they accept the same internal token (as `npm start` sets up).
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  const pick = (...values: Array<string | undefined>) => values.find((v) => v !== undefined && v !== '');
  const timeoutText = pick(flags.timeout, env.TEAMSEAT_TIMEOUT_MS) ?? '10000';
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new CliError(`--timeout: must be a positive number of milliseconds, got "${timeoutText}"`);
  const brokers = (pick(flags.kafkaBrokers, env.KAFKA_BROKERS) ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (brokers.length === 0) throw new CliError('--kafka-brokers: needs at least one host:port');
  return {
    teamService: {
      name: 'team-service',
      address: pick(flags.teamService, env.TEAM_SERVICE_ADDR) ?? '127.0.0.1:50051',
      token: pick(flags.teamServiceToken, flags.token, env.TEAM_SERVICE_TOKEN, env.TEAMSEAT_TOKEN),
      addressFrom: '--team-service or TEAM_SERVICE_ADDR',
      tokenFrom: '--token, --team-service-token, TEAM_SERVICE_TOKEN or TEAMSEAT_TOKEN',
    },
    entitlementService: {
      name: 'entitlement-service',
      address: pick(flags.entitlementService, env.ENTITLEMENT_SERVICE_ADDR) ?? '127.0.0.1:50052',
      token: pick(
        flags.entitlementServiceToken,
        flags.token,
        env.ENTITLEMENT_SERVICE_TOKEN,
        env.TEAMSEAT_TOKEN,
      ),
      addressFrom: '--entitlement-service or ENTITLEMENT_SERVICE_ADDR',
      tokenFrom: '--token, --entitlement-service-token, ENTITLEMENT_SERVICE_TOKEN or TEAMSEAT_TOKEN',
    },
    kafkaBrokers: brokers,
    timeoutMs,
  };
}
