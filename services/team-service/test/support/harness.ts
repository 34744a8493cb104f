import { Metadata, type ServiceError } from '@grpc/grpc-js';
import {
  createClient,
  loadTeamseatProtos,
  reasonOf,
  status,
  type Team__Output,
  type TeamServiceClient,
} from '@teamseat/grpc';
import { createLogger } from '@teamseat/logger';
import { createTestTopic, getInfrastructure, randomDatabaseUri, randomName } from '@teamseat/testing';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { configSchema, type TeamServiceConfig } from '../../src/config';
import type { RelayHooks } from '../../src/adapters/kafka/outbox-relay';
import { startTeamService, type RunningTeamService } from '../../src/team-service';

export const INTERNAL_TOKEN = 'test-internal-token';
export const APP_TOKEN = 'test-app-token';

const proto = loadTeamseatProtos();
export const TeamServiceCtor = proto.teamseat.team.v1.TeamService;

/** A settable clock: tests move time forward to expire invites and deadlines. */
export function createTestClock(start = Date.now()) {
  let offset = 0;
  return {
    now: () => new Date(start + offset + (Date.now() - start)),
    advance(ms: number) {
      offset += ms;
    },
  };
}

export type Rpc = (
  method: string,
  request: object,
  options?: { deadlineMs?: number; metadata?: Metadata },
) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rpcOf(client: TeamServiceClient): Rpc {
  return (method, request, { deadlineMs = 10_000, metadata = new Metadata() } = {}) =>
    new Promise((resolve, reject) => {
      const fn = (client as unknown as Record<string, (...args: unknown[]) => void>)[method];
      if (!fn) throw new Error(`no such RPC ${method}`);
      fn.call(
        client,
        request,
        metadata,
        { deadline: Date.now() + deadlineMs },
        (error: ServiceError | null, response: unknown) => (error ? reject(error) : resolve(response)),
      );
    });
}

export interface Harness {
  config: TeamServiceConfig;
  service: RunningTeamService;
  topic: string;
  /** The grant-terms facts topic. */
  grantsTopic: string;
  address: string;
  /** Calls with the internal token (entitlement-service). */
  internal: Rpc;
  /** Calls with an app backend token. */
  app: Rpc;
  clock: ReturnType<typeof createTestClock>;
  mongo: mongoose.mongo.MongoClient;
  databaseName: string;
  stop(): Promise<void>;
}

