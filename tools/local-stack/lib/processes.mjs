// Process and port bookkeeping. The stack only ever signals pids it wrote to its own pid files, and only
// after checking that the pid still runs the expected program (pids get reused after a reboot).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pid files hold "<pid> <port>,<port>": the ports tell whether a running process matches the config. */
export function readPidFile(pidFile) {
  try {
    const [pidText, portsText = ''] = fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/);
    const pid = Number(pidText);
    const ports = portsText.split(',').filter(Boolean).map(Number);
    return Number.isInteger(pid) && pid > 0 ? { pid, ports } : undefined;
  } catch {
    return undefined;
  }
}

export function writePidFile(pidFile, pid, ports) {
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, `${pid} ${ports.join(',')}\n`);
}

export function readPid(pidFile) {
  return readPidFile(pidFile)?.pid;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }
}

/** The pid from `pidFile` when it is alive and still runs a command containing `marker`. */
export function ourLivePid(pidFile, marker) {
  const pid = readPid(pidFile);
  if (pid === undefined) return undefined;
  if (isAlive(pid) && commandLine(pid).includes(marker)) return pid;
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

/** True when something already listens on host:port (binding fails), which is what would break a start. */
export function isPortInUse(host, port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error) => resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

export function spawnDetached(command, args, { cwd, env, logFile, pidFile, ports }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n--- started ${new Date().toISOString()}: ${command} ${args.join(' ')}\n`);
  // detached + stdio to a file: the child has its own session and outlives this CLI and its terminal.
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.unref();
  writePidFile(pidFile, child.pid, ports);
  return child.pid;
}

/** SIGTERM, wait up to graceMs for the process to exit, then SIGKILL. */
export async function stopPid(pid, graceMs) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'stopped';
  }
  while (isAlive(pid)) await sleep(100);
  return 'killed';
}

export function tailFile(file, lines = 25) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trimEnd();
  } catch {
    return `(no log at ${file})`;
  }
}

/** Polls `probe` until it resolves truthy; gives up at the deadline or as soon as `stillRunning` says no. */
export async function pollUntilReady({ probe, deadlineMs, stillRunning, intervalMs = 300 }) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  for (;;) {
    try {
      if (await probe()) return { ready: true };
    } catch (error) {
      lastError = error;
    }
    if (!stillRunning()) return { ready: false, reason: 'exited', lastError };
    if (Date.now() > deadline) return { ready: false, reason: 'timeout', lastError };
    await sleep(intervalMs);
  }
}

/**
 * Serialises concurrent `up`/`down` runs (parallel test processes may all call `up`), so two starts never
 * race to spawn two brokers. A lock left by a dead process is taken over.
 */
export async function withLock(lockFile, timeoutMs, work) {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = readPid(lockFile);
      if (owner === undefined || !isAlive(owner)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) return { locked: false, owner };
      await sleep(250);
    }
  }
  try {
    return { locked: true, value: await work() };
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/**
 * Best effort, Linux only: the pid and command line of the process listening on `port`, found through
 * /proc/net/tcp{,6} (socket inode) and /proc/<pid>/fd. Undefined when it cannot be seen (other user, macOS).
 */
export function describePortOwner(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const localPort = parseInt(fields[1]?.split(':').at(-1) ?? '', 16);
      if (localPort === port && fields[3] === '0A') inodes.add(`socket:[${fields[9]}]`);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target = '';
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      if (inodes.has(target)) return { pid: Number(entry), command: commandLine(Number(entry)).trim() };
    }
  }
  return undefined;
}
