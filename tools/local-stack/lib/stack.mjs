// The four commands. Each service is described by kafkaService / ferretService; this file only knows
// how to check, start, wait for and stop such a description.
import fs from 'node:fs';
import { ferretService } from './ferretdb.mjs';
import { StackError } from './errors.mjs';
import { kafkaService } from './kafka.mjs';
import {
  describePortOwner,
  isAlive,
  isPortInUse,
  ourLivePid,
  pollUntilReady,
  readPidFile,
  spawnDetached,
  writePidFile,
  stopPid,
  tailFile,
} from './processes.mjs';

export function services(config) {
  return [kafkaService(config), ferretService(config)];
}

function endpoints(config) {
  return {
    KAFKA_BROKERS: `${config.host}:${config.kafkaPort}`,
    MONGODB_URI: `mongodb://${config.host}:${config.mongoPort}`,
  };
}

async function answers(service) {
  try {
    return Boolean(await service.probe());
  } catch {
    return false;
  }
}

function shorten(command) {
  return command.length <= 120 ? command : `${command.slice(0, 50)} ... ${command.slice(-65)}`;
}

/** The checkout whose local stack runs `command` (its .local/ path), if it is one. */
function stackCheckout(command) {
  return /(\/[^\s=:]*)\/\.local\/(kafka\/config|bin\/ferretdb)/.exec(command ?? '')?.[1];
}

/**
 * Who holds the service's ports when no pid file of ours names a live process: nobody (undefined); our own
 * process whose pid file was lost (adopted); or the answering local stack of another checkout of this
 * repo (borrowed: used, never stopped from here, so CI in a fresh clone can share a developer's stack).
 * Anything else is an error naming the process and the fix.
 */
async function portHolder(config, service) {
  for (const port of service.ports) {
    if (!(await isPortInUse(config.host, port))) continue;
    const owner = describePortOwner(port);
    if (owner && port === service.port) {
      if (owner.command.includes(service.marker)) return { pid: owner.pid, adopted: true };
      const from = stackCheckout(owner.command);
      if (from && (await answers(service))) return { pid: owner.pid, from };
    }
    const portEnv = port === service.port ? service.portEnv : 'KAFKA_CONTROLLER_PORT';
    const by = owner ? `pid ${owner.pid} (${shorten(owner.command)})` : 'a process';
    throw new StackError(
      `port ${config.host}:${port} (${service.name}) is already in use by ${by}, which this stack did not start`,
      `stop that process, or set ${portEnv}=<free port> and run again`,
    );
  }
  return undefined;
}

/** A process of ours still running with other ports than configured now (KAFKA_PORT etc. changed). */
function assertSamePorts(service, pid) {
  const recorded = readPidFile(service.pidFile)?.ports ?? [];
  if (recorded.length > 0 && recorded.join(',') !== service.ports.join(',')) {
    throw new StackError(
      `${service.name} (pid ${pid}) is already running from this checkout on port(s) ${recorded.join(', ') || 'unknown'}, not ${service.ports.join(', ')}`,
      'run `npm run stack:down` first to change ports, or unset the port variables',
    );
  }
}

async function waitReady(config, service, pid, justStarted) {
  const result = await pollUntilReady({
    probe: service.probe,
    deadlineMs: config.readyTimeoutMs,
    stillRunning: () => isAlive(pid),
  });
  if (result.ready) return;
  const logTail = service.logs.map((log) => `==> ${log}\n${tailFile(log, 20)}`).join('\n');
  if (result.reason === 'exited') {
    fs.rmSync(service.pidFile, { force: true });
    throw new StackError(`${service.name} (pid ${pid}) exited during start-up`, `read ${service.logs[0]}`, {
      logTail,
    });
  }
  // A half-started process would make the next `up` think all is well; stop it so a retry starts clean.
  if (justStarted) {
    await stopPid(pid, 5000);
    fs.rmSync(service.pidFile, { force: true });
  }
  const seconds = Math.round(config.readyTimeoutMs / 1000);
  throw new StackError(
    `${service.name} (pid ${pid}) did not answer on ${config.host}:${service.port} within ${seconds}s (${result.lastError?.message ?? 'no answer'})${justStarted ? '; stopped it' : ''}`,
    `read ${service.logs[0]}; raise STACK_READY_TIMEOUT_MS on a slow machine`,
    { logTail },
  );
}

