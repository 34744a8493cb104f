import type { Command } from 'commander';
import type {
  GetSeatUsageResponse__Output,
  Member__Output,
  Team__Output,
  TeamMembership__Output,
} from '@teamseat/grpc';
import { positiveInt, withJson, type CliContext } from '../context';
import { CliError } from '../errors';
import { enumText, fields, table, when } from '../output';

const status = (value: string | undefined) => enumText(value, 'TEAM_STATUS_');
const role = (value: string | undefined) => enumText(value, 'ROLE_');

function teamFields(team: Team__Output): string {
  return fields([
    ['team', team.teamId],
    ['status', status(team.status)],
    ['owner', team.ownerUserId],
    ['subscriber', team.subscriberUserId],
    ['product', team.productId],
    ['management entitlement', team.managementEntitlement],
    ['member entitlements', team.memberEntitlements.join(', ') || '-'],
    ['seats', `${team.seatsUsed} of ${team.seatLimit} used, ${team.seatsAvailable} free`],
    ['pending invites', team.pendingInvites],
    ['members', team.memberCount],
    ['paid until', when(team.periodEndsAt)],
    ['admins', team.admins.join(', ') || '-'],
    ['version', team.version],
    ['updated', when(team.updatedAt)],
  ]);
}

/** Reads every page (page size `pageSize`) until the service says there are no more or `limit` is reached. */
async function allPages<T>(
  limit: number,
  read: (pageToken: string) => Promise<{ items: T[]; next: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token = '';
  do {
    const page = await read(token);
    items.push(...page.items);
    token = page.next;
  } while (token !== '' && items.length < limit);
  return items.slice(0, limit);
}

export function registerTeams(program: Command, context: CliContext): void {
  const teams = program.command('teams').description('read teams from team-service');
  const svc = () => context.services().teams;

  withJson(
    teams
      .command('get')
      .description('one team, by id or by --subscriber and --entitlement')
      .argument('[team-id]', 'team id')
      .option('--subscriber <user-id>', 'the subscriber (owner) app user id')
      .option('--entitlement <id>', 'the management entitlement of the team line'),
  ).action(
    async (
      teamId: string | undefined,
      options: { subscriber?: string; entitlement?: string; json?: boolean },
    ) => {
      const byKey = options.subscriber !== undefined || options.entitlement !== undefined;
      if (teamId === undefined && !byKey)
        throw new CliError('teams get: give a team id, or --subscriber and --entitlement');
      if (teamId !== undefined && byKey)
        throw new CliError('teams get: give a team id or --subscriber and --entitlement, not both');
      if (byKey && (!options.subscriber || !options.entitlement))
        throw new CliError('teams get: --subscriber and --entitlement go together');
      const request = teamId
        ? { teamId }
        : { key: { subscriberUserId: options.subscriber, managementEntitlement: options.entitlement } };
      const { team } = await svc().call<{ team: Team__Output | null }>((c, o, cb) =>
        c.GetTeam(request, o, cb),
      );
      context.output.emit(options, team, (t) => (t ? teamFields(t) : '(no team)'));
    },
  );

  withJson(
    teams
      .command('list')
      .description('the teams a user owns, administers or is a member of, newest first')
      .argument('<user-id>', 'app user id')
      .option('--limit <n>', 'at most this many', positiveInt, 1_000),
  ).action(async (userId: string, options: { limit: number; json?: boolean }) => {
    const memberships = await allPages<TeamMembership__Output>(options.limit, async (pageToken) => {
      const page = await svc().call<{ memberships: TeamMembership__Output[]; nextPageToken: string }>(
        (c, o, cb) => c.ListTeamsOfUser({ userId, pageToken, pageSize: 100 }, o, cb),
      );
      return { items: page.memberships, next: page.nextPageToken };
    });
    context.output.emit(options, memberships, (rows) =>
      table(
        ['team', 'role', 'status', 'product', 'seats used', 'paid until'],
        rows.map(({ team, role: r }) => [
          team?.teamId ?? '-',
          role(r),
          status(team?.status),
          team?.productId ?? '-',
          team ? `${team.seatsUsed} of ${team.seatLimit}` : '-',
          when(team?.periodEndsAt),
        ]),
      ),
    );
  });

  withJson(
    teams
      .command('members')
      .description("a team's roster, in the order members were added")
      .argument('<team-id>', 'team id')
      .option('--limit <n>', 'at most this many', positiveInt, 10_000),
  ).action(async (teamId: string, options: { limit: number; json?: boolean }) => {
    let total = 0;
    const members = await allPages<Member__Output>(options.limit, async (pageToken) => {
      const page = await svc().call<{ members: Member__Output[]; nextPageToken: string; totalSize: number }>(
        (c, o, cb) => c.ListMembers({ teamId, pageToken, pageSize: 500 }, o, cb),
      );
      total = page.totalSize;
      return { items: page.members, next: page.nextPageToken };
    });
    context.output.emit(options, { teamId, total, members }, (data) =>
      [
        table(
          ['user', 'role', 'seat', 'added', 'added by'],
          data.members.map((m) => [
            m.userId,
            role(m.role),
            m.holdsSeat ? 'yes' : 'no',
            when(m.addedAt),
            m.addedBy || '-',
          ]),
        ),
        `${data.members.length} of ${data.total} members shown`,
      ].join('\n'),
    );
  });

  withJson(
    teams
      .command('usage')
      .description('seats used of the limit, with members and pending invites')
      .argument('<team-id>', 'team id'),
  ).action(async (teamId: string, options: { json?: boolean }) => {
    const usage = await svc().call<GetSeatUsageResponse__Output>((c, o, cb) =>
      c.GetSeatUsage({ teamId }, o, cb),
    );
    context.output.emit(options, usage, (u) =>
      fields([
        ['team', u.teamId],
        ['seats used', `${u.seatsUsed} of ${u.seatLimit}`],
        ['seats available', u.seatsAvailable],
        ['pending invites', u.pendingInvites],
        ['members', u.memberCount],
        ['over-assigned until', when(u.overAssignedUntil)],
      ]),
    );
  });
}
