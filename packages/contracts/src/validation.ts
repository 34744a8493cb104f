import { AppError } from '@teamseat/errors';
import type { ZodError, ZodIssue, ZodType, ZodTypeDef } from 'zod';

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `data.seatLimit` or `products.1.seats`. */
  field: string;
  problem: string;
}

function fieldOf(issue: ZodIssue, prefix: string): string {
  const path = issue.path.map(String).join('.');
  if (prefix === '') return path === '' ? '(root)' : path;
  return path === '' ? prefix : `${prefix}.${path}`;
}

export function issuesOf(error: ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ field: fieldOf(issue, prefix), problem: issue.message }));
}

/** One message naming every offending field: "data.seatLimit: Expected number, received string; ...". */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.problem}`).join('; ');
}

/**
 * Validates with a zod schema, throwing AppError INVALID_ARGUMENT whose message names the fields and
 * whose details carry `field` (the first) and `issues` (all of them).
 */
export function parseOrThrow<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  value: unknown,
  options: { what: string; reason?: string; prefix?: string },
): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, options.prefix);
  return fail(options.what, issues, options.reason);
}

function fail(what: string, issues: ValidationIssue[], reason = 'INVALID_ARGUMENT'): never {
  throw new AppError('INVALID_ARGUMENT', `${what}: ${describeIssues(issues)}`, {
    reason,
    details: { field: issues[0]?.field ?? '(root)', issues },
  });
}
