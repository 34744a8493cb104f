import type { Connection } from 'mongoose';
import { getInfrastructure, randomDatabaseUri } from '@teamseat/testing';
import { connectMongo } from '../../src/adapters/database/mongo';

/** A fresh database of its own for one test file; dropped by the returned close function. */
export async function freshDatabase(
  prefix = 'ents',
): Promise<{ connection: Connection; uri: string; close(): Promise<void> }> {
  const { mongoUri } = await getInfrastructure();
  const uri = randomDatabaseUri(mongoUri, prefix);
  const connection = await connectMongo(uri);
  return {
    connection,
    uri,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
