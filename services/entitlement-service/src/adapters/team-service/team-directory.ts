import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { AppError } from '@teamseat/errors';
import {
  bearerInterceptor,
  channelCredentials,
  channelTlsOptions,
  loadTeamseatProtos,
  traceInterceptor,
  type ClientTls,
  type TeamseatProtoGrpcType,
} from '@teamseat/grpc';
import type { Logger } from '@teamseat/logger';
import type { RosterEntry, TeamDirectory } from '../../application/ports';
import { ROLE, subscriptionStateRequest, toTeamSummary, toTeamTerms } from './team-directory-mapping';
import { noResponseError, TEAM_SERVICE_UNAUTHENTICATED, teamServiceError } from './team-service-errors';
import type { TeamServiceMetrics } from './team-service-metrics';

/**
 * Calls spread over every address the target resolves to, not the first one only (grpc-js' default,
 * pick_first): with `dns:///team-service-pods:50051`, a headless Service, that is every team-service pod. DNS
 * is read again when a connection drops, and at least every `maxConnectionAgeMs` of team-service, which closes
 * connections so that new pods are found (docs/adr/0032).
 */
const ROUND_ROBIN = {
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
};

/**
 * Reconnect soon after team-service is back: grpc-js waits up to 120 s between connection attempts by default
 * (1 s growing by 1.6 a try), so after a 2-minute outage every call kept failing fast for up to a minute more
 * while team-service was already serving. At most 5 s between attempts: a few cheap connects during an outage.
 */
const RECONNECT = { 'grpc.initial_reconnect_backoff_ms': 1_000, 'grpc.max_reconnect_backoff_ms': 5_000 };

/** team-service over gRPC (DESIGN §1: entitlement-service → team-service, never the other way). */
export function createTeamDirectory({
  address,
  token,
  tls,
  deadlineMs = 5_000,
  pageSize = 500,
  now,
  protos = loadTeamseatProtos(),
  logger,
  metrics,
}: {
  address: string;
  token: string;
  /** Unset: plaintext (TEAM_SERVICE_TLS, docs/adr/0033). */
  tls?: ClientTls;
  deadlineMs?: number;
  pageSize?: number;
  /** Wall clock: gRPC deadlines are wall-clock moments. */
  now: () => number;
  /** The loaded teamseat protos (the composition root loads them once for the server and this client). */
  protos?: TeamseatProtoGrpcType;
  logger?: Logger;
  metrics?: TeamServiceMetrics;
}): TeamDirectory & { close(): void } {
  const { TeamService } = protos.teamseat.team.v1;
  const client = new TeamService(address, channelCredentials(tls), {
    ...channelTlsOptions(tls),
    interceptors: [bearerInterceptor(token), traceInterceptor()],
    ...ROUND_ROBIN,
    ...RECONNECT,
  });
  const methods = TeamService.service;
  const log = logger?.child({ module: 'team-directory' });

  /** The failure as an AppError; a refused token is also counted and logged, since it pauses all team work. */
  function failure(name: string, error: ServiceError): AppError {
    const mapped = teamServiceError(name, error);
    if (mapped.reason === TEAM_SERVICE_UNAUTHENTICATED) {
      metrics?.unauthenticated(name);
      log?.error(
        { method: name, reason: mapped.reason },
        'team-service refused our token (TEAM_SERVICE_TOKEN); team work is retried until it is accepted',
      );
    }
    return mapped;
  }

  /** One unary call, typed by the method's generated definition (request in, `__Output` response back). */
  function call<Req, Res>(
    method: {
      path: string;
      requestSerialize: (request: Req) => Buffer;
      responseDeserialize: (bytes: Buffer) => Res;
    },
    request: Req,
  ): Promise<Res> {
    const name = method.path.slice(method.path.lastIndexOf('/') + 1);
    return new Promise<Res>((resolve, reject) => {
      client.makeUnaryRequest(
        method.path,
        method.requestSerialize,
        method.responseDeserialize,
        request,
        new Metadata(),
        { deadline: now() + deadlineMs },
        (error, response) => {
          if (error) reject(failure(name, error));
          else if (response === undefined) reject(noResponseError(name));
          else resolve(response);
        },
      );
    });
  }

  async function optional<T>(promise: Promise<T>): Promise<T | undefined> {
    try {
      return await promise;
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  async function rosterOf(teamId: string): Promise<RosterEntry[]> {
    const roster: RosterEntry[] = [];
    let pageToken = '';
    do {
      const page = await call(methods.ListMembers, { teamId, pageSize, pageToken });
      for (const member of page.members) {
        roster.push({
          userId: member.userId,
          role: ROLE[member.role] ?? 'member',
          holdsSeat: member.holdsSeat,
        });
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
    return roster;
  }

  return {
    async applySubscriptionState({ subscriberUserId, state, sourceEventId }) {
      const response = await call(
        methods.ApplySubscriptionState,
        subscriptionStateRequest(subscriberUserId, state, sourceEventId),
      );
      return {
        team: response.team ? toTeamSummary(response.team) : undefined,
        changed: response.changed,
        removedUserIds: response.removedUserIds,
      };
    },

    rosterOf,

    async getTeam(teamId) {
      const response = await optional(call(methods.GetTeam, { teamId }));
      return response?.team ? toTeamSummary(response.team) : undefined;
    },

    async memberGrant(teamId, userId, minVersion = 0) {
      const response = await optional(call(methods.GetMemberGrant, { teamId, userId, minVersion }));
      return response ? toTeamTerms(response) : undefined;
    },

    async teamByKey(subscriberUserId, { managementEntitlement, subscriptionGroup }) {
      const response = await optional(
        call(methods.GetTeam, {
          key: { subscriberUserId, managementEntitlement, subscriptionGroup: subscriptionGroup ?? '' },
        }),
      );
      return response?.team ? toTeamSummary(response.team) : undefined;
    },

    async transferToNewSubscriber({ teamId, newOwnerUserId, sourceEventId }) {
      await call(methods.TransferOwnership, {
        teamId,
        newOwnerUserId,
        kind: 'TRANSFER_KIND_STORE_TRANSFER',
        previousOwnerRole: 'ROLE_UNSPECIFIED',
        sourceEventId,
      });
    },

    close: () => client.close(),
  };
}
