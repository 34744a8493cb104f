import { requireManager, requireOnTeam, roleOf } from '../domain/permissions';
import type { TeamKeyRegistry, TeamRepository, TeamViews, UserTeamEntry } from './ports';
import {
  describeLine,
  roleInSummary,
  sameLine,
  summaryOf,
  type Role,
  type Team,
  type TeamLine,
  type TeamStatus,
  type TeamSummary,
} from '../domain/team';
import { notSelf, teamNotFound } from '../domain/team-errors';
import { memberGrantInSummary, memberGrantOf } from '../domain/member-grants';
import type { MemberGrant } from '@teamseat/contracts';

export type TeamReads = ReturnType<typeof createTeamReads>;

/** What a seat in a team gives a user now, as of a team version (GetMemberGrant, ADR 0021). */
export interface MemberGrantAnswer {
  teamVersion: number;
  productId: string;
  memberEntitlements: string[];
  grant: MemberGrant;
}

export interface TeamCursor {
  createdAt: number;
  teamId: string;
}

/** Newest first (created_at desc, then team_id): the order of ListTeamsOfUser. */
function compareEntries(a: { createdAt: number; teamId: string }, b: { createdAt: number; teamId: string }) {
  return b.createdAt - a.createdAt || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0);
}

/** The read use cases. An empty actor is a trusted caller; otherwise the actor must be on the team. */
export function createTeamReads({
  teams,
  keys,
  views,
}: {
  teams: TeamRepository;
  keys: TeamKeyRegistry;
  views: TeamViews;
}) {
  // A large team is read once and then caught up from its log, so paging its roster re-reads no roster.
  async function load(teamId: string): Promise<Team> {
    const team = await teams.latest(teamId);
    if (!team) throw teamNotFound(teamId);
    return team;
  }

  return {
    async getTeam(teamId: string, actor?: string): Promise<Team> {
      const team = await load(teamId);
      requireOnTeam(team, actor);
      return team;
    },

    async getTeamByKey(subscriberUserId: string, line: TeamLine, actor?: string): Promise<Team> {
      const teamId = await keys.find(subscriberUserId, line);
      const team = teamId ? await teams.load(teamId) : null;
      // A key is only a hint: the team must still name this subscriber, entitlement and group.
      if (!team || team.subscriberUserId !== subscriberUserId || !sameLine(team, line)) {
        throw teamNotFound(`${subscriberUserId}/${describeLine(line)}`);
      }
      requireOnTeam(team, actor);
      return team;
    },

    /**
     * The grant-terms fact for (team, user) as of now, from the listing views: the team's summary and the
     * user's list of teams, two small documents, never the roster. The relay refreshes both before it
     * publishes facts; views another replica left behind the caller's `minVersion` are passed over for the
     * team itself (projection and log). A team without a summary yet is read whole.
     */
    async memberGrant(teamId: string, userId: string, minVersion = 0): Promise<MemberGrantAnswer> {
      const [summaries, entries] = await Promise.all([views.summaries([teamId]), views.entriesOf(userId)]);
      const summary = summaries.get(teamId);
      // Views trailing the caller's version (another replica wrote them late, ADR 0024) are not believed:
      // the team is read from its log, which has every version it reached.
      if (summary && summary.version >= minVersion) {
        const onRoster = entries.some((entry) => entry.teamId === teamId);
        return answerOf(summary, memberGrantInSummary(summary, userId, onRoster));
      }
      const team = await load(teamId);
      return answerOf(team, memberGrantOf(team, userId));
    },

    /** For ListInvites: the owner or an admin, or a trusted caller. */
    async getTeamForManager(teamId: string, actor?: string): Promise<Team> {
      const team = await load(teamId);
      if (actor) requireManager(team, actor);
      return team;
    },

    /**
     * The teams a user is on, newest first, with the user's role: the user's view document, then the
     * summaries of those teams, all by `_id`. A team without a summary yet is read whole.
     */
    async teamsOfUser(
      userId: string,
      filter: {
        roles: Role[];
        statuses: TeamStatus[];
        after: TeamCursor | null;
        pageSize: number;
        actor?: string;
      },
    ): Promise<{ items: Array<{ team: TeamSummary; role: Role }>; next: TeamCursor | null }> {
      if (filter.actor && filter.actor !== userId) throw notSelf(filter.actor);
      const entries = (await views.entriesOf(userId))
        .map((entry: UserTeamEntry) => ({ teamId: entry.teamId, createdAt: entry.createdAt.getTime() }))
        .sort(compareEntries)
        .filter((entry) => filter.after === null || compareEntries(filter.after, entry) < 0);

      const items: Array<{ team: TeamSummary; role: Role; cursor: TeamCursor }> = [];
      let scanned = 0;
      while (scanned < entries.length && items.length < filter.pageSize) {
        const chunk = entries.slice(scanned, scanned + filter.pageSize - items.length);
        scanned += chunk.length;
        const summaries = await views.summaries(chunk.map((entry) => entry.teamId));
        for (const entry of chunk) {
          let summary = summaries.get(entry.teamId);
          if (!summary) {
            const team = await teams.load(entry.teamId);
            if (!team || roleOf(team, userId) === undefined) continue;
            summary = summaryOf(team);
          }
          const role = roleInSummary(summary, userId);
          if (filter.roles.length > 0 && !filter.roles.includes(role)) continue;
          if (filter.statuses.length > 0 && !filter.statuses.includes(summary.status)) continue;
          items.push({ team: summary, role, cursor: entry });
        }
      }
      const last = items[items.length - 1];
      return {
        items: items.map(({ team, role }) => ({ team, role })),
        next: scanned < entries.length && last ? last.cursor : null,
      };
    },
  };
}

function answerOf(team: TeamSummary | Team, grant: MemberGrant): MemberGrantAnswer {
  return {
    teamVersion: team.version,
    productId: team.productId,
    memberEntitlements: [...team.memberEntitlements],
    grant,
  };
}
