import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { freePort } from '@teamseat/testing';

/** The first port the kernel hands out as an outgoing connection's source port (Linux). */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32_768;
  }
}

describe('freePort', () => {
  // Fault scenarios take every port before they start any process; two equal ports made one fail in CI
  // (EADDRINUSE: team-service and the emulator were both given 34517).
  it('when asked 1,000 times in one process before anything listens, then no port is handed out twice', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 1000; i++) ports.push(await freePort());

    expect(new Set(ports).size).to.equal(ports.length);
  });

  it('when asked, then the port lies below the ephemeral range, where no outgoing connection takes it', async () => {
    const port = await freePort();

    expect(port).to.be.below(ephemeralStart()).and.at.least(10_000);
  });
});
