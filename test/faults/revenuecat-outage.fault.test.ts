import { expect } from 'chai';
import { convergence, waitConverged, type Cast } from './support/convergence';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { addMember, teamOf } from './support/grpc-clients';
import { newUser, sleep, steadyLoad } from './support/load';
import { metricSum } from './support/metrics';
import { startSystem, type System } from './support/system';

const OUTAGE_MS = 120_000;
const STORM_MS = 30_000;
const RATE_PER_SECOND = 20;
const CONVERGE_MS = 120_000;

describe('fault: RevenueCat is down for 2 minutes, then a 429 storm', function () {
  this.timeout(10 * 60_000);
  let system: System;
  before(async () => {
    system = await startSystem({ entitlementEnv: { REVENUECAT_RATE_PER_SECOND: String(RATE_PER_SECOND) } });
  });
  after(() => system?.stop());

  it('when RevenueCat answers 503 for 2 minutes and then 429 for 30 s, then the breaker opens and closes, the limiter holds, nothing is dead-lettered, and all converges', async () => {
    const { emulator, clients, entitlementService } = system;
    const cast: Required<Cast> = { owners: [], personal: [], others: [] };
    for (let i = 0; i < 3; i += 1) {
      const owner = newUser('rc-owner');
      cast.owners.push(owner);
      await emulator.purchase(owner, 'team_small_monthly');
    }
    await system.explain(waitConverged(clients, emulator, cast, 30_000));

    // Sampled every second: RevenueCat calls made, and the breaker's state.
    const samples: Array<{ at: number; calls: number; breaker: number }> = [];
    const sampler = steadyLoad(1_000, async () => {
      const [calls, breaker] = await Promise.all([
        metricSum(entitlementService.adminPort, 'revenuecat_calls_total'),
        metricSum(entitlementService.adminPort, 'revenuecat_breaker_state'),
      ]);
      samples.push({ at: Date.now(), calls, breaker });
    });
    const opensBefore = await metricSum(entitlementService.adminPort, 'revenuecat_breaker_opened_total');
    await emulator.setFaults({ outage_ms: OUTAGE_MS, storm_429_ms: STORM_MS, retry_after_seconds: 2 });
    const faultsEndAt = Date.now() + OUTAGE_MS + STORM_MS;
    const load = steadyLoad(1_000, async (tick) => {
      if (tick % 3 === 0) {
        const owner = cast.owners[tick % cast.owners.length]!;
        const team = await teamOf(clients, owner);
        if (team && team.seatsAvailable > 0) {
          const member = newUser('rc-member');
          cast.others.push(member);
          await addMember(clients, team.teamId, owner, member);
        }
        return;
      }
      const team = tick % 3 === 1 && tick % 9 === 1;
      const user = newUser(team ? 'rc-owner' : 'rc-buyer');
      (team ? cast.owners : cast.personal).push(user);
      await emulator.purchase(user, team ? 'team_small_monthly' : 'pro_monthly');
    });
    await sleep(faultsEndAt - Date.now());
    await load.stop();

    const converged = await convergence(clients, emulator, cast, CONVERGE_MS);
    const convergedAfterMs = Date.now() - faultsEndAt;
    await sleep(2_000);
    await sampler.stop();
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    const opened =
      (await metricSum(entitlementService.adminPort, 'revenuecat_breaker_opened_total')) - opensBefore;
    // The most calls in any 5-second window: the limiter allows RATE_PER_SECOND, plus one second of burst.
    const windows = samples.flatMap((s, i) => {
      const later = samples.slice(i).find((t) => t.at - s.at >= 5_000);
      return later ? [((later.calls - s.calls) * 5_000) / (later.at - s.at)] : [];
    });
    const busiestFiveSeconds = Math.round(Math.max(0, ...windows));
    recordFigures('RevenueCat down 2 min, then 429 storm 30 s', {
      purchasesAndAdds: load.ticks(),
      loadErrors: load.errors.length,
      breakerOpened: opened,
      breakerStateAtEnd: samples.at(-1)?.breaker,
      busiestFiveSecondsCalls: busiestFiveSeconds,
      allowedFiveSecondsCalls: RATE_PER_SECOND * 6,
      deadLetters: dead.length,
      deadLetterReasons: [...new Set(dead.map((d) => d.error))].slice(0, 5),
      converged: converged.converged,
      convergedAfterFaultsMs: converged.converged ? convergedAfterMs : null,
    });
    expect(dead, 'dead letters').to.deep.equal([]);
    expect(opened, 'times the breaker opened').to.be.at.least(1);
    expect(samples.at(-1)?.breaker, 'breaker state at the end (0 closed)').to.equal(0);
    expect(busiestFiveSeconds, 'RevenueCat calls in the busiest 5 s').to.be.at.most(RATE_PER_SECOND * 6);
    expect(converged.mismatches, `not converged within ${CONVERGE_MS} ms of the faults' end`).to.deep.equal(
      [],
    );
  });
});
