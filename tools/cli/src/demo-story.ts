import { emulatorControl, entitlementService, teamService, type Rpc } from './clients';

export interface DemoOptions {
  emulatorUrl: string;
  teamServiceAddr: string;
  entitlementServiceAddr: string;
  token: string;
  /** Team product of the story (3 seats in config/catalog.sample.yaml). */
  productId: string;
  print: (line: string) => void;
  /** How long to wait for each step to show up in the services. */
  stepTimeoutMs?: number;
  /** A pause before each step, so a person can follow along. */
  pauseMs?: number;
}

interface Team {
  teamId: string;
  status: string;
  seatLimit: number;
  seatsUsed: number;
  periodEndsAt: { seconds: string } | null;
}
interface Access {
  active: boolean;
  expiresAt: { seconds: string } | null;
  source: { kind: string; teamId: string };
}

const date = (t: { seconds: string } | null | undefined) =>
  t ? new Date(Number(t.seconds) * 1000).toISOString().slice(0, 16).replace('T', ' ') : '—';
const status = (s: string) => s.replace('TEAM_STATUS_', '').toLowerCase();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting until ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The whole story against running services (npm start): a manager buys a 3-seat team plan, adds two members
 * (access), the plan renews (extended), one member is removed (access gone), the plan expires (everyone's
 * access gone, seats 0). Each step acts through the emulator or team-service and then waits until
 * entitlement-service shows the outcome, printing what happened.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const { print } = options;
  const timeoutMs = options.stepTimeoutMs ?? 30_000;
  const emulator = emulatorControl(options.emulatorUrl);
  const teams: Rpc = teamService(options.teamServiceAddr, options.token);
  const entitlements: Rpc = entitlementService(options.entitlementServiceAddr, options.token);
  const run = Date.now().toString(36);
  const manager = `demo-${run}-manager`;
  const [alice, bob] = [`demo-${run}-alice`, `demo-${run}-bob`];
  const started = Date.now();
  const step = (n: number, text: string) =>
    print(`\n${n}. ${text}  (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const team = () =>
    teams<{ team: Team }>('GetTeam', {
      key: { subscriberUserId: manager, managementEntitlement: 'team_admin' },
    }).then((r) => r.team);
  const access = (userId: string) => entitlements<Access>('CheckAccess', { userId, entitlement: 'pro' });
  const describe = async (userId: string, name: string) => {
    const a = await access(userId);
    return `   ${name.padEnd(6)} pro ${a.active ? `active until ${date(a.expiresAt)} (${a.source.kind.replace('SOURCE_KIND_', '').toLowerCase()})` : 'inactive'}`;
  };

  try {
    const { now_ms: nowMs } = await emulator.health();
    print(`RevenueCat emulator time: ${new Date(nowMs).toISOString()}; users ${manager}, ${alice}, ${bob}`);

    await step(1, `${manager} buys the 3-seat team plan (${options.productId})`);
    await emulator.store('purchase', { app_user_id: manager, product_id: options.productId });
    const bought = await until('team-service has the team', team, timeoutMs);
    print(
      `   team ${bought.teamId}: ${status(bought.status)}, ${bought.seatsUsed} of ${bought.seatLimit} seats used, paid until ${date(bought.periodEndsAt)}`,
    );

    await step(2, 'the manager adds alice and bob');
    for (const member of [alice, bob])
      await teams('AddMember', { teamId: bought.teamId, userId: member, actorUserId: manager });
    for (const member of [alice, bob])
      await until(
        `${member} has access`,
        async () => ((await access(member)).active ? true : undefined),
        timeoutMs,
      );
    print(await describe(alice, 'alice'));
    print(await describe(bob, 'bob'));
    print(`   seats: ${(await team()).seatsUsed} of ${bought.seatLimit} used`);

    await step(3, 'a month passes: the store renews the plan');
    const before = Number((await access(alice)).expiresAt?.seconds ?? 0);
    await emulator.advance({ days: 30 });
    const renewed = await until(
      'the team shows the new period',
      async () => {
        const t = await team();
        return Number(t.periodEndsAt?.seconds ?? 0) > Number(bought.periodEndsAt?.seconds ?? 0)
          ? t
          : undefined;
      },
      timeoutMs,
    );
    print(`   team paid until ${date(renewed.periodEndsAt)}`);
    for (const member of [alice, bob]) {
      await until(
        `${member}'s access is extended`,
        async () => (Number((await access(member)).expiresAt?.seconds ?? 0) > before ? true : undefined),
        timeoutMs,
      );
    }
    print(await describe(alice, 'alice'));
    print(await describe(bob, 'bob'));

    await step(4, 'the manager removes bob');
    await teams('RemoveMember', { teamId: bought.teamId, userId: bob, actorUserId: manager });
    await until('bob has no access', async () => (!(await access(bob)).active ? true : undefined), timeoutMs);
    print(await describe(bob, 'bob'));
    print(await describe(alice, 'alice'));

    await step(5, 'the plan expires');
    await emulator.store('expire', { app_user_id: manager, product_id: options.productId });
    const expired = await until(
      'the team is expired',
      async () => {
        const t = await team();
        return t.status === 'TEAM_STATUS_EXPIRED' ? t : undefined;
      },
      timeoutMs,
    );
    await until(
      'alice has no access',
      async () => (!(await access(alice)).active ? true : undefined),
      timeoutMs,
    );
    print(`   team ${status(expired.status)}, seat limit ${expired.seatLimit}`);
    print(await describe(alice, 'alice'));
    print(await describe(bob, 'bob'));
    print(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    teams.close();
    entitlements.close();
  }
}