export async function startHarness({
  env = {},
  relayHooks,
  clock = createTestClock(),
}: {
  env?: Record<string, string>;
  relayHooks?: RelayHooks;
  clock?: ReturnType<typeof createTestClock>;
} = {}): Promise<Harness> {
  const infra = await getInfrastructure();
  const topic = await createTestTopic(infra.kafkaBrokers, { prefix: 'team-events', partitions: 3 });
  const grantsTopic = await createTestTopic(infra.kafkaBrokers, { prefix: 'member-grants', partitions: 3 });
  const mongoUri = randomDatabaseUri(infra.mongoUri, 'teams');
  const config = configSchema.parse({
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_PORT: '0',
    MONGODB_URI: mongoUri,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: randomName('team-service-test'),
    TEAM_EVENTS_TOPIC: topic,
    MEMBER_GRANTS_TOPIC: grantsTopic,
    INTERNAL_AUTH_TOKENS: INTERNAL_TOKEN,
    APP_AUTH_TOKENS: APP_TOKEN,
    DEADLINE_SWEEP_INTERVAL_MS: '0',
    OUTBOX_POLL_INTERVAL_MS: '1000',
    GRPC_SHUTDOWN_GRACE_MS: '1000',
    ...env,
  });
  const logger = createLogger({
    service: 'team-service-test',
    level: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const service = await startTeamService({
    config,
    logger,
    now: clock.now,
    relayHooks,
    healthIntervalMs: 200,
  });
  const address = `127.0.0.1:${service.port}`;
  const internalClient = createClient(TeamServiceCtor, { address, token: INTERNAL_TOKEN });
  const appClient = createClient(TeamServiceCtor, { address, token: APP_TOKEN });
  const mongo = await mongoose.mongo.MongoClient.connect(infra.mongoUri);
  const databaseName = mongoUri.split('?')[0]!.split('/').pop()!;
  let stopped = false;
  return {
    config,
    service,
    topic,
    grantsTopic,
    address,
    internal: rpcOf(internalClient),
    app: rpcOf(appClient),
    clock,
    mongo,
    databaseName,
    async stop() {
      if (stopped) return;
      stopped = true;
      internalClient.close();
      appClient.close();
      await service.stop();
      await mongo
        .db(databaseName)
        .dropDatabase()
        .catch(() => undefined);
      await mongo.close();
    },
  };
}

/** Expects the call to fail with this gRPC status and `error-reason`. */
export async function expectFailure(
  call: Promise<unknown>,
  code: status,
  reason: string,
): Promise<ServiceError> {
  try {
    await call;
  } catch (error) {
    const serviceError = error as ServiceError;
    expect(status[serviceError.code], serviceError.details).to.equal(status[code]);
    expect(reasonOf(serviceError), serviceError.details).to.equal(reason);
    return serviceError;
  }
  expect.fail(`expected ${status[code]} ${reason}, but the call succeeded`);
}

export interface ProvisionOptions {
  subscriber?: string;
  entitlement?: string;
  productId?: string;
  seats?: number;
  status?: 'TEAM_STATUS_ACTIVE' | 'TEAM_STATUS_GRACE' | 'TEAM_STATUS_EXPIRED';
  shrinkPolicy?: 'SHRINK_POLICY_BLOCK' | 'SHRINK_POLICY_REMOVE_LAST_JOINED' | 'SHRINK_POLICY_ADMIN_CHOICE';
  ownerTakesSeat?: boolean;
  periodEndsAt?: Date | null;
  sourceEventAt?: Date;
  adminChoiceGraceHours?: number;
  rosterRetentionDays?: number;
  subscriptionGroup?: string;
  /** Running seat packs (ADR 0038). */
  seatPacks?: Array<{ productId: string; seats: number }>;
}

/** ApplySubscriptionState as entitlement-service sends it. */
export function subscriptionState(options: ProvisionOptions = {}) {
  const periodEndsAt =
    options.periodEndsAt === undefined ? new Date(Date.now() + 30 * 86_400_000) : options.periodEndsAt;
  const toTs = (date: Date) => ({
    seconds: String(Math.floor(date.getTime() / 1000)),
    nanos: (date.getTime() % 1000) * 1e6,
  });
  return {
    subscriberUserId: options.subscriber ?? randomName('owner'),
    productId: options.productId ?? 'team_pro_monthly',
    managementEntitlement: options.entitlement ?? 'team_pro_admin',
    seatLimit: options.seats ?? 5,
    status: options.status ?? 'TEAM_STATUS_ACTIVE',
    periodEndsAt: periodEndsAt ? toTs(periodEndsAt) : null,
    memberEntitlements: ['pro'],
    grantMode: 'GRANT_MODE_PERIOD',
    shrinkPolicy: options.shrinkPolicy ?? 'SHRINK_POLICY_BLOCK',
    ownerTakesSeat: options.ownerTakesSeat ?? false,
    adminChoiceGraceHours: options.adminChoiceGraceHours ?? 0,
    rosterRetentionDays: options.rosterRetentionDays ?? 0,
    subscriptionGroup: options.subscriptionGroup ?? '',
    seatPacks: options.seatPacks ?? [],
    sourceEventAt: toTs(options.sourceEventAt ?? new Date()),
    sourceEventId: randomName('rc-event'),
  };
}

/** Creates a team through ApplySubscriptionState; returns it and its owner. */
export async function provisionTeam(
  harness: Harness,
  options: ProvisionOptions = {},
): Promise<{ team: Team__Output; owner: string }> {
  const request = subscriptionState(options);
  const response = await harness.internal('ApplySubscriptionState', request);
  return { team: response.team as Team__Output, owner: request.subscriberUserId };
}

/** A team with an admin (`admin-1`) and a plain member (`member-1`). */
export async function provisionTeamWithAdmin(
  harness: Harness,
  seats = 5,
): Promise<{ teamId: string; owner: string }> {
  const { team, owner } = await provisionTeam(harness, { seats });
  const add = (userId: string) =>
    harness.app('AddMember', { teamId: team.teamId, userId, actorUserId: owner });
  await add('admin-1');
  await add('member-1');
  await harness.app('GrantAdmin', { teamId: team.teamId, userId: 'admin-1', actorUserId: owner });
  return { teamId: team.teamId, owner };
}
