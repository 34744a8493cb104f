import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { balancedTeamClient } from './support/balanced-client';
import { convergence, waitConverged, type Cast } from './support/convergence';
import { deadLetters } from './support/dead-letters';
import { recordFigures } from './support/figures';
import { call, teamOf } from './support/grpc-clients';
import { inBatches, newUser, sleep } from './support/load';
import {
  answersAgainstLog,
  appliedCalls,
  invitesAcceptedTwice,
  projectionMismatches,
  rosterAgainstCalls,
  servedRosterMismatches,
  unexplainedSurprises,
} from './support/roster-checks';
import { isRefusal, rosterLoad, type LoadTeam, type Outcome } from './support/roster-load';
import { maxSeatsHeld, maxSeatsReserved, readStoredTeams, seatViolations } from './support/stored-teams';
import { startSystem, type System } from './support/system';

const TEAMS = 40; // of team_small_monthly: 5 seats each
const POOL = 12; // users the load adds and removes, per team
const INVITES = 4; // per team, created before the load; each accepted by up to three users at once
const RATE = 200; // calls a second
const LOAD_MS = 60_000;
const KILL_AT_MS = 30_000;
const DOWN_MS = 10_000;
const REMOVE_SHARE = 0.06;
const CONVERGE_MS = 120_000;

/** Median and 99th percentile of the calls' answer times. */
function percentiles(outcomes: Outcome[]) {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? null;
  return { p50: at(0.5), p99: at(0.99) };
}

