// Types of config.mjs for the TypeScript tests; the stack itself is plain JavaScript with no build step.
export interface StackConfig {
  repoRoot: string;
  toolDir: string;
  host: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  kafkaPartitions: number;
  kafkaHeapOpts: string;
  mongoPort: number;
  readyTimeoutMs: number;
  paths: Record<string, string>;
}
export const KAFKA_VERSION: string;
export const FERRETDB_VERSION: string;
export function loadConfig(env?: Record<string, string | undefined>): StackConfig;
