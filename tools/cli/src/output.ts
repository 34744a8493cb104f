import Table from 'cli-table3';

/** Every command's `--json`, and the stream it writes to. */
export interface OutputOptions {
  json?: boolean;
}

export interface Output {
  /** `--json`: the data as JSON; otherwise what `human` makes of it. */
  emit<T>(options: OutputOptions, data: T, human: (data: T) => string): void;
}

export function createOutput(write: (text: string) => void): Output {
  return {
    emit(options, data, human) {
      write(options.json ? JSON.stringify(plain(data), null, 2) : human(data));
    },
  };
}

const isTimestamp = (value: object): value is { seconds: string | number; nanos: number } =>
  Object.keys(value).length === 2 && 'seconds' in value && 'nanos' in value;

/** Responses as people read JSON: google.protobuf.Timestamps become ISO 8601 strings. */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (Buffer.isBuffer(value)) return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (isTimestamp(value))
    return new Date(Number(value.seconds) * 1000 + Math.floor(value.nanos / 1e6)).toISOString();
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
}

/** A timestamp (proto or ISO or epoch ms) for people: "2026-12-05 03:10:22Z", or "-". */
export function when(value: unknown): string {
  const text = plain(value);
  if (typeof text === 'number') return new Date(text).toISOString().slice(0, 19).replace('T', ' ') + 'Z';
  if (typeof text !== 'string' || text === '') return '-';
  return text.slice(0, 19).replace('T', ' ') + 'Z';
}

/** An enum value without its prefix, lower case: TEAM_STATUS_ACTIVE -> active. */
export const enumText = (value: string | undefined | null, prefix: string): string =>
  value ? value.replace(prefix, '').toLowerCase() : '-';

const plainStyle = { head: [], border: [] };

export function table(head: string[], rows: Array<Array<string | number>>): string {
  const t = new Table({ head, style: plainStyle });
  t.push(...rows.map((row) => row.map(String)));
  return rows.length === 0 ? `${t.toString()}\n(none)` : t.toString();
}

/** A two-column table of names and values. */
export function fields(rows: Array<[string, string | number | boolean]>): string {
  const t = new Table({ style: plainStyle });
  t.push(...rows.map(([name, value]) => ({ [name]: String(value) })));
  return t.toString();
}
