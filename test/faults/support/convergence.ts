import type { Member__Output } from '@teamseat/grpc';
import { call, checkAccess, teamOf, type Clients } from './grpc-clients';
import type { EmulatorControl } from './emulator-control';

/** Who the scenario involved: the owners of team purchases and the users who bought for themselves. */
export interface Cast {
  owners: string[];
  personal: string[];
  /** Anyone else whose access must be checked (members added, members that failed to be added). */
  others?: string[];
}

const ACTIVE_TEAM = new Set(['TEAM_STATUS_ACTIVE', 'TEAM_STATUS_GRACE']);

async function rosterOf(clients: Clients, teamId: string, owner: string): Promise<Member__Output[]> {
  const members: Member__Output[] = [];
  let pageToken = '';
  do {
    const page = await call<{ members: Member__Output[]; nextPageToken: string }>(
      clients.teams,
      'ListMembers',
      {
        teamId,
        actorUserId: owner,
        pageSize: 500,
        pageToken,
      },
    );
    members.push(...page.members);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return members;
}

/** Whether the emulator (the store) holds an active store subscription for this user that gives `pro`. */
async function hasPersonalPurchase(emulator: EmulatorControl, user: string, nowMs: number) {
  const view = await emulator.customer(user);
  return Object.entries(view?.subscriber.subscriber.subscriptions ?? {}).some(
    ([product, s]) =>
      product === 'pro_monthly' && (s.expires_date === null || Date.parse(s.expires_date) > nowMs),
  );
}

/**
 * "Converged": every owner whose team purchase is active in the store has an active team; every user's
 * CheckAccess says `pro` exactly when a purchase or a seat on an active team's roster gives it; and the
 * emulator holds an active promotional `pro` grant exactly for the users a seat gives it to.
 * Answers the mismatches, one line each (none: converged).
 */
export async function mismatches(clients: Clients, emulator: EmulatorControl, cast: Cast): Promise<string[]> {
  const problems: string[] = [];
  const seated = new Set<string>();
  const nowMs = Date.now();
  for (const owner of cast.owners) {
    const storeActive = await storeHasTeam(emulator, owner, nowMs);
    const team = await teamOf(clients, owner);
    const active = team !== undefined && ACTIVE_TEAM.has(team.status);
    if (storeActive !== active)
      problems.push(`${owner}: store says team ${storeActive}, team-service ${team?.status}`);
    if (!team || !active) continue;
    for (const member of await rosterOf(clients, team.teamId, owner))
      if (member.userId !== owner || team.ownerTakesSeat) seated.add(member.userId);
  }
  const users = new Set([...cast.personal, ...(cast.others ?? []), ...seated]);
  for (const user of users) {
    const personal = await hasPersonalPurchase(emulator, user, nowMs);
    const wanted = personal || seated.has(user);
    const access = (await checkAccess(clients, user)).active;
    if (access !== wanted) problems.push(`${user}: CheckAccess pro ${access}, wanted ${wanted}`);
    const promo = (await emulator.grants(user)).active.length > 0;
    if (promo !== seated.has(user))
      problems.push(`${user}: promotional grant ${promo}, seat ${seated.has(user)}`);
  }
  return problems;
}

async function storeHasTeam(emulator: EmulatorControl, owner: string, nowMs: number) {
  const view = await emulator.customer(owner);
  return Object.entries(view?.subscriber.subscriber.subscriptions ?? {}).some(
    ([product, s]) =>
      product.startsWith('team_') && (s.expires_date === null || Date.parse(s.expires_date) > nowMs),
  );
}

/** Polls until converged; answers how long it took, or throws with the mismatches left. */
export async function waitConverged(
  clients: Clients,
  emulator: EmulatorControl,
  cast: Cast,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  let last: string[] = ['not checked yet'];
  while (Date.now() - started < timeoutMs) {
    last = await mismatches(clients, emulator, cast).catch((error: Error) => [
      `check failed: ${error.message}`,
    ]);
    if (last.length === 0) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(
    `not converged within ${timeoutMs} ms; ${last.length} mismatches, first: ${last.slice(0, 8).join('; ')}`,
  );
}

/** Like waitConverged, but answers instead of throwing, so a scenario records its figures either way. */
export async function convergence(
  clients: Clients,
  emulator: EmulatorControl,
  cast: Cast,
  timeoutMs: number,
): Promise<{ converged: boolean; ms: number; mismatches: string[] }> {
  const started = Date.now();
  try {
    const ms = await waitConverged(clients, emulator, cast, timeoutMs);
    return { converged: true, ms, mismatches: [] };
  } catch (error) {
    return { converged: false, ms: Date.now() - started, mismatches: [(error as Error).message] };
  }
}
