import mongoose, { type Connection, type mongo } from 'mongoose';

/** One connection per service instance (not mongoose's global one), so tests can run several side by side. */
export async function connectMongo(uri: string, { timeoutMs = 5_000 } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    // Indexes are created explicitly at start (ensureIndexes), where a failure stops the start-up.
    autoIndex: false,
    autoCreate: false,
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

/** The driver's collection (repositories use it directly: plain documents, no casting, `_id` lookups). */
export function collection<T extends mongo.Document>(
  connection: Connection,
  name: string,
): mongo.Collection<T> {
  if (!connection.db) throw new Error('the database connection is not open');
  return connection.db.collection<T>(name);
}
