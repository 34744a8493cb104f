import { createKeyedSerializer, type KeyedSerializer } from './keyed-serializer';

/**
 * One lock per user id around every read-decide-write of a customer document (sync and reconcile), so the
 * webhook and the reconcile consumers of one process never interleave for the same user. Across replicas
 * the same user is handled by one partition per topic; what remains (a webhook and a reconcile on two
 * replicas at once) is harmless because both are level-triggered (ADR 0005, ADR 0006).
 */
export type UserLocks = KeyedSerializer;

export const createUserLocks = (): UserLocks => createKeyedSerializer();
