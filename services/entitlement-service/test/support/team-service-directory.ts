import { createClient, type TeamServiceClient as TeamClient } from '@teamseat/grpc';
import { configSchema as teamConfigSchema, startTeamService } from '@teamseat/team-service';
import { getInfrastructure, randomDatabaseUri, randomName } from '@teamseat/testing';
import { createTeamDirectory } from '../../src/adapters/team-service/team-directory';
import type { TeamDirectory } from '../../src/application/ports';
import type { Expiry } from '../../src/domain/expiry';
import type { TeamProduct } from '../../src/domain/team-product';
import { TeamServiceClient } from './protos';
import { APP_TOKEN, E2E_CATALOG, writeCatalog } from './e2e-harness';
import { TOKEN, testLogger } from './service-harness';

const PRODUCT: TeamProduct = {
  ...(E2E_CATALOG.products[2] as Omit<TeamProduct, 'ownerTakesSeat'>),
  ownerTakesSeat: false,
};

/**
 * A real team-service (in this process, port 0, its own database and topic) behind the reconciler's
 * TeamDirectory, so integration tests of the reconciler and the sweep set up teams through the real gRPC
 * API. Tests name teams ('short', 'long'); the helper keeps the ids team-service gave them, and counts the
 * reconciler's calls to team-service by wrapping the real directory.
 */
export async function startTeamServiceDirectory() {
  const infra = await getInfrastructure();
  const teamService = await startTeamService({
    config: teamConfigSchema.parse({
      HOST: '127.0.0.1',
      PORT: '0',
      ADMIN_PORT: '0',
      MONGODB_URI: randomDatabaseUri(infra.mongoUri, 'rec_teams'),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TEAM_EVENTS_TOPIC: randomName('rec-team-events'),
      MEMBER_GRANTS_TOPIC: randomName('rec-member-grants'),
      MEMBER_GRANTS_PARTITIONS: '1',
      TOPIC_PARTITIONS: '1',
      INTERNAL_AUTH_TOKENS: TOKEN,
      APP_AUTH_TOKENS: APP_TOKEN,
      CATALOG_FILE: writeCatalog(),
      DEADLINE_SWEEP_INTERVAL_MS: '0',
      GRPC_SHUTDOWN_GRACE_MS: '500',
    }),
    logger: testLogger(),
  });
  const address = `127.0.0.1:${teamService.port}`;
  const real = createTeamDirectory({ address, token: TOKEN, now: Date.now });
  const app = createClient(TeamServiceClient as never, { address, token: APP_TOKEN }) as TeamClient;
  const run = randomName('rec');
  const ids = new Map<string, string>();
  let calls = 0;
  let sourceAtMs = Date.now();

  const directory = Object.fromEntries(
    Object.entries(real).map(([name, method]) => [
      name,
      (...args: unknown[]) => {
        if (name !== 'close') calls += 1;
        return (method as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as TeamDirectory;

  const ownerOf = (name: string) => `${run}-${name}-owner`;
  function appCall(method: 'AddMember' | 'RemoveMember', name: string, userId: string): Promise<void> {
    const teamId = ids.get(name);
    if (!teamId) throw new Error(`no team named ${name}: putTeam first`);
    return new Promise((resolve, reject) =>
      (app[method] as unknown as (r: object, cb: (e: Error | null) => void) => void)(
        { teamId, actorUserId: ownerOf(name), userId },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  }

  return {
    directory,
    calls: () => calls,
    idOf: (name: string) => ids.get(name),
    /** Creates the team, or moves its period end, through ApplySubscriptionState (not counted). */
    async putTeam({
      teamId: name,
      periodEndsAt,
      memberEntitlements = PRODUCT.memberEntitlements,
    }: {
      teamId: string;
      periodEndsAt: Expiry;
      memberEntitlements?: string[];
    }) {
      sourceAtMs += 1;
      const { team } = await real.applySubscriptionState({
        subscriberUserId: ownerOf(name),
        state: {
          product: { ...PRODUCT, memberEntitlements },
          status: 'active',
          periodEndsAt,
          seatLimit: PRODUCT.seats,
          seatPacks: [],
          sourceAtMs,
        },
      });
      ids.set(name, team!.teamId);
    },
    addMember: (name: string, userId: string) => appCall('AddMember', name, userId),
    removeMember: (name: string, userId: string) => appCall('RemoveMember', name, userId),
    async stop() {
      app.close();
      real.close();
      await teamService.stop();
    },
  };
}
