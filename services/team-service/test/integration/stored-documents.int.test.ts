import { expect } from 'chai';
import { provisionTeam, startHarness, subscriptionState, type Harness } from '../support/harness';

// What team-service stores, field by field and type by type, after one of every kind of write: other
// tools (operations queries, a future migration) rely on it, and a change to how documents are declared
// or written (mongoose schemas, ADR 0017) must leave it alone.

type FieldTypes = Record<string, string>;

/**
 * Every path of the documents with the types found there ("date|null"). `*` stands for keys that are
 * ids (outbox groups, a user's teams), `[]` for array elements; `opaque` paths are not looked into.
 */
function fieldTypes(
  documents: unknown[],
  { dynamic = [], opaque = [] }: { dynamic?: string[]; opaque?: string[] } = {},
): FieldTypes {
  const found = new Map<string, Set<string>>();
  const note = (path: string, type: string): void => {
    found.set(path, (found.get(path) ?? new Set()).add(type));
  };
  function walk(value: unknown, path: string): void {
    if (value === null) return note(path, 'null');
    if (value instanceof Date) return note(path, 'date');
    if (Array.isArray(value)) {
      note(path, 'array');
      for (const item of value) walk(item, `${path}[]`);
      return;
    }
    if (typeof value !== 'object') return note(path, typeof value);
    note(path, 'object');
    if (opaque.includes(path)) return;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      walk(item, `${path}.${dynamic.includes(path) ? '*' : key}`);
    }
  }
  for (const document of documents) walk(document, '$');
  found.delete('$');
  return Object.fromEntries(
    [...found.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, types]) => [path.slice(2), [...types].sort().join('|')]),
  );
}

/** What a team and its summary both hold. */
const TEAM_STATE: FieldTypes = {
  _id: 'string',
  adminChoiceGraceHours: 'number',
  admins: 'array',
  'admins[]': 'string',
  createdAt: 'date',
  grantMode: 'string',
  managementEntitlement: 'string',
  memberCount: 'number',
  memberEntitlements: 'array',
  'memberEntitlements[]': 'string',
  overAssignedUntil: 'null',
  ownerTakesSeat: 'boolean',
  ownerUserId: 'string',
  pendingInvites: 'number',
  periodEndsAt: 'date',
  productId: 'string',
  rosterRetainedUntil: 'null',
  seatLimit: 'number',
  seatPacks: 'array',
  'seatPacks[]': 'object',
  'seatPacks[].productId': 'string',
  'seatPacks[].seats': 'number',
  seatsAvailable: 'number',
  seatsUsed: 'number',
  shrinkPolicy: 'string',
  status: 'string',
  subscriberUserId: 'string',
  subscriptionGroup: 'string',
  subscriptionStateAt: 'date',
  termsVersion: 'number',
  updatedAt: 'date',
  version: 'number',
};

const TEAM_DOCUMENT: FieldTypes = {
  ...TEAM_STATE,
  invites: 'array',
  'invites[]': 'object',
  'invites[].acceptedAt': 'date|null',
  'invites[].acceptedBy': 'null|string',
  'invites[].createdAt': 'date',
  'invites[].createdBy': 'string',
  'invites[].email': 'string',
  'invites[].endedAt': 'date|null',
  'invites[].expiresAt': 'date',
  'invites[].inviteId': 'string',
  'invites[].status': 'string',
  'invites[].tokenHash': 'string',
  memberIds: 'array',
  'memberIds[]': 'string',
  members: 'array',
  'members[]': 'object',
  'members[].addedAt': 'date',
  'members[].addedBy': 'string',
  'members[].holdsSeat': 'boolean',
  'members[].inviteId': 'null|string',
  'members[].role': 'string',
  'members[].userId': 'string',
  nextDeadlineAt: 'date',
};

describe('team-service stored documents', () => {
  let harness: Harness;
  // No relay: the pending markers stay as the writes left them.
  before(async () => (harness = await startHarness({ env: { OUTBOX_RELAY_ENABLED: 'false' } })));
  after(async () => harness?.stop());

  it('when every kind of write has run, then teams, team keys and both views hold exactly these fields', async () => {
    const subscriber = `owner-${Date.now()}`;
    const { team, owner } = await provisionTeam(harness, { subscriber, seats: 5 });
    const teamId = team.teamId;
    const invite = (email: string, actorUserId = owner) =>
      harness.app('InviteByEmail', { teamId, email, ttlHours: 0, actorUserId });
    await harness.app('AddMember', { teamId, userId: 'u1', actorUserId: owner });
    await harness.app('GrantAdmin', { teamId, userId: 'u1', actorUserId: owner });
    const accepted = await invite('a@example.com');
    await harness.app('AcceptInvite', { token: accepted.invite.token, actorUserId: 'u2' });
    const revoked = await invite('b@example.com');
    await harness.app('RevokeInvite', { teamId, inviteId: revoked.invite.inviteId, actorUserId: owner });
    await invite('c@example.com', 'u1');
    const renewed = new Date(Date.now() + 60 * 86_400_000);
    await harness.internal(
      'ApplySubscriptionState',
      subscriptionState({
        subscriber,
        seats: 6,
        periodEndsAt: renewed,
        seatPacks: [{ productId: 'seats_2', seats: 2 }],
      }),
    );

    const db = harness.mongo.db(harness.databaseName);
    const teams = await db.collection('teams').find({}).toArray();
    expect(fieldTypes(teams)).to.deep.equal(TEAM_DOCUMENT);
    expect(fieldTypes(await db.collection('team_summaries').find({}).toArray())).to.deep.equal(TEAM_STATE);
    expect(fieldTypes(await db.collection('team_keys').find({}).toArray())).to.deep.equal({
      _id: 'string',
      teamId: 'string',
    });
    const users = await db.collection('user_teams').find({}).toArray();
    expect(users.map((user) => user._id).sort()).to.deep.equal([owner, 'u1', 'u2'].sort());
    expect(fieldTypes(users, { dynamic: ['$.teams'] })).to.deep.equal({
      _id: 'string',
      teams: 'object',
      'teams.*': 'object',
      'teams.*.createdAt': 'date',
    });
  });
});
