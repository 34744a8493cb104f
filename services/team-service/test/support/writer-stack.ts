import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '@teamseat/logger';
import { createMongoConnections } from '../../src/adapters/database/mongo-connections';
import { createTeamRepository } from '../../src/adapters/database/team-repository';
import { createTeamViews } from '../../src/adapters/database/team-views';
import { createCommandRunner } from '../../src/application/command-runner';
import { createTeamCommands } from '../../src/application/team-commands';

/**
 * The command path (repository, views, runner, use cases) over its own pool of `connections`, as one
 * more team-service replica would run it, without gRPC or a relay. `writers` independent command paths
 * share the pool, as that many processes would: a runner queues its own commands on a team one after
 * another (ADR 0026), so only separate runners race each other in the database.
 */
export async function startWriterStack(uri: string, connections: number, { writers = 1 } = {}) {
  const mongo = await createMongoConnections({
    uri,
    defaultDatabase: 'unused',
    poolSize: connections,
    logger: createLogger({ service: 'writer-stack', level: 'silent' }),
  });
  const now = () => new Date();
  const writer = () => {
    const teams = createTeamRepository({ reads: mongo.reads, writes: mongo.writes, now, newId: randomUUID });
    const runner = createCommandRunner({
      teams,
      views: createTeamViews(mongo),
      now,
      newId: randomUUID,
      newSecret: () => randomBytes(32).toString('base64url'),
    });
    return { teams, commands: createTeamCommands({ runner }) };
  };
  const all = Array.from({ length: writers }, writer);
  return { ...all[0]!, writers: all.map((w) => w.commands), close: () => mongo.close() };
}
