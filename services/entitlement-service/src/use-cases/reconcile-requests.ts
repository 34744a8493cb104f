import { invalidArgument } from '@teamseat/errors';
import type { ChangeCause } from '@teamseat/contracts';

/**
 * What a team event said about the team that triggered a reconcile, and whether the user holds a seat in
 * it: enough to reconcile without asking team-service when the ledger shows no other team (ADR 0005).
 */
export interface TeamHint {
  teamId: string;
  productId: string;
  status: 'active' | 'grace' | 'expired';
  /** null: lifetime purchase. */
  periodEndsAtMs: number | null;
  memberEntitlements: string[];
  grantMode: 'period' | 'lifetime';
  holdsSeat: boolean;
}

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
  hint?: TeamHint | undefined;
}

export function encodeReconcileRequest(request: ReconcileRequest): Buffer {
  return Buffer.from(JSON.stringify({ v: 1, ...request }));
}

const CAUSES: readonly string[] = ['webhook', 'team-event', 'sync', 'reconcile', 'expiry'];
const STATUSES: readonly string[] = ['active', 'grace', 'expired'];

function readHint(value: unknown): TeamHint | undefined {
  const h = value as Partial<TeamHint> | null | undefined;
  const valid =
    typeof h?.teamId === 'string' &&
    typeof h.productId === 'string' &&
    STATUSES.includes(String(h.status)) &&
    (h.periodEndsAtMs === null || typeof h.periodEndsAtMs === 'number') &&
    Array.isArray(h.memberEntitlements) &&
    h.memberEntitlements.every((e) => typeof e === 'string') &&
    (h.grantMode === 'period' || h.grantMode === 'lifetime') &&
    typeof h.holdsSeat === 'boolean';
  // A hint is only a shortcut: without a valid one the reconciler asks team-service.
  return valid ? (h as TeamHint) : undefined;
}

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
    hint: readHint(request.hint),
  };
}
