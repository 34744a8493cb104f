import type { Command } from 'commander';
import type {
  AccessSource__Output,
  CheckAccessResponse__Output,
  Entitlement__Output,
  GetMemberAccessResponse__Output,
  ListEntitlementsResponse__Output,
  SyncCustomerResponse__Output,
} from '@teamseat/grpc';
import { withJson, type CliContext } from '../context';
import { enumText, fields, table, when } from '../output';

const source = (s: AccessSource__Output | null | undefined) =>
  s ? `${enumText(s.kind, 'SOURCE_KIND_')}${s.teamId ? ` (team ${s.teamId})` : ''}` : '-';

const until = (e: { active: boolean; lifetime: boolean; expiresAt?: unknown }) =>
  e.lifetime ? 'lifetime' : when(e.expiresAt);

function entitlementTable(entitlements: Entitlement__Output[], syncedAt: unknown): string {
  return [
    table(
      ['entitlement', 'active', 'until', 'source'],
      entitlements.map((e) => [e.entitlement, e.active ? 'yes' : 'no', until(e), source(e.source)]),
    ),
    `snapshot synced ${when(syncedAt)}`,
  ].join('\n');
}

export function registerAccess(program: Command, context: CliContext): void {
  const access = program.command('access').description("read a user's access from entitlement-service");
  const svc = () => context.services().entitlements;

  withJson(
    access
      .command('check')
      .description('is the entitlement active for the user now, and from which source')
      .argument('<user-id>', 'app user id')
      .argument('<entitlement>', 'entitlement identifier'),
  ).action(async (userId: string, entitlement: string, options: { json?: boolean }) => {
    const answer = await svc().call<CheckAccessResponse__Output>((c, o, cb) =>
      c.CheckAccess({ userId, entitlement }, o, cb),
    );
    context.output.emit(options, { userId, entitlement, ...answer }, (a) =>
      fields([
        ['user', userId],
        ['entitlement', entitlement],
        ['active', a.active ? 'yes' : 'no'],
        ['until', a.active ? until(a) : '-'],
        ['source', a.active ? source(a.source) : '-'],
        ['other sources', a.sources.slice(1).map(source).join(', ') || '-'],
        ['snapshot synced', when(a.syncedAt)],
      ]),
    );
  });

  withJson(
    access
      .command('list')
      .description('every entitlement the stored snapshot knows for the user')
      .argument('<user-id>', 'app user id')
      .option('--all', 'include expired entitlements'),
  ).action(async (userId: string, options: { all?: boolean; json?: boolean }) => {
    const answer = await svc().call<ListEntitlementsResponse__Output>((c, o, cb) =>
      c.ListEntitlements({ userId, includeInactive: options.all === true }, o, cb),
    );
    context.output.emit(options, { userId, ...answer }, (a) => entitlementTable(a.entitlements, a.syncedAt));
  });

  registerMemberAccess(access, context);
}

function memberAccessText(a: GetMemberAccessResponse__Output): string {
  const expiry = (e: GetMemberAccessResponse__Output['entitlements'][number]) =>
    e.expires?.lifetime ? 'lifetime' : when(e.expires?.at);
  return [
    fields([
      ['state', enumText(a.state, 'MEMBER_ACCESS_STATE_')],
      ['reason', a.reason || '-'],
      ['team version', `${a.teamVersion} (applied: ${a.appliedTeamVersion})`],
    ]),
    table(
      ['entitlement', 'state', 'until', 'source', 'reason', 'attempts', 'next attempt'],
      a.entitlements.map((e) => [
        e.entitlement,
        enumText(e.state, 'MEMBER_ACCESS_STATE_'),
        e.expires ? expiry(e) : '-',
        e.expires ? enumText(e.source, 'SOURCE_KIND_') : '-',
        e.reason || '-',
        String(e.attempts),
        e.willRetry ? when(e.nextAttemptAt) : '-',
      ]),
    ),
  ].join('\n');
}

/** `access member`: is one member's seat ready (GetMemberAccess, ADR 0037)? */
function registerMemberAccess(access: Command, context: CliContext): void {
  withJson(
    access
      .command('member')
      .description(
        "one member's access for a team: pending, active, failed (with the reason) or not a member",
      )
      .argument('<team-id>', 'team id')
      .argument('<user-id>', 'app user id')
      .option(
        '--min-version <n>',
        "the team version the member was added at (AddMember's team.version)",
        '0',
      ),
  ).action(async (teamId: string, userId: string, options: { minVersion: string; json?: boolean }) => {
    const answer = await context
      .services()
      .entitlements.call<GetMemberAccessResponse__Output>((c, o, cb) =>
        c.GetMemberAccess({ teamId, userId, minTeamVersion: options.minVersion }, o, cb),
      );
    context.output.emit(options, { teamId, userId, ...answer }, memberAccessText);
  });
}

export function registerSync(program: Command, context: CliContext): void {
  withJson(
    program
      .command('sync')
      .description("fetch the user from RevenueCat now, store it, and apply the user's teams (SyncCustomer)")
      .argument('<user-id>', 'app user id')
      .option('--allow-snapshot', 'let a snapshot stored in the last seconds answer instead of RevenueCat'),
  ).action(async (userId: string, options: { allowSnapshot?: boolean; json?: boolean }) => {
    const answer = await context
      .services()
      .entitlements.call<SyncCustomerResponse__Output>((c, o, cb) =>
        c.SyncCustomer({ userId, force: options.allowSnapshot !== true, actorUserId: 'teamseat-cli' }, o, cb),
      );
    context.output.emit(options, { userId, ...answer }, (a) =>
      [
        entitlementTable(a.entitlements, a.syncedAt),
        `changed: ${a.changedEntitlements.join(', ') || 'nothing'}; teams applied: ${a.teamIds.join(', ') || 'none'}` +
          (a.servedFromSnapshot ? ` (answered from a snapshot ${a.snapshotAgeMs} ms old)` : ''),
      ].join('\n'),
    );
  });
}
