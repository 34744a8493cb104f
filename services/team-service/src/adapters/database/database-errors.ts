import { unavailable } from '@teamseat/errors';
import mongoose from 'mongoose';

const DUPLICATE_KEY = 11000;

export const isDuplicateKey = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;

/** A write the schema refused: the code built a document it should not have (schemas.ts), not an outage. */
export const isRefusedBySchema = (error: unknown) =>
  error instanceof mongoose.Error.ValidationError ||
  error instanceof mongoose.Error.CastError ||
  error instanceof mongoose.Error.StrictModeError;

/**
 * Runs a database operation; a failure becomes UNAVAILABLE (retriable), so callers see "try again"
 * rather than an internal error. Duplicate-key errors pass through: they are answers, not outages. So do
 * schema refusals: retrying cannot help, so they stay unknown errors (a bug: INTERNAL at the edge).
 */
export async function databaseCall<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isDuplicateKey(error) || isRefusedBySchema(error)) throw error;
    throw unavailable(`database: ${what} failed`, error);
  }
}
