import { expect } from 'chai';
import { convergence, waitConverged, type Cast } from './support/convergence';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { addMember, call, teamOf } from './support/grpc-clients';
import { inBatches, newUser, sleep } from './support/load';
import { startSystem, type System } from './support/system';

const REORDER_WINDOW_MS = 5_000;
const DROP_RATE = 0.1;
const CONVERGE_MS = 120_000;

describe('fault: webhooks duplicated x3, shuffled in a 5 s window, 10 % dropped', function () {
  this.timeout(8 * 60_000);
  let system: System;
  before(async () => {
    system = await startSystem();
  });
  after(() => system?.stop());

  it('when the same script runs through chaotic delivery, then the end state is the clean one (what the rosters and purchases say), the dropped webhooks healed by SyncCustomer', async () => {
    const { emulator, clients } = system;
    const gateway = `http://127.0.0.1:${system.gateway.port}/webhooks/revenuecat`;
    // Three URLs to the same gateway: every webhook arrives three times.
    await emulator.configureWebhooks({
      urls: [gateway, gateway, gateway],
      reorder_window_ms: REORDER_WINDOW_MS,
      drop_rate: DROP_RATE,
    });
    const cast: Required<Cast> = { owners: [], personal: [], others: [] };
    const syncAll = () =>
      inBatches([...cast.owners, ...cast.personal, ...cast.others], 4, (userId) =>
        call(clients.ent, 'SyncCustomer', { userId }, 10_000),
      );

    // 1. Purchases: 8 team owners and 20 personal subscribers; apps call SyncCustomer at login.
    for (let i = 0; i < 8; i += 1) cast.owners.push(newUser('chaos-owner'));
    for (let i = 0; i < 20; i += 1) cast.personal.push(newUser('chaos-buyer'));
    for (const owner of cast.owners) await emulator.purchase(owner, 'team_small_monthly');
    for (const user of cast.personal) await emulator.purchase(user, 'pro_monthly');
    await sleep(REORDER_WINDOW_MS + 1_000);
    await syncAll();

    // 2. Seats: three members a team, one of them removed again in two teams.
    for (const owner of cast.owners) {
      const team = await system
        .explain(waitConverged(clients, emulator, { owners: [owner], personal: [] }, 30_000))
        .then(() => teamOf(clients, owner));
      for (let i = 0; i < 3; i += 1) {
        const member = newUser('chaos-member');
        cast.others.push(member);
        await addMember(clients, team!.teamId, owner, member);
      }
    }
    for (const owner of cast.owners.slice(0, 2)) {
      const team = (await teamOf(clients, owner))!;
      const member = cast.others[cast.owners.indexOf(owner) * 3]!;
      await call(clients.teams, 'RemoveMember', { teamId: team.teamId, userId: member, actorUserId: owner });
    }

    // 3. Store changes: two teams and five personal subscriptions expire, two are renewed.
    for (const owner of cast.owners.slice(6))
      await emulator.storeAction('expire', { app_user_id: owner, product_id: 'team_small_monthly' });
    for (const user of cast.personal.slice(0, 5))
      await emulator.storeAction('expire', { app_user_id: user, product_id: 'pro_monthly' });
    for (const user of cast.personal.slice(5, 7))
      await emulator.storeAction('renew', { app_user_id: user, product_id: 'pro_monthly' });
    await sleep(REORDER_WINDOW_MS + 1_000);
    await syncAll();

    const syncedAt = Date.now();
    const converged = await convergence(clients, emulator, cast, CONVERGE_MS);
    const convergedMs = Date.now() - syncedAt;
    const deliveries = await emulator.deliveries();
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    recordFigures('webhooks x3, shuffled 5 s, 10 % dropped', {
      users: cast.owners.length + cast.personal.length + cast.others.length,
      deliveries: deliveries.length,
      dropped: deliveries.filter((d) => (d as { state?: string }).state === 'dropped').length,
      converged: converged.converged,
      convergedAfterSyncMs: converged.converged ? convergedMs : null,
      deadLetters: dead.length,
      deadLetterReasons: [...new Set(dead.map((d) => d.error))].slice(0, 5),
    });
    expect(dead, 'dead letters').to.deep.equal([]);
    expect(converged.mismatches, 'not the clean end state').to.deep.equal([]);
  });
});
