import { expect } from 'chai';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { addMember, checkAccess, codeOf, teamOf, UNAVAILABLE } from './support/grpc-clients';
import { newUser, sleep, steadyLoad } from './support/load';
import { convergence, type Cast } from './support/convergence';
import { startSystem, type System } from './support/system';

const OUTAGE_MS = 30_000;
const CONVERGE_MS = 60_000;

describe('fault: the database is SIGKILLed for 30 s', function () {
  this.timeout(8 * 60_000);
  let system: System;
  before(async () => {
    system = await startSystem();
  });
  after(() => system?.stop());

  it('when FerretDB is killed for 30 s during webhooks and gRPC calls, then nothing is dead-lettered, RPCs answer UNAVAILABLE meanwhile, and all converges within 60 s of its return', async () => {
    const { emulator, clients } = system;
    const cast: Required<Cast> = { owners: [], personal: [], others: [] };
    const rpcs: Array<{ at: number; method: string; code: number | undefined }> = [];
    const rpc = async (method: string, run: () => Promise<unknown>) => {
      try {
        await run();
        rpcs.push({ at: Date.now(), method, code: 0 });
      } catch (error) {
        rpcs.push({ at: Date.now(), method, code: codeOf(error) });
      }
    };
    // A webhook a second (a team purchase every third), a member added every 1.5 s, CheckAccess every 200 ms.
    const purchases = steadyLoad(1_000, async (tick) => {
      const team = tick % 3 === 0;
      const user = newUser(team ? 'db-owner' : 'db-buyer');
      (team ? cast.owners : cast.personal).push(user);
      await emulator.purchase(user, team ? 'team_small_monthly' : 'pro_monthly');
    });
    const members = steadyLoad(1_500, async (tick) => {
      const owner = cast.owners[tick % Math.max(1, cast.owners.length - 1)];
      if (!owner) return;
      const member = newUser('db-member');
      cast.others.push(member);
      await rpc('AddMember', async () => {
        const team = await teamOf(clients, owner);
        if (team) await addMember(clients, team.teamId, owner, member);
      });
    });
    const reads = steadyLoad(200, async (tick) => {
      const users = [...cast.personal, ...cast.others];
      const user = users[tick % Math.max(1, users.length)];
      if (user) await rpc('CheckAccess', () => checkAccess(clients, user));
    });

    await sleep(10_000);
    await system.db.kill();
    const killedAt = Date.now();
    await sleep(OUTAGE_MS);
    // The outage ends when the database starts, not when restart() has seen it answer a ping: calls
    // answered in between were answered by a database that was back.
    const restartedAt = Date.now();
    await system.db.restart();
    const backAt = Date.now();
    await sleep(5_000);
    await Promise.all([purchases.stop(), members.stop(), reads.stop()]);

    const converged = await convergence(clients, emulator, cast, CONVERGE_MS - (Date.now() - backAt));
    const sinceReturnMs = Date.now() - backAt;
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    // Calls answered while the database was down (a second after the kill, to let connections notice).
    const during = rpcs.filter((r) => r.at > killedAt + 1_000 && r.at < restartedAt);
    const failed = during.filter((r) => r.code !== 0);
    const failedCodes = [...new Set(failed.map((r) => r.code))];
    const byMethodAndCode = (list: typeof rpcs) =>
      list.reduce<Record<string, number>>((counts, r) => {
        const key = `${r.method} ${r.code}`;
        return { ...counts, [key]: (counts[key] ?? 0) + 1 };
      }, {});
    recordFigures('database SIGKILL 30 s', {
      webhooks: purchases.ticks(),
      owners: cast.owners.length,
      membersAttempted: cast.others.length,
      rpcs: rpcs.length,
      rpcsDuringOutage: during.length,
      duringOutageByMethodAndCode: byMethodAndCode(during),
      deadLetters: dead.length,
      deadLetterReasons: [...new Set(dead.map((d) => d.error))].slice(0, 5),
      converged: converged.converged,
      convergedAfterReturnMs: converged.converged ? sinceReturnMs : null,
    });
    expect(dead, 'dead letters').to.deep.equal([]);
    expect(failedCodes, 'status codes of RPCs that failed while the database was down').to.deep.equal([
      UNAVAILABLE,
    ]);
    expect(converged.mismatches, 'not converged within 60 s of the return').to.deep.equal([]);
  });
});