export async function up(config) {
  const started = Date.now();
  const all = services(config);
  const running = new Map(all.map((s) => [s.name, ourLivePid(s.pidFile, s.marker)]));
  const borrowedFrom = new Map();
  for (const service of all) {
    const pid = running.get(service.name);
    if (pid !== undefined) {
      assertSamePorts(service, pid);
      continue;
    }
    const holder = await portHolder(config, service);
    if (holder?.adopted) writePidFile(service.pidFile, holder.pid, service.ports);
    if (holder?.from) borrowedFrom.set(service.name, holder.from);
    if (holder) running.set(service.name, holder.pid);
  }
  const toStart = all.filter((s) => running.get(s.name) === undefined);
  for (const service of toStart) service.preflight();
  // Downloads and builds run side by side: on a cold machine they are most of the wait. allSettled:
  // when one fails, the other still finishes instead of being orphaned by our exit.
  const installs = await Promise.allSettled(toStart.map((s) => s.ensureInstalled()));
  const failed = installs.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  for (const service of toStart) {
    const { command, args } = await service.start();
    const pid = spawnDetached(command, args, {
      cwd: config.paths.local,
      env: process.env,
      logFile: service.logs.at(-1),
      pidFile: service.pidFile,
      ports: service.ports,
    });
    running.set(service.name, pid);
  }
  await Promise.all(all.map((s) => waitReady(config, s, running.get(s.name), toStart.includes(s))));
  const env = endpoints(config);
  const text = Object.entries(env)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  fs.writeFileSync(config.paths.stackEnv, `${text}\n`);
  for (const s of all) {
    const from = borrowedFrom.get(s.name);
    const how = toStart.includes(s) ? 'started' : `already running${from ? `, local stack of ${from}` : ''}`;
    console.log(`${s.name.padEnd(9)} up  pid ${running.get(s.name)}  ${config.host}:${s.port}  (${how})`);
  }
  console.log(
    `${text}\n(written to ${config.paths.stackEnv}; ready in ${((Date.now() - started) / 1000).toFixed(1)}s)`,
  );
}

export async function down(config) {
  for (const service of services(config)) {
    const pid = ourLivePid(service.pidFile, service.marker);
    if (pid === undefined) {
      console.log(`${service.name.padEnd(9)} not running`);
      continue;
    }
    const how = await stopPid(pid, service.stopGraceMs);
    fs.rmSync(service.pidFile, { force: true });
    console.log(`${service.name.padEnd(9)} ${how} (pid ${pid})`);
  }
  fs.rmSync(config.paths.stackEnv, { force: true });
}

export async function reset(config) {
  await down(config);
  for (const service of services(config)) {
    for (const dir of service.dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    console.log(`${service.name.padEnd(9)} data wiped (${service.dataDirs.join(', ')})`);
  }
}

/** Prints one line per service; true when every service is alive and answering. */
export async function status(config) {
  let allUp = true;
  for (const service of services(config)) {
    const pid = ourLivePid(service.pidFile, service.marker);
    const answering = await answers(service);
    const address = `${config.host}:${service.port}`;
    const owner = pid === undefined && answering ? describePortOwner(service.port) : undefined;
    const from = stackCheckout(owner?.command);
    let state;
    if (pid !== undefined && answering) state = `up    pid ${pid}  ${address}`;
    else if (pid !== undefined) state = `starting or stuck  pid ${pid}  ${address} not answering`;
    else if (from === config.repoRoot)
      state = `up    pid ${owner.pid}  ${address}  (pid file lost: \`up\` adopts it)`;
    else if (from) state = `up    pid ${owner.pid}  ${address}  (local stack of ${from}, not managed here)`;
    else if (answering) state = `down  (but ${address} is answered by a process this stack did not start)`;
    else state = `down  ${address}`;
    if (!answering || (pid === undefined && !from)) allUp = false;
    console.log(`${service.name.padEnd(9)} ${state}`);
  }
  return allUp;
}
