import { expect } from 'chai';
import { randomName } from '@teamseat/testing';
import type { CustomerRepository } from '../../src/application/ports';
import { createTeamAccessReports, type ReconcileProgress } from '../../src/application/team-access-report';
import type { UserReconciler } from '../../src/application/user-reconciler';
import { DAY_MS } from '../../src/domain';
import { startTeamServiceDirectory } from '../support/team-service-directory';

/** A reconciler that records whom it was asked about and needs `delayMs` per user (RevenueCat's pace). */
function countingReconciler(delayMs: number) {
  const reconciled: string[] = [];
  const reconciler = {
    async reconcile(userId: string) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      reconciled.push(userId);
      return { granted: 1, revoked: 0, failed: 0 };
    },
  } as unknown as UserReconciler;
  return { reconciler, reconciled };
}

describe('ReconcileTeam with progress (a real team-service roster)', function () {
  this.timeout(60_000);
  let teams: Awaited<ReturnType<typeof startTeamServiceDirectory>>;
  const members = Array.from({ length: 12 }, (_, i) => randomName(`progress-${i}`));

  before(async () => {
    teams = await startTeamServiceDirectory();
    await teams.putTeam({ teamId: 'big', periodEndsAt: Date.now() + 30 * DAY_MS });
    for (const member of members) await teams.addMember('big', member);
  });

  after(() => teams.stop());

  const reportsWith = (reconciler: UserReconciler) =>
    createTeamAccessReports({
      teams: teams.directory,
      customers: { getMany: async () => [] } as unknown as CustomerRepository,
      // ReconcileTeam re-reads the team's subscriber first (ADR 0036); this test is about the members' part.
      sync: { sync: async () => undefined } as unknown as Parameters<
        typeof createTeamAccessReports
      >[0]['sync'],
      reconciler,
      concurrency: 2,
      now: Date.now,
    });

  it('when a team is reconciled, then progress is heard from 0 to the whole roster with the counts so far', async () => {
    const { reconciler, reconciled } = countingReconciler(1);
    const heard: ReconcileProgress[] = [];
    const result = await reportsWith(reconciler).reconcileTeam(teams.idOf('big')!, {
      onProgress: (progress) => heard.push(progress),
    });
    const total = reconciled.length;
    expect(total).to.be.at.least(members.length);
    expect(heard[0]).to.deep.equal({ done: 0, total, granted: 0, revoked: 0, failed: 0 });
    expect(heard.at(-1)).to.deep.equal({ done: total, total, granted: total, revoked: 0, failed: 0 });
    expect(heard.map((p) => p.done)).to.deep.equal(Array.from({ length: total + 1 }, (_, i) => i));
    expect(result.granted).to.equal(total);
  });

  it('when the caller cancels, then the members in flight finish and no further member is started', async () => {
    const { reconciler, reconciled } = countingReconciler(50);
    const cancel = new AbortController();
    const work = reportsWith(reconciler).reconcileTeam(teams.idOf('big')!, {
      signal: cancel.signal,
      onProgress: (progress) => {
        if (progress.done === 2) cancel.abort();
      },
    });
    let failure: unknown;
    await work.catch((error: unknown) => (failure = error));
    expect((failure as Error | undefined)?.name).to.equal('AbortError');
    // Two workers: the two that finished, plus at most the one still in flight when the abort came.
    expect(reconciled.length).to.be.within(2, 3);
    expect(reconciled.length).to.be.below(members.length);
  });
});
