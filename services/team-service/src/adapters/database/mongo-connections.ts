import mongoose from 'mongoose';
import type { Logger } from '@teamseat/logger';
import { createTeamModels, type TeamModels } from './models';

export interface MongoConnections {
  /** The models writes go through. */
  writes: TeamModels;
  /** The models reads go through (the same connection: the log makes any pool safe, ADR 0024). */
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
 * One mongoose connection (a pool of `poolSize`) with the models of schemas.ts. Any pool size and any
 * number of processes are safe: every change is the insert of a unique `_id` (ADR 0024), which FerretDB
 * makes atomic across connections where it does not make a guarded update so (ADR 0004).
 */
export async function createMongoConnections({
  uri,
  defaultDatabase,
  poolSize,
  logger,
  serverSelectionTimeoutMs = 5_000,
}: {
  uri: string;
  defaultDatabase: string;
  poolSize: number;
  logger: Logger;
  serverSelectionTimeoutMs?: number;
}): Promise<MongoConnections> {
  const log = logger.child({ module: 'mongo' });
  const connection = mongoose.createConnection(uri, {
    ...(namesDatabase(uri) ? {} : { dbName: defaultDatabase }),
    serverSelectionTimeoutMS: serverSelectionTimeoutMs,
    // Fail fast instead of queueing operations while disconnected: callers see UNAVAILABLE.
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    maxPoolSize: poolSize,
  });
  try {
    await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  connection.on('disconnected', () => log.warn('MongoDB disconnected'));
  connection.on('reconnected', () => log.info('MongoDB reconnected'));
  const models = createTeamModels(connection);

  return {
    writes: models,
    reads: models,
    async ping() {
      try {
        await models.db.command({ ping: 1 }, { timeoutMS: 2_000 });
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await connection.close().catch(() => undefined);
    },
  };
}