describe('fault: three team-service replicas under roster contention, one SIGKILLed', function () {
  this.timeout(10 * 60_000);
  let system: System;
  before(async () => {
    // RevenueCat's rate is not what this scenario measures: 100 calls/s lets the grants follow the roster.
    system = await startSystem({
      teamServiceReplicas: 3,
      entitlementEnv: { REVENUECAT_RATE_PER_SECOND: '100' },
    });
  });
  after(() => system?.stop());

  it("when 200 AddMember / RemoveMember / AcceptInvite calls a second race over three replicas and one is SIGKILLed, then no stored version exceeds a team's seats, every OK answer is in the stored roster, and access converges to it", async () => {
    const { emulator, clients } = system;
    const client = balancedTeamClient(system.teamServices.map((t) => t.address));
    const owners = Array.from({ length: TEAMS }, () => newUser('rc-owner'));
    await inBatches(owners, 8, (owner) => emulator.purchase(owner, 'team_small_monthly'));
    await system.explain(waitConverged(clients, emulator, { owners, personal: [] }, 90_000));
    const teams: LoadTeam[] = [];
    for (const owner of owners) {
      const teamId = (await teamOf(clients, owner))!.teamId;
      teams.push({
        teamId,
        owner,
        pool: Array.from({ length: POOL }, () => newUser('rc-user')),
        invites: [],
      });
    }
    await inBatches(
      teams.flatMap((team) => Array.from({ length: INVITES }, () => team)),
      8,
      async (team) => {
        const { invite } = await call<{ invite: { inviteId: string; token: string } }>(
          client,
          'InviteByEmail',
          {
            teamId: team.teamId,
            email: `${newUser('rc-invitee')}@example.com`,
            actorUserId: team.owner,
          },
        );
        team.invites.push({ inviteId: invite.inviteId, token: invite.token });
      },
    );

    // The first replica (the one entitlement-service and the suite's own client talk to) is SIGKILLed midway
    // and restarted 10 s later, as an orchestrator restarts a crashed pod.
    const victim = system.teamServices[0]!;
    const loadStartedAt = Date.now();
    const crash = sleep(KILL_AT_MS).then(async () => {
      await victim.kill();
      const killedAtMs = Date.now() - loadStartedAt;
      await sleep(DOWN_MS);
      await victim.start();
      return { killedAtMs, restartedAtMs: Date.now() - loadStartedAt };
    });
    const load = await rosterLoad({
      client,
      teams,
      ratePerSecond: RATE,
      durationMs: LOAD_MS,
      removeShare: REMOVE_SHARE,
    });
    const loadEndedAt = Date.now();
    const { killedAtMs, restartedAtMs } = await system.explain(crash);
    client.close();

    const everyone = teams.flatMap((team) => team.pool);
    const cast: Cast = { owners, personal: [], others: everyone };
    const converged = await convergence(clients, emulator, cast, CONVERGE_MS);
    const convergedAfterLoadMs = Date.now() - loadEndedAt;
    const stored = await readStoredTeams(system.teamDatabaseUri);
    const storedTeams = teams.map((team) => stored.get(team.teamId)!);
    const violations = storedTeams.flatMap(seatViolations);
    const gaps = storedTeams.filter((t) => t.gaps.length > 0).map((t) => `${t.teamId}: ${t.gaps.join(',')}`);
    const applied = appliedCalls(stored);
    const answers = answersAgainstLog(load, stored, applied);
    const rosters = rosterAgainstCalls(load, stored, applied);
    const doubleAccepts = invitesAcceptedTwice(load);
    const surprises = [...load.surprises, ...unexplainedSurprises(load, applied)];
    const projections = projectionMismatches(storedTeams);
    const served = await servedRosterMismatches(clients, teams, stored);
    const dead = await deadLetters(system.brokers, system.consumedTopics);
    const uncertain = load.outcomes.filter((o) => o.code !== 0 && !isRefusal(o.code));
    const count = (values: Array<string | number>) =>
      values.reduce<Record<string, number>>((all, v) => ({ ...all, [v]: (all[v] ?? 0) + 1 }), {});
    recordFigures('replica contention', {
      teams: TEAMS,
      seatsPerTeam: 5,
      poolUsers: everyone.length,
      invites: TEAMS * INVITES,
      targetRatePerSecond: RATE,
      sent: load.sent,
      skippedNoIdleUser: load.skipped,
      achievedRatePerSecond: Math.round((load.sent / load.durationMs) * 10_000) / 10,
      maxInFlight: load.maxInFlight,
      callsByMethodAndCode: count(load.outcomes.map((o) => `${o.method} ${status[o.code] ?? o.code}`)),
      killedAtMs,
      restartedAtMs,
      latencyMs: percentiles(load.outcomes),
      latencyMsWhileOneDown: percentiles(
        load.outcomes.filter((o) => o.atMs >= killedAtMs && o.atMs < restartedAtMs),
      ),
      uncertainAnswers: uncertain.length,
      uncertainApplied: uncertain.filter((o) => applied.has(o.trace)).length,
      storedVersions: storedTeams.reduce((sum, t) => sum + t.versions.length, 0),
      teamsBySeatsHeldMax: count(storedTeams.map(maxSeatsHeld)),
      seatsReservedMax: Math.max(...storedTeams.map(maxSeatsReserved)),
      seatViolations: violations.length,
      answersAgainstLog: answers.length,
      rosterAgainstCalls: rosters.length,
      surprises: surprises.length,
      surprisesExplainedByLateWrites:
        load.surprisesAfterUncertain.size - (surprises.length - load.surprises.length),
      doubleAccepts: doubleAccepts.length,
      projectionMismatches: projections.length,
      servedRosterMismatches: served.length,
      deadLetters: dead.length,
      converged: converged.converged,
      convergedAfterLoadMs: converged.converged ? convergedAfterLoadMs : null,
      notConverged: converged.mismatches[0]?.slice(0, 600),
    });
    expect(violations, 'stored versions over the seat limit').to.deep.equal([]);
    expect(gaps, 'versions missing from the log').to.deep.equal([]);
    expect(answers, 'answers against the log entries their calls wrote').to.deep.equal([]);
    expect(rosters, 'final stored roster against the calls that took effect').to.deep.equal([]);
    expect(surprises, "answers contradicting the user's own history").to.deep.equal([]);
    expect(doubleAccepts, 'invites accepted by two users').to.deep.equal([]);
    expect(projections, 'projection against the log').to.deep.equal([]);
    expect(served, 'ListMembers against the log').to.deep.equal([]);
    expect(converged.mismatches, 'access against the final roster').to.deep.equal([]);
  });
});
