import mongoose from 'mongoose';
import type { Harness } from './harness';

/** Runs `work(i)` for i in [0, count) with `concurrency` callers at once. */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
}

/** Every collection of the service's database with the size of its largest document, in bytes. */
export async function largestDocuments(harness: Harness): Promise<Record<string, number>> {
  const db = harness.mongo.db(harness.databaseName);
  const sizes: Record<string, number> = {};
  for (const { name } of await db.listCollections().toArray()) {
    let largest = 0;
    for await (const doc of db.collection(name).find({})) {
      largest = Math.max(largest, mongoose.mongo.BSON.calculateObjectSize(doc));
    }
    sizes[name] = largest;
  }
  return sizes;
}

/** The command runner's conflict retries so far (team_command_conflicts_total). */
export async function conflictRetries(harness: Harness): Promise<number> {
  const metric = await harness.service.registry.getSingleMetric('team_command_conflicts_total')?.get();
  return metric?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
}

/**
 * Pages through ListMembers (500 a page) and returns the user ids in page order. `between` runs after each
 * page, so a test can change the roster while paging.
 */
export async function pageAllMembers(
  harness: Harness,
  teamId: string,
  actor: string,
  between: () => Promise<void> = async () => undefined,
): Promise<string[]> {
  const seen: string[] = [];
  let pageToken = '';
  do {
    const page = await harness.app(
      'ListMembers',
      { teamId, actorUserId: actor, pageSize: 500, pageToken },
      { deadlineMs: 60_000 },
    );
    seen.push(...(page.members as Array<{ userId: string }>).map((member) => member.userId));
    pageToken = page.nextPageToken;
    await between();
  } while (pageToken);
  return seen;
}
