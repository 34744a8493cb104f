import { expect } from 'chai';
import { randomName, waitFor } from '@teamseat/testing';
import { emulatorControl, teamService, type Rpc } from '../../src/clients';
import { runCli } from './support/run-cli';
import { startServices, TOKEN, type Services } from './support/services';

interface TeamJson {
  teamId: string;
  status: string;
  seatLimit: number;
  seatsUsed: number;
  periodEndsAt: string;
}

describe('teamseat CLI against team-service and entitlement-service (child process, --json)', function () {
  this.timeout(120_000);
  let services: Services;
  let teams: Rpc;
  const manager = randomName('cli-manager');
  const [alice, bob] = [randomName('cli-alice'), randomName('cli-bob')];
  let teamId: string;
  const cli = (...args: string[]) => runCli(args, services.env);

  before(async () => {
    services = await startServices({ sweepIntervalMs: 500 });
    teams = teamService(services.teamServiceAddr, TOKEN);
    await emulatorControl(services.emulator.url).store('purchase', {
      app_user_id: manager,
      product_id: 'team_pro_monthly',
    });
  });

  after(async () => {
    teams?.close();
    await services?.stop();
  });

  it('when an operator syncs the manager, then the team is applied and the output says so', async () => {
    const run = await cli('sync', manager, '--json');
    expect(run.code, run.stderr).to.equal(0);
    const answer = run.json<{
      teamIds: string[];
      entitlements: Array<{ entitlement: string; active: boolean }>;
    }>();
    expect(answer.teamIds).to.have.length(1);
    expect(answer.entitlements.find((e) => e.entitlement === 'team_admin')?.active).to.equal(true);
    teamId = answer.teamIds[0]!;
    for (const member of [alice, bob])
      await teams('AddMember', { teamId, userId: member, actorUserId: manager });
  });

  it('when teams get, list, members and usage run, then each answers from team-service', async () => {
    const byId = (await cli('teams', 'get', teamId, '--json')).json<TeamJson>();
    expect(byId).to.include({ teamId, status: 'TEAM_STATUS_ACTIVE', seatLimit: 3, seatsUsed: 2 });
    expect(Date.parse(byId.periodEndsAt)).to.be.above(Date.now());
    const byKey = (
      await cli('teams', 'get', '--subscriber', manager, '--entitlement', 'team_admin', '--json')
    ).json<TeamJson>();
    expect(byKey.teamId).to.equal(teamId);

    const list = (await cli('teams', 'list', alice, '--json')).json<
      Array<{ team: TeamJson; role: string }>
    >();
    expect(list.map((m) => [m.team.teamId, m.role])).to.deep.equal([[teamId, 'ROLE_MEMBER']]);

    const members = (await cli('teams', 'members', teamId, '--json')).json<{
      total: number;
      members: Array<{ userId: string }>;
    }>();
    expect(members.members.map((m) => m.userId)).to.include.members([manager, alice, bob]);

    const usage = (await cli('teams', 'usage', teamId, '--json')).json<{
      seatsUsed: number;
      seatsAvailable: number;
    }>();
    expect(usage).to.include({ seatsUsed: 2, seatsAvailable: 1 });

    const human = await cli('teams', 'usage', teamId);
    expect(human.code).to.equal(0);
    expect(human.stdout).to.match(/seats used\s*│\s*2 of 3/);
  });

  it('when access check and list run, then they show the team grant', async () => {
    await waitFor(
      async () => (await cli('access', 'check', alice, 'pro', '--json')).json<{ active: boolean }>().active,
      {
        timeoutMs: 30_000,
        description: `${alice} has pro`,
      },
    );
    const check = (await cli('access', 'check', alice, 'pro', '--json')).json<{
      active: boolean;
      source: { kind: string; teamId: string };
    }>();
    expect(check.source).to.include({ kind: 'SOURCE_KIND_TEAM_GRANT', teamId });
    const list = (await cli('access', 'list', alice, '--json')).json<{
      entitlements: Array<{ entitlement: string; active: boolean }>;
    }>();
    expect(list.entitlements).to.deep.include.members([
      { ...list.entitlements[0]!, entitlement: 'pro', active: true },
    ]);
  });

  it('when access member runs, then it says whether the seat is ready, and not a member for a stranger', async () => {
    const member = await waitFor(
      async () => {
        const answer = (await cli('access', 'member', teamId, alice, '--json')).json<{
          state: string;
          entitlements: Array<{ entitlement: string; source: string }>;
        }>();
        return answer.state === 'MEMBER_ACCESS_STATE_ACTIVE' ? answer : undefined;
      },
      { timeoutMs: 30_000, description: `${alice}'s seat ready` },
    );
    expect(member.entitlements[0]).to.include({ entitlement: 'pro', source: 'SOURCE_KIND_TEAM_GRANT' });
    const human = await cli('access', 'member', teamId, randomName('cli-stranger'));
    expect(human.code, human.stderr).to.equal(0);
    expect(human.stdout).to.match(/state\s*│\s*not_a_member/);
  });

  it('when reconcile runs, then it streams progress over the roster (owner and members) with counts and time left, and prints the result', async () => {
    const run = await cli('reconcile', teamId, '--json', '--progress');
    expect(run.code, run.stderr).to.equal(0);
    const result = run.json<{
      report: { teamId: string; totalMembers: number; outOfSync: number };
      failed: number;
    }>();
    expect(result.report).to.include({ teamId, totalMembers: 2, outOfSync: 0 });
    expect(result.failed).to.equal(0);
    expect(run.stderr).to.match(/reconciling .* 3\/3 granted \d+ revoked \d+ failed 0 \| 100% \| time left/);
  });

  it('when sweep status runs, then it tells the last run and when the next one is due', async () => {
    const status = await waitFor(
      async () => {
        const answer = (await cli('sweep', 'status', '--json')).json<{
          enabled: boolean;
          lastRun: { instanceId: string; finishedAt: string } | null;
          nextRunAt: string | null;
          instanceId: string;
        }>();
        return answer.lastRun && answer.nextRunAt ? answer : undefined;
      },
      { timeoutMs: 30_000, description: 'a recorded sweep run' },
    );
    expect(status.enabled).to.equal(true);
    expect(status.lastRun!.instanceId).to.equal(status.instanceId);
    expect(Date.parse(status.nextRunAt!)).to.be.above(Date.parse(status.lastRun!.finishedAt));
    const human = await cli('sweep', 'status');
    expect(human.stdout).to.match(/last run did\s*│\s*\d+ grants retried/);
  });

  describe('when the input or the target is wrong, then one clear line and a non-zero exit', () => {
    const oneLine = (text: string) => text.trim().split('\n');

    it('an unknown command', async () => {
      const run = await cli('teams', 'frobnicate');
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.deep.equal(["teamseat: unknown command 'frobnicate'"]);
    });

    it('a missing argument', async () => {
      const run = await cli('access', 'check', alice);
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.deep.equal(["teamseat: missing required argument 'entitlement'"]);
    });

    it('a bad option value names the option', async () => {
      const run = await cli('teams', 'members', teamId, '--limit', 'many');
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.have.length(1);
      expect(run.stderr).to.match(
        /^teamseat: option '--limit <n>' argument 'many' is invalid\. It must be a positive integer\./,
      );
    });

    it('an unknown team: the service, its status and its message naming the field', async () => {
      const run = await cli('teams', 'usage', 'no-such-team');
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.have.length(1);
      expect(run.stderr).to.match(
        /^teamseat: team-service at 127\.0\.0\.1:\d+ answered NOT_FOUND TEAM_NOT_FOUND: .*team/,
      );
    });

    it('an unknown team to reconcile: the stream ends with the status, reason and message', async () => {
      const run = await cli('reconcile', 'no-such-team', '--json');
      expect(run.code).to.not.equal(0);
      expect(run.stdout).to.equal('');
      expect(oneLine(run.stderr)).to.have.length(1);
      expect(run.stderr).to.match(
        /^teamseat: entitlement-service at 127\.0\.0\.1:\d+ answered NOT_FOUND TEAM_NOT_FOUND: team_id: no team no-such-team/,
      );
    });

    it('an unreachable address: which service, where, and which setting to change', async () => {
      const run = await runCli(['teams', 'usage', teamId], {
        ...services.env,
        TEAM_SERVICE_ADDR: '127.0.0.1:1',
      });
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.have.length(1);
      expect(run.stderr).to.match(
        /^teamseat: cannot reach team-service at 127\.0\.0\.1:1 .*set --team-service or TEAM_SERVICE_ADDR/,
      );
    });

    it('no token', async () => {
      const { TEAMSEAT_TOKEN: _, ...noToken } = services.env;
      const run = await runCli(['access', 'list', alice], noToken);
      expect(run.code).to.not.equal(0);
      expect(oneLine(run.stderr)).to.deep.equal([
        'teamseat: no token for entitlement-service: set --token, --entitlement-service-token, ENTITLEMENT_SERVICE_TOKEN or TEAMSEAT_TOKEN',
      ]);
    });
  });
});
