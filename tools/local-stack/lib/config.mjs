// Where everything lives and which ports are used. Everything the stack downloads, builds or writes
// stays under <repo>/.local so a checkout can be wiped with one `rm -rf .local`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StackError } from './errors.mjs';

export const KAFKA_VERSION = '3.9.1';
export const FERRETDB_VERSION = 'v1.24.2';
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
// The commit tagged v1.24.2, recorded in the binary the way FerretDB's own release build does.
export const FERRETDB_COMMIT = 'cda72d440810406a208c4670aa7047f5bc8d528f';

const toolDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readPort(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StackError(`${name}=${raw} is not a TCP port`, `set ${name} to a number between 1 and 65535`);
  }
  return port;
}

function readPositiveInt(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new StackError(
      `${name}=${raw} is not a positive integer`,
      `unset ${name} or give it a whole number`,
    );
  }
  return value;
}

export function loadConfig(env = process.env) {
  const repoRoot = path.resolve(toolDir, '..', '..');
  const local = path.join(repoRoot, '.local');
  const config = {
    repoRoot,
    toolDir,
    host: '127.0.0.1',
    kafkaPort: readPort(env, 'KAFKA_PORT', 9092),
    kafkaControllerPort: readPort(env, 'KAFKA_CONTROLLER_PORT', 9093),
    kafkaPartitions: readPositiveInt(env, 'KAFKA_NUM_PARTITIONS', 6),
    // 1 GiB: several overlapping test runs can hold thousands of partitions (512 MiB ran out at 16,000).
    kafkaHeapOpts: env.KAFKA_HEAP_OPTS || '-Xms256m -Xmx1g',
    mongoPort: readPort(env, 'MONGODB_PORT', 27017),
    readyTimeoutMs: readPositiveInt(env, 'STACK_READY_TIMEOUT_MS', 90_000),
    paths: {
      local,
      pom: path.join(toolDir, 'kafka', 'pom.xml'),
      m2: path.join(local, 'm2'),
      kafkaLibs: path.join(local, 'kafka', 'libs'),
      kafkaConfig: path.join(local, 'kafka', 'config'),
      kafkaData: path.join(local, 'data', 'kafka'),
      goRoot: path.join(local, 'go'),
      ferretSource: path.join(local, 'build', 'ferretdb-src'),
      ferretBinary: path.join(local, 'bin', 'ferretdb'),
      ferretData: path.join(local, 'data', 'ferretdb'),
      ferretState: path.join(local, 'run', 'ferretdb-state'),
      run: path.join(local, 'run'),
      logs: path.join(local, 'logs'),
      stackEnv: path.join(local, 'stack.env'),
      lock: path.join(local, 'run', 'stack.lock'),
    },
  };
  if (new Set([config.kafkaPort, config.kafkaControllerPort, config.mongoPort]).size !== 3) {
    throw new StackError(
      'KAFKA_PORT, KAFKA_CONTROLLER_PORT and MONGODB_PORT must differ',
      'pick three different ports',
    );
  }
  return config;
}
