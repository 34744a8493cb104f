import type { TeamViews, UserTeamEntry } from '../../application/ports';
import { memberIn } from '../../domain/roster-index';
import { summaryOf, type Member, type Team, type TeamSummary } from '../../domain/team';
import { databaseCall } from './database-errors';
import {
  TEAM_SUMMARIES,
  USER_TEAMS,
  type SummaryDocument,
  type TeamModels,
  type UserTeamsDocument,
} from './models';

interface Latest {
  version: number;
  members: readonly Member[];
  createdAt: Date;
  /** user → the roster version their entry was last written from; a repeat at that version is skipped. */
  written: Map<string, number>;
}

/** How many teams' latest rosters are remembered for ordering view writes. */
const REMEMBERED_TEAMS = 20_000;

function fromSummaryDocument(doc: SummaryDocument): TeamSummary {
  const { _id, ...rest } = doc;
  return {
    ...rest,
    teamId: _id,
    termsVersion: rest.termsVersion ?? 0,
    rosterRetainedUntil: rest.rosterRetainedUntil ?? null,
    seatPacks: rest.seatPacks ?? [],
    subscriptionGroup: rest.subscriptionGroup ?? rest.managementEntitlement,
  };
}

/**
 * The listing views (one summary per team, one document per user listing their teams), each looked up
 * by `_id`. Both the command path (right after a write, so callers read their writes) and the outbox
 * relay (before publishing, so a consumer reacting to an event reads at least that state, and as repair
 * after a crash) refresh them. Refreshes of one team run one after another in this process, and a user's
 * entry is always written from the newest roster seen, so an older snapshot arriving late cannot undo a
 * newer one. (Several replicas can leave a view behind the log until the team's next change, ADR 0024;
 * GetMemberGrant passes such a view over for the log when the caller names a newer version, ADR 0021.)
 */
export function createTeamViews({ reads, writes }: { reads: TeamModels; writes: TeamModels }): TeamViews {
  // ListTeamsOfUser's two reads use the driver under the models: a lean read gains nothing from the schema
  // (what it reads was validated when written), and the models' query machinery cost about 40 % more CPU
  // per read and a higher p99 on this hot path (ADR 0017). Everything else goes through the models.
  const readSummaries = reads.db.collection<SummaryDocument>(TEAM_SUMMARIES);
  const readUsers = reads.db.collection<UserTeamsDocument>(USER_TEAMS);
  const { summaries: writeSummaries, userTeams: writeUsers } = writes;
  const validatedUpsert = { upsert: true, runValidators: true } as const;
  const latest = new Map<string, Latest>();
  const chains = new Map<string, Promise<void>>();

  function remember(team: Team): Latest {
    const known = latest.get(team.teamId);
    if (known && known.version >= team.version) return known;
    const next = {
      version: team.version,
      members: team.members,
      createdAt: team.createdAt,
      written: known?.written ?? new Map<string, number>(),
    };
    latest.delete(team.teamId);
    latest.set(team.teamId, next);
    if (latest.size > REMEMBERED_TEAMS) latest.delete(latest.keys().next().value as string);
    return next;
  }

  async function apply(team: Team, userIds: string[]): Promise<void> {
    const before = latest.get(team.teamId)?.version ?? 0;
    const roster = remember(team);
    const stale = userIds.filter((userId) => (roster.written.get(userId) ?? 0) < roster.version);
    // The roster's index (roster-index.ts): no scan or set of a large roster per join.
    const onRoster = (userId: string) => memberIn(roster.members, userId) !== undefined;
    await Promise.all(
      stale.map(async (userId) => {
        const field = `teams.${team.teamId}`;
        if (onRoster(userId)) {
          await writeUsers.updateOne(
            { _id: userId },
            { $set: { [field]: { createdAt: roster.createdAt } } },
            validatedUpsert,
          );
        } else {
          await writeUsers.updateOne({ _id: userId }, { $unset: { [field]: '' } }, { runValidators: true });
        }
        roster.written.set(userId, roster.version);
      }),
    );
    // The summary last: GetMemberGrant answers with the summary's version, so while a refresh is under way
    // it may understate the version but never pairs a new version with an old roster entry (ADR 0021).
    if (team.version > before) {
      const { teamId, ...summary } = summaryOf(team);
      await writeSummaries.updateOne({ _id: teamId }, { $set: summary }, validatedUpsert);
    }
  }

  return {
    refresh(team, userIds) {
      const previous = chains.get(team.teamId) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => apply(team, userIds));
      chains.set(team.teamId, run);
      void run
        .finally(() => {
          if (chains.get(team.teamId) === run) chains.delete(team.teamId);
        })
        .catch(() => undefined);
      return run;
    },

    async entriesOf(userId): Promise<UserTeamEntry[]> {
      const doc = await databaseCall('read user teams', () => readUsers.findOne({ _id: userId }));
      return Object.entries(doc?.teams ?? {}).map(([teamId, entry]) => ({
        teamId,
        createdAt: entry.createdAt instanceof Date ? entry.createdAt : new Date(String(entry.createdAt)),
      }));
    },

    async summaries(teamIds) {
      const docs = await databaseCall('read team summaries', () =>
        Promise.all(teamIds.map((teamId) => readSummaries.findOne({ _id: teamId }))),
      );
      const found = new Map<string, TeamSummary>();
      for (const doc of docs) if (doc) found.set(doc._id, fromSummaryDocument(doc));
      return found;
    },
  };
}
