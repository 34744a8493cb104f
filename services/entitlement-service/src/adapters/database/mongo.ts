import mongoose, { type Connection, type Model, type Schema, type SchemaOptions, type mongo } from 'mongoose';

/**
 * One connection per service instance (not mongoose's global one), so tests can run several side by side.
 * Operations go to the driver at once rather than waiting in mongoose's buffer while the connection is
 * down: the driver's server selection timeout bounds them, as before models were used.
 */
export async function connectMongo(uri: string, { timeoutMs = 5_000 } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    // Indexes are created explicitly at start (ensureIndexes), where a failure stops the start-up.
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
  });
  return connection.asPromise();
}

/** True when the database answers a ping: the readiness check. */
export async function mongoReachable(connection: Connection): Promise<boolean> {
  if (connection.readyState !== 1 || !connection.db) return false;
  await connection.db.admin().ping();
  return true;
}

/** MongoDB's duplicate key error (a unique index refused the write). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}

/**
 * Schema options of every collection here: documents are stored exactly as the repositories write them
 * (no `__v`, no `id` virtual), and a path the schema does not know is an error rather than silently
 * dropped. Collections and indexes are not created by mongoose on its own (see connectMongo).
 */
export const STORED_AS_WRITTEN = {
  versionKey: false,
  id: false,
  strict: 'throw',
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const satisfies SchemaOptions;

/** The connection's model for `schema`, compiled on first use (repositories of one connection share it). */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return connection.model<T>(name, schema);
}

/**
 * Creates secondary indexes one by one, each allowed to fail on its own: only the sweep's scans on a real
 * MongoDB need them. (Model.createIndexes would emit an unhandled 'error' event on a failure.)
 */
export async function createIndexes<T>(model: Model<T>, specs: mongo.IndexSpecification[]): Promise<void> {
  for (const spec of specs) await model.collection.createIndex(spec).catch(() => undefined);
}
