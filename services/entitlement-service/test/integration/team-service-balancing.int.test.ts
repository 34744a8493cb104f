import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { startTeamService } from '@teamseat/team-service';
import { createTeamDirectory } from '../../src/adapters/team-service/team-directory';
import { metricSum } from '../support/metrics';
import { testLogger } from '../support/service-harness';
import { teamServiceConfig } from '../support/team-service-config';

const TOKEN = 'balancing-internal-token';

describe('team-service client: calls spread over every team-service replica', () => {
  let replicas: Array<Awaited<ReturnType<typeof startTeamService>>> = [];

  before(async () => {
    // Two replicas of one team-service (one database, one set of topics), as two pods behind a headless Service.
    const config = await teamServiceConfig('balancing', TOKEN);
    replicas = [
      await startTeamService({ config, logger: testLogger() }),
      await startTeamService({ config, logger: testLogger() }),
    ];
  });
  after(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it('when the target resolves to two replicas, then calls reach both, not the first one only', async () => {
    // The resolver hands grpc-js both addresses, as DNS does for a headless Service with two ready pods.
    const address = `ipv4:${replicas.map((replica) => `127.0.0.1:${replica.port}`).join(',')}`;
    const teams = createTeamDirectory({ address, token: TOKEN, now: Date.now, logger: testLogger() });
    try {
      for (let i = 0; i < 20; i += 1) expect(await teams.getTeam(`team-${randomUUID()}`)).to.equal(undefined);
    } finally {
      teams.close();
    }
    const handled = await Promise.all(
      replicas.map((replica) =>
        metricSum(replica.registry, 'grpc_server_handled_total', { grpc_method: 'GetTeam' }),
      ),
    );
    expect(handled.reduce((sum, n) => sum + n, 0)).to.equal(20);
    for (const [i, count] of handled.entries()) expect(count, `replica ${i}`).to.be.at.least(5);
  });
});
