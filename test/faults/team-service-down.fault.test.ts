import { consumeMessages } from '@teamseat/testing';
import { expect } from 'chai';
import { convergence, waitConverged, type Cast } from './support/convergence';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { addMember, teamOf } from './support/grpc-clients';
import { newUser, sleep, steadyLoad } from './support/load';
import { startSystem, type System } from './support/system';

const DOWN_MS = 120_000;
// The held purchases retry every CONSUMER_BACKOFF_MAX_MS (5 s in the suite) and the client reconnects at most
// 5 s apart: 20 s leaves room for the work itself. With grpc-js' default reconnect back-off (up to 120 s) it
// took 30-60 s.
const CONVERGE_MS = 20_000;

describe('fault: team-service is stopped for 2 minutes', function () {
  this.timeout(8 * 60_000);
  let system: System;
  before(async () => {
    system = await startSystem();
  });
  after(() => system?.stop());

  it('when team-service is down for 2 minutes during team purchases, then nothing is dead-lettered and all converges within 20 s of its return', async () => {
    const { emulator, clients } = system;
    const cast: Required<Cast> = { owners: [], personal: [], others: [] };
    // Teams with members before the outage, so rosters are not empty.
    for (let i = 0; i < 3; i += 1) {
      const owner = newUser('tsd-owner');
      cast.owners.push(owner);
      await emulator.purchase(owner, 'team_small_monthly');
    }
    await system.explain(
      waitConverged(clients, emulator, cast, 30_000).then(async () => {
        for (const owner of cast.owners) {
          const team = (await teamOf(clients, owner))!;
          for (let i = 0; i < 2; i += 1) {
            const member = newUser('tsd-member');
            cast.others.push(member);
            await addMember(clients, team.teamId, owner, member);
          }
        }
      }),
    );

    // While it is down: a team purchase every 2 s, and personal purchases, whose partitions must keep flowing.
    await system.teamService.stop();
    const stoppedAt = Date.now();
    const load = steadyLoad(2_000, async (tick) => {
      const team = tick % 2 === 0;
      const user = newUser(team ? 'tsd-buyer-team' : 'tsd-buyer');
      (team ? cast.owners : cast.personal).push(user);
      await emulator.purchase(user, team ? 'team_small_monthly' : 'pro_monthly');
    });
    await sleep(DOWN_MS - (Date.now() - stoppedAt));
    await load.stop();
    await system.teamService.start();
    const backAt = Date.now();

    const converged = await convergence(clients, emulator, cast, CONVERGE_MS);
    const sinceReturnMs = Date.now() - backAt;
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    recordFigures('team-service stopped 2 min', {
      teamPurchasesWhileDown: cast.owners.length - 3,
      personalPurchasesWhileDown: cast.personal.length,
      deadLetters: dead.length,
      deadLetterReasons: [...new Set(dead.map((d) => d.error))].slice(0, 5),
      converged: converged.converged,
      convergedAfterReturnMs: converged.converged ? sinceReturnMs : null,
    });
    expect(dead, 'dead letters').to.deep.equal([]);
    expect(converged.mismatches, 'not converged within 20 s of the return').to.deep.equal([]);
  });

  it('when team-service is down, then personal purchases on other partitions still get access meanwhile', async () => {
    // Issue 16, point 2: a message being retried holds back only its own partition.
    const { emulator, clients } = system;
    await system.teamService.stop();
    try {
      const owner = newUser('tsd-blocked-owner');
      await emulator.purchase(owner, 'team_small_monthly');
      await sleep(2_000);
      const buyers = Array.from({ length: 12 }, () => newUser('tsd-meanwhile'));
      for (const buyer of buyers) await emulator.purchase(buyer, 'pro_monthly');
      // Which partition each webhook landed on (keyed by user): the buyers sharing the held team purchase's
      // partition wait behind it until it succeeds or is parked (ADR 0019); the others must not.
      const webhooks = await consumeMessages(system.brokers, system.consumedTopics[0]!, { quietMs: 2_000 });
      const partitionOf = new Map(webhooks.map((m) => [m.key, m.partition]));
      const held = partitionOf.get(owner);
      expect(held, "the team purchase's webhook partition").to.be.a('number');
      const elsewhere = buyers.filter((buyer) => partitionOf.get(buyer) !== held);
      const converged = await convergence(clients, emulator, { owners: [], personal: elsewhere }, 30_000);
      recordFigures('team-service stopped: other partitions', {
        personalPurchases: buyers.length,
        onOtherPartitions: elsewhere.length,
        converged: converged.converged,
        allAccessWithinMs: converged.converged ? converged.ms : null,
      });
      expect(converged.mismatches, 'purchases without access 30 s later').to.deep.equal([]);
    } finally {
      await system.teamService.start();
    }
  });
});
