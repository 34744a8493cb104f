import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';

const LOWEST_PORT = 10_000;
const handedOut = new Set<number>();

/**
 * The first port Linux hands out as an outgoing connection's source port. Ports below it are never taken by a
 * client connection between our check and the server's listen, as ports the kernel picks for `listen(0)` can be.
 */
function ephemeralStart(): number {
  try {
    const start = Number(
      readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
    );
    return start > LOWEST_PORT + 1_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port free on 127.0.0.1 right now, for a throwaway server that must keep its port across restarts.
 * Callers take several ports before they start anything, so a port is never handed out twice in one process,
 * and it is drawn at random below the ephemeral range, so neither another test process nor an outgoing
 * connection is likely to take it first.
 */
export async function freePort(): Promise<number> {
  const top = ephemeralStart();
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (top - LOWEST_PORT));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port found on 127.0.0.1 between ${LOWEST_PORT} and ${top} in 1,000 tries`);
}

/** Resolves with the exit code once `child` has ended (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
