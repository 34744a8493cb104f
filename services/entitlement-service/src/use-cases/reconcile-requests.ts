import { invalidArgument } from '@teamseat/errors';
import type { ChangeCause } from '@teamseat/contracts';

/**
 * A request to reconcile one user, on the service's own topic (keyed by user id). Team-level events fan out
 * into one request per member, so a 1,000-member expiry is spread over the topic's partitions, each
 * committed as its user is done, instead of one message holding its partition for 1,000 / rate seconds.
 */
export interface ReconcileRequest {
  userId: string;
  cause: ChangeCause;
  causationId?: string | undefined;
  teamId?: string | undefined;
}

export function encodeReconcileRequest(request: ReconcileRequest): Buffer {
  return Buffer.from(JSON.stringify({ v: 1, ...request }));
}

const CAUSES: readonly string[] = ['webhook', 'team-event', 'sync', 'reconcile', 'expiry'];

export function decodeReconcileRequest(raw: Buffer | null): ReconcileRequest {
  let value: unknown;
  try {
    value = JSON.parse((raw ?? Buffer.alloc(0)).toString('utf8'));
  } catch {
    throw invalidArgument('reconcile request', 'is not JSON', 'INVALID_RECONCILE_REQUEST');
  }
  const request = value as Partial<ReconcileRequest> | null;
  if (typeof request?.userId !== 'string' || request.userId === '') {
    throw invalidArgument(
      'reconcile request.userId',
      'must be a non-empty string',
      'INVALID_RECONCILE_REQUEST',
    );
  }
  const cause = CAUSES.includes(String(request.cause)) ? (request.cause as ChangeCause) : 'reconcile';
  return {
    userId: request.userId,
    cause,
    causationId: typeof request.causationId === 'string' ? request.causationId : undefined,
    teamId: typeof request.teamId === 'string' ? request.teamId : undefined,
  };
}
