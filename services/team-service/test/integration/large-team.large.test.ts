import { randomUUID } from 'node:crypto';
import { status } from '@teamseat/grpc';
import { expect } from 'chai';
import { eventsOf, latestGrants, publishedEvents, publishedFacts, typeName } from '../support/events';
import {
  expectFailure,
  provisionTeam,
  startHarness,
  subscriptionState,
  type Harness,
} from '../support/harness';
import { conflictRetries, inParallel, largestDocuments, pageAllMembers } from '../support/large-team';

const MEMBERS = Number(process.env.LARGE_TEAM_MEMBERS ?? 25_000);
/** Members who join through InviteByEmail + AcceptInvite; the rest through AddMember. */
const INVITED = Math.floor(MEMBERS / 25);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/**
 * Ids as long as RevenueCat's anonymous ones (`$RCAnonymousID:` and 32 hex digits, 47 characters), but
 * identified: anonymous ids cannot join a team (ADR 0030).
 */
const userIdOf = (i: number) => `member-${String(i).padStart(40, '0')}`;

function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return work().finally(() => console.log(`      (${label}: ${Date.now() - started} ms)`));
}

// Issue 17 point 4: a team of 25,000 members through its whole life on the real stack. Minutes long on
// FerretDB, so in the fault suite. LARGE_TEAM_MEMBERS runs it smaller.
describe(`team-service with a team of ${MEMBERS} members`, function () {
  this.timeout(1_800_000);
  let harness: Harness;
  let teamId: string;
  const subscriber = `owner-${randomUUID()}`;
  const renewedEnd = new Date(Date.now() + 60 * DAY_MS);
  const state = (options: Parameters<typeof subscriptionState>[0]) =>
    harness.internal('ApplySubscriptionState', subscriptionState({ subscriber, ...options }), {
      deadlineMs: 300_000,
    });

  before(async () => {
    harness = await startHarness({ env: { OUTBOX_CONCURRENCY: '4' } });
    ({
      team: { teamId },
    } = await provisionTeam(harness, { subscriber, seats: MEMBERS }));
  });
  after(async () => harness?.stop());

  it('when members join through AddMember and invites while the roster is paged, then every member is listed exactly once', async () => {
    const added = MEMBERS - INVITED;
    const first = Math.floor(added * 0.9);
    await timed(`${first} AddMember calls`, () =>
      inParallel(first, 16, async (i) => {
        await harness.app(
          'AddMember',
          { teamId, userId: userIdOf(i), actorUserId: subscriber },
          { deadlineMs: 60_000 },
        );
      }),
    );
    // The rest join while the roster is paged: each of the first is listed exactly once, and nobody twice.
    const joining = timed(`${added - first} AddMember calls and ${INVITED} invites accepted`, () =>
      Promise.all([
        inParallel(added - first, 8, async (i) => {
          await harness.app('AddMember', { teamId, userId: userIdOf(first + i), actorUserId: subscriber });
        }),
        inParallel(INVITED, 8, async (i) => {
          const userId = userIdOf(added + i);
          const { invite } = await harness.app('InviteByEmail', {
            teamId,
            email: `member-${i}@example.com`,
            actorUserId: subscriber,
          });
          await harness.app('AcceptInvite', { token: invite.token, actorUserId: userId });
        }),
      ]),
    );
    const paged = await timed('ListMembers paged during the joins', () =>
      pageAllMembers(harness, teamId, subscriber, () => new Promise((resolve) => setTimeout(resolve, 100))),
    );
    await joining;
    expect(new Set(paged).size, 'members listed twice').to.equal(paged.length);
    const listed = new Set(paged);
    const missing = Array.from({ length: first }, (_, i) => userIdOf(i)).filter((id) => !listed.has(id));
    expect(missing, 'members present before paging that were not listed').to.deep.equal([]);

    const { team: built } = await harness.app('GetTeam', { teamId, actorUserId: subscriber });
    console.log(
      `      (${MEMBERS + INVITED} joins and invites in ${Number(built.version) - 1} log entries, ADR 0028)`,
    );
    const all = await timed('ListMembers paged at rest', () => pageAllMembers(harness, teamId, subscriber));
    expect(all.length).to.equal(MEMBERS + 1); // and the owner
    expect(new Set(all).size).to.equal(all.length);
    await expectFailure(
      harness.app('AddMember', { teamId, userId: 'one-too-many', actorUserId: subscriber }),
      status.RESOURCE_EXHAUSTED,
      'SEAT_LIMIT_REACHED',
    );
  });

  it('when it renews, then every member is told the new period end', async () => {
    await timed('renewal', () => state({ seats: MEMBERS, periodEndsAt: renewedEnd }));
  });

  it('when it shrinks under block, then everyone stays and adds are refused', async () => {
    const seats = MEMBERS - Math.floor(MEMBERS / 25);
    const { team } = await timed('shrink (block)', () =>
      state({ seats, periodEndsAt: renewedEnd, shrinkPolicy: 'SHRINK_POLICY_BLOCK' }),
    );
    expect(team).to.include({ seatLimit: seats, memberCount: MEMBERS + 1 });
  });

  it('when it shrinks under admin-choice, then the sweep removes the last joined at the deadline', async () => {
    const seats = MEMBERS - Math.floor(MEMBERS / 5);
    await timed('shrink (admin-choice)', () =>
      state({
        seats,
        periodEndsAt: renewedEnd,
        shrinkPolicy: 'SHRINK_POLICY_ADMIN_CHOICE',
        adminChoiceGraceHours: 1,
      }),
    );
    expect(await harness.service.internals.sweepDeadlines(), 'nothing due before the deadline').to.equal(0);
    harness.clock.advance(2 * HOUR_MS);
    expect(await timed('deadline sweep', () => harness.service.internals.sweepDeadlines())).to.equal(1);
    const { team } = await harness.app('GetTeam', { teamId, actorUserId: subscriber });
    expect(team).to.include({ memberCount: seats + 1, seatsUsed: seats });
  });

  it('when it shrinks under remove-last-joined to one seat, then all but the first member are removed', async () => {
    const { team } = await timed('shrink (remove-last-joined)', () =>
      state({ seats: 1, periodEndsAt: renewedEnd, shrinkPolicy: 'SHRINK_POLICY_REMOVE_LAST_JOINED' }),
    );
    expect(team).to.include({ memberCount: 2, seatsUsed: 1 });
  });

  it('when it expires, then only the owner is left', async () => {
    const { team } = await timed('expiry', () =>
      state({ seats: 0, status: 'TEAM_STATUS_EXPIRED', periodEndsAt: renewedEnd }),
    );
    expect(team).to.include({ memberCount: 1, status: 'TEAM_STATUS_EXPIRED' }); // the owner
  });

  it('then no document is near 16 MB, no write was retried, and every change was published', async () => {
    await harness.service.internals.relay.idle();
    const sizes = await largestDocuments(harness);
    console.log(`      (largest documents, bytes: ${JSON.stringify(sizes)})`);
    for (const [collection, bytes] of Object.entries(sizes)) {
      expect(bytes, `largest document of ${collection}`).to.be.lessThan(MAX_DOCUMENT_BYTES / 2);
    }
    expect(await conflictRetries(harness), 'conflict retries').to.equal(0);

    const facts = await timed('reading the facts', () => publishedFacts(harness));
    console.log(`      (${facts.length} grant-terms facts)`);
    const renewed = new Set(
      facts
        .filter((f) => f.data.grant.kind === 'until' && f.data.grant.until === renewedEnd.toISOString())
        .map((f) => f.data.userId),
    );
    const members = Array.from({ length: MEMBERS }, (_, i) => userIdOf(i));
    expect(members.filter((id) => !renewed.has(id)).length, 'members not told of the renewal').to.equal(0);
    const grants = latestGrants(facts, teamId);
    expect(
      members.filter((id) => grants.get(id)?.grant.kind !== 'none').length,
      'members left with a grant',
    ).to.equal(0);

    const events = eventsOf(await publishedEvents(harness), teamId).map(typeName);
    const count = (type: string) => events.filter((t) => t === type).length;
    expect(count('MemberAdded')).to.equal(MEMBERS);
    expect(count('InviteAccepted')).to.equal(INVITED);
    // admin-choice removes down to its limit, remove-last-joined to one; the expiry removes the last one.
    expect(count('MemberRemoved')).to.equal(MEMBERS - 1);
    expect(count('TeamExpired')).to.equal(1);
  });
});
