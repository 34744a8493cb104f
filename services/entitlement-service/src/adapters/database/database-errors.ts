import { AppError } from '@teamseat/errors';
import mongoose, { mongo } from 'mongoose';

/** The reason of every database outage, for metrics and the dead-letter headers that never carry it. */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

const { MongoError, MongoErrorLabel } = mongo;

/** Driver classes that mean the database, or the way to it, is not answering now (ADR 0020). */
const TRANSIENT_CLASSES = [
  mongo.MongoNetworkError, // includes MongoNetworkTimeoutError and a cleared connection pool
  mongo.MongoServerSelectionError,
  mongoose.Error.MongooseServerSelectionError,
  mongo.MongoWriteConcernError,
  mongo.MongoTopologyClosedError,
  mongo.MongoNotConnectedError,
  mongo.MongoServerClosedError,
  mongo.MongoOperationTimeoutError,
];

const TRANSIENT_LABELS: readonly string[] = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.ResumableChangeStreamError,
  MongoErrorLabel.TransientTransactionError,
];

/**
 * Server codes of a node that is stepping down, shutting down or cut off: the driver's retryable-error list
 * (HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown, ExceededTimeLimit,
 * SocketException, NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange,
 * NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary), for servers that send no labels.
 */
const TRANSIENT_CODES = new Set([6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

function isTransient(error: unknown): boolean {
  if (TRANSIENT_CLASSES.some((type) => error instanceof type)) return true;
  if (!(error instanceof MongoError)) return false;
  if (TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  // A write the server applied but could not replicate in time reports its write concern error inside.
  if ((error as { writeConcernError?: unknown }).writeConcernError) return true;
  return typeof error.code === 'number' && TRANSIENT_CODES.has(error.code);
}

/**
 * Maps a driver failure once, at the adapter's boundary: an outage becomes UNAVAILABLE and retriable, with a
 * message that names the operation, not the host. Anything else passes through untouched: a duplicate key is
 * an answer the repository reads; other errors are bugs, retried by consumers and answered "internal error".
 */
export function databaseError(operation: string, error: unknown): unknown {
  if (!isTransient(error)) return error;
  return new AppError('UNAVAILABLE', `database: ${operation} failed; try again`, {
    reason: DATABASE_UNAVAILABLE,
    retriable: true,
    cause: error,
  });
}

/** The repository with every method's failures mapped by databaseError, named `store.method`. */
export function classifyDatabaseErrors<T extends object>(store: string, repository: T): T {
  const wrapped: Record<string, unknown> = { ...(repository as Record<string, unknown>) };
  for (const [name, value] of Object.entries(repository as Record<string, unknown>)) {
    if (typeof value !== 'function') continue;
    const fail = (error: unknown): never => {
      throw databaseError(`${store}.${name}`, error);
    };
    wrapped[name] = function classified(...args: unknown[]): unknown {
      try {
        const result: unknown = value.apply(repository, args);
        return result instanceof Promise ? result.catch(fail) : result;
      } catch (error) {
        return fail(error);
      }
    };
  }
  return wrapped as T;
}
