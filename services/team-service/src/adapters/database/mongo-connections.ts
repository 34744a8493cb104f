import mongoose from 'mongoose';
import type { Logger } from '@teamseat/logger';
import { createTeamModels, type TeamModels } from './models';

export interface MongoConnections {
  /** The models every write goes through: their connection is the write pool (see below). */
  writes: TeamModels;
  /** The same models on the read pool. */
  reads: TeamModels;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** True when the URI names a database (`mongodb://host/db`); otherwise `defaultDatabase` is used. */
function namesDatabase(uri: string): boolean {
  const afterScheme = uri.slice(uri.indexOf('://') + 3);
  const path = afterScheme.split('?')[0] ?? '';
  const slash = path.indexOf('/');
  return slash !== -1 && slash < path.length - 1;
}

/**
 * Two mongoose connections to one database, each with the models of schemas.ts: a small pool for writes
 * and a larger one for reads.
 *
 * Why a separate write pool of one connection by default: FerretDB 1.x (the local database) applies an
 * update as read, modify in Go, write back, without a transaction, so two updates of one document on two
 * connections can interleave and one is lost; even a filter such as `seatsAvailable > 0` then lets too
 * many through (measured: bench/team-service/probe-ferretdb.mjs). FerretDB serves one connection's
 * commands one after another, so funnelling a process's writes through one connection makes each
 * single-document update atomic again. SQLite takes one writer at a time anyway, so little throughput
 * is lost. Against MongoDB proper the pool may be raised (MONGODB_WRITE_POOL_SIZE).
 */
export async function createMongoConnections({
  uri,
  defaultDatabase,
  writePoolSize,
  readPoolSize,
  logger,
  serverSelectionTimeoutMs = 5_000,
}: {
  uri: string;
  defaultDatabase: string;
  writePoolSize: number;
  readPoolSize: number;
  logger: Logger;
  serverSelectionTimeoutMs?: number;
}): Promise<MongoConnections> {
  const log = logger.child({ module: 'mongo' });
  const options = {
    ...(namesDatabase(uri) ? {} : { dbName: defaultDatabase }),
    serverSelectionTimeoutMS: serverSelectionTimeoutMs,
    // Fail fast instead of queueing operations while disconnected: callers see UNAVAILABLE.
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
  };
  const writer = mongoose.createConnection(uri, { ...options, maxPoolSize: writePoolSize, minPoolSize: 1 });
  const reader = mongoose.createConnection(uri, { ...options, maxPoolSize: readPoolSize });
  try {
    await Promise.all([writer.asPromise(), reader.asPromise()]);
  } catch (error) {
    await Promise.allSettled([writer.close(), reader.close()]);
    throw error;
  }
  for (const [name, connection] of [
    ['writes', writer],
    ['reads', reader],
  ] as const) {
    connection.on('disconnected', () => log.warn({ connection: name }, 'MongoDB disconnected'));
    connection.on('reconnected', () => log.info({ connection: name }, 'MongoDB reconnected'));
  }
  const writes = createTeamModels(writer);
  const reads = createTeamModels(reader);

  return {
    writes,
    reads,
    async ping() {
      try {
        await reads.db.command({ ping: 1 }, { timeoutMS: 2_000 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.allSettled([writer.close(), reader.close()]);
    },
  };
}
