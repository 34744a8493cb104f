import type { GrantScope } from '../domain/member-grants';
import type { Team, TeamLine, TeamSummary } from '../domain/team';
import type { PendingEvent } from '../domain/team-events';

// What the use cases need from storage, implemented in adapters/database. Every change is one insert of
// a log entry (ADR 0024) that carries its events and the users whose grants it changes (the outbox).

/** Attributes copied onto every event a write produces. */
export interface EventMeta {
  /** The RevenueCat event or request that caused the change. */
  causationId: string | null;
  /** W3C trace context of the request. */
  traceparent: string | null;
}

/** An event to log; one of a batch of callers' commands carries its own caller's meta (ADR 0028). */
export type LoggedEvent = PendingEvent & { meta?: EventMeta };

export interface TeamRepository {
  /** The team at its latest version, or null when there is none. */
  load(teamId: string): Promise<Team | null>;
  /**
   * The team at its latest version, caught up from the last state this process saw (point reads of the
   * log, not the whole team); `load` when it saw none. Without the watermark moves of other processes.
   */
  latest(teamId: string): Promise<Team | null>;
  /** `team` brought to the latest version (it was the team at its version: versions never change). */
  refresh(team: Team): Promise<Team>;
  /** Writes a new team (version 1) with its first events; false when a team with that id exists. */
  insert(team: Team, events: LoggedEvent[], grants: GrantScope, meta: EventMeta): Promise<boolean>;
  /**
   * Writes `next` (version `previous.version + 1`) with its events if no other write took that version;
   * false otherwise: decide again on the refreshed team. `previous` is the team the decision was made on.
   */
  append(
    previous: Team,
    next: Team,
    events: LoggedEvent[],
    grants: GrantScope,
    meta: EventMeta,
  ): Promise<boolean>;
  /** Moves the subscription watermark forward (never back); no version, no event. */
  advanceWatermark(teamId: string, at: Date): Promise<void>;
}

/** (subscriber, management entitlement, subscription group) → team id: one team per subscription. */
export interface TeamKeyRegistry {
  find(subscriberUserId: string, line: TeamLine): Promise<string | null>;
  /** Claims the key for teamId; returns the team id now holding it (teamId itself when claimed). */
  claim(subscriberUserId: string, line: TeamLine, teamId: string): Promise<string>;
  /** Points the key at `to` when it still points at `from`. */
  reassign(subscriberUserId: string, line: TeamLine, from: string, to: string): Promise<boolean>;
  /** Frees the key when it still points at teamId. */
  release(subscriberUserId: string, line: TeamLine, teamId: string): Promise<void>;
}

export interface UserTeamEntry {
  teamId: string;
  /** The team's creation time: the list order. */
  createdAt: Date;
}

/**
 * Views derived from the teams for cheap listings: per team a small summary, per user the teams whose
 * roster they are on. FerretDB answers only lookups by `_id` from an index and reads a team document in
 * time proportional to its roster, so ListTeamsOfUser reads these instead of the teams.
 */
export interface TeamViews {
  /**
   * Brings the team's summary, and the entries of the given users, up to `team` (an authoritative
   * snapshot). A snapshot older than one already applied never overwrites it.
   */
  refresh(team: Team, userIds: string[]): Promise<void>;
  entriesOf(userId: string): Promise<UserTeamEntry[]>;
  summaries(teamIds: string[]): Promise<Map<string, TeamSummary>>;
}
