import type { ListTeamsOfUserResponse__Output } from '@teamseat/grpc';
import { getInfrastructure, waitFor } from '@teamseat/testing';
import { expect } from 'chai';
import { stopAll } from '../support/processes';
import { PARTITIONS, startReplicaSystem, unary, type ReplicaSystem } from '../support/replica-system';

type Grants = { grants: Array<{ entitlement: string; revokedMs: number | null }>; active: unknown[] };
type Deliveries = { deliveries: Array<{ eventId: string; url: string; state: string }> };

const ALL_PARTITIONS = [...Array(PARTITIONS).keys()];

// Production runs several replicas (docs/operations.md, ADR 0006). Here: two gateways, two entitlement-service
// replicas, one team-service, the emulator, the local stack. Each step builds on the one before.
describe('more than one replica against the local stack', function () {
  this.timeout(240_000);
  let system: ReplicaSystem;
  const owners = (from: number, to: number) => [...Array(to - from).keys()].map((i) => `owner-${from + i}`);
  const membersOf = (owner: string) => [`${owner}-member-a`, `${owner}-member-b`];

  const teamsOwnedBy = async (owner: string) => {
    const response = await unary<object, ListTeamsOfUserResponse__Output>(
      system.teamClient,
      'listTeamsOfUser',
      {
        userId: owner,
        roles: ['ROLE_OWNER'],
      },
    );
    return response.memberships.map((m) => m.team!);
  };
  const activeGrants = async (user: string) =>
    (await system.control<Grants>('GET', `/customers/${encodeURIComponent(user)}/grants`)).active.length;

  /** Buys the team product for each owner (the webhook reaches both gateways), then fills two seats. */
  async function runFlow(batch: string[]): Promise<void> {
    for (const owner of batch) {
      await system.control('POST', '/store/purchase', { app_user_id: owner, product_id: 'team_pro_monthly' });
    }
    for (const owner of batch) {
      const [team] = await waitFor(
        async () => {
          const teams = await teamsOwnedBy(owner);
          return teams.length > 0 ? teams : null;
        },
        {
          timeoutMs: 90_000,
          description: `the team of ${owner}`,
        },
      );
      for (const member of membersOf(owner)) {
        await unary(system.teamClient, 'addMember', {
          teamId: team!.teamId,
          userId: member,
          actorUserId: owner,
        });
      }
    }
    for (const member of batch.flatMap(membersOf)) {
      await waitFor(async () => (await activeGrants(member)) > 0, {
        timeoutMs: 90_000,
        description: `a promotional grant for ${member}`,
      });
    }
  }

  /** The visible end state: one team per owner with two seats used, one grant per member, never two. */
  async function expectAppliedOnce(batch: string[]): Promise<void> {
    for (const owner of batch) {
      const teams = await teamsOwnedBy(owner);
      expect(teams, owner).to.have.length(1);
      expect(teams[0]!.seatsUsed, owner).to.equal(2);
      for (const member of membersOf(owner)) {
        const { grants } = await system.control<Grants>(
          'GET',
          `/customers/${encodeURIComponent(member)}/grants`,
        );
        expect(
          grants.filter((g) => g.entitlement === 'pro'),
          member,
        ).to.have.length(1);
        expect(grants[0]!.revokedMs, member).to.equal(null);
      }
    }
  }

  before(async function () {
    this.timeout(180_000);
    system = await startReplicaSystem(await getInfrastructure());
  });

  afterEach(function () {
    if (this.currentTest?.state !== 'failed' || !system) return;
    // What the processes said, so a failure here can be understood from the CI log alone.
    for (const service of [system.emulator, system.team, ...system.gateways, ...system.entitlements]) {
      const notable = service.logs.filter(
        (l) => Number(l.level) >= 40 || l.level === 'warn' || l.level === 'error',
      );
      console.log(`--- ${service.name}: ${service.logs.length} lines, last warnings and errors:`);
      for (const line of notable.slice(-8)) console.log(JSON.stringify(line).slice(0, 600));
    }
  });

  after(async () => {
    await system?.close();
    await stopAll();
  });

  it('when two entitlement-service replicas join, then they split every partition between them', async () => {
    for (const [group, topic] of [
      [`${system.prefix}.webhooks`, system.topics.WEBHOOK_TOPIC],
      [`${system.prefix}.member-grants`, system.topics.MEMBER_GRANTS_TOPIC],
    ] as const) {
      const split = await waitFor(
        async () => {
          const members = await system.assignments(group, topic);
          return members.length === 2 && members.every((p) => p.length > 0) ? members : null;
        },
        { timeoutMs: 60_000, description: `${group} to be shared by two members` },
      );
      expect(
        [...split[0]!, ...split[1]!].sort((a, b) => a - b),
        group,
      ).to.deep.equal(ALL_PARTITIONS);
    }
  });

  it('when every webhook reaches both gateways, then teams and grants are applied exactly once', async () => {
    const batch = owners(0, 6);
    await runFlow(batch);
    await expectAppliedOnce(batch);
    // Both gateways really took each event: the duplicates were on the topic, not filtered before it.
    const delivered = await waitFor(
      async () => {
        const { deliveries } = await system.control<Deliveries>('GET', '/webhooks?type=INITIAL_PURCHASE');
        const done = deliveries.filter((d) => d.state === 'delivered');
        return done.length === 2 * batch.length ? done : null;
      },
      { timeoutMs: 30_000, description: 'every INITIAL_PURCHASE delivered to both gateways' },
    );
    expect(new Set(delivered.map((d) => d.url)).size).to.equal(2);
    expect(new Set(delivered.map((d) => d.eventId)).size).to.equal(batch.length);
  });

  it('when one replica is killed, then the other takes over its partitions and the flow completes', async () => {
    const [victim, survivor] = system.entitlements;
    await victim!.kill();
    const batch = owners(6, 12);
    await runFlow(batch);
    await expectAppliedOnce([...owners(0, 6), ...batch]);
    const members = await waitFor(
      async () => {
        const held = await system.assignments(`${system.prefix}.webhooks`, system.topics.WEBHOOK_TOPIC);
        return held.length === 1 ? held : null;
      },
      { timeoutMs: 60_000, description: 'the survivor alone in the webhooks group' },
    );
    expect(members[0]).to.deep.equal(ALL_PARTITIONS);
    expect(survivor!.child.exitCode).to.equal(null);
  });
});
