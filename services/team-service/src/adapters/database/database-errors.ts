import { unavailable } from '@teamseat/errors';

const DUPLICATE_KEY = 11000;

export const isDuplicateKey = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;

/**
 * Runs a database operation; a failure becomes UNAVAILABLE (retriable), so callers see "try again"
 * rather than an internal error. Duplicate-key errors pass through: they are answers, not outages.
 */
export async function databaseCall<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isDuplicateKey(error)) throw error;
    throw unavailable(`database: ${what} failed`, error);
  }
}
