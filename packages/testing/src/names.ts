import { randomBytes } from 'node:crypto';

/**
 * A name no other test run will use, for topics, consumer groups and databases: `prefix-<time>-<random>`.
 * Only [a-z0-9-] after the prefix, and short enough for a MongoDB database name (63 bytes).
 */
export function randomName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * `mongoUri` with its database replaced by a fresh random one (options kept), so each test writes to
 * its own database. Works on multi-host URIs, which the WHATWG URL parser rejects.
 */
export function randomDatabaseUri(mongoUri: string, prefix = 'test'): string {
  const queryStart = mongoUri.indexOf('?');
  const base = queryStart === -1 ? mongoUri : mongoUri.slice(0, queryStart);
  const query = queryStart === -1 ? '' : mongoUri.slice(queryStart);
  const schemeEnd = base.indexOf('://');
  if (schemeEnd === -1) throw new Error(`not a MongoDB connection string: ${mongoUri}`);
  const pathStart = base.indexOf('/', schemeEnd + 3);
  const hosts = pathStart === -1 ? base : base.slice(0, pathStart);
  return `${hosts}/${randomName(prefix).replaceAll('-', '_')}${query}`;
}
