import { DLQ_SUFFIX, PARK_HEADERS, type ReceivedMessage } from '@teamseat/kafka';

/** A record of a `<topic>.dlq` topic, as `dlq list` and `dlq show` print it. */
export interface DeadLetter {
  /** `<dlq topic>:<partition>:<offset>`: what `dlq show` and `dlq replay` take. */
  id: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** Where a replay sends it: the `original-topic` header, else the dlq topic without `.dlq`. */
  originalTopic: string;
  /** The `error-code` header: the reason it can never succeed (ADR 0020). */
  reason: string;
  error: string;
  failedAt: string;
  attempts: number;
  headers: Record<string, string>;
  /** The original bytes (the webhook body exactly as received); JSON output shows them as text. */
  value: Buffer;
}

/** Headers the dead-lettering and parking added (packages/kafka dead-letter.ts, parking.ts), not the message's own. */
const BOOKKEEPING = new Set([
  'error-code',
  'error-message',
  'failed-at',
  'attempts',
  'original-topic',
  'original-partition',
  'original-offset',
  ...Object.values(PARK_HEADERS),
]);

export const REPLAY_HEADERS = {
  at: 'replayed-at',
  from: 'replayed-from',
  reason: 'replayed-reason',
} as const;

export function toDeadLetter(message: ReceivedMessage): DeadLetter {
  const h = message.headers;
  const recordTime = new Date(Number(message.timestamp)).toISOString();
  return {
    id: `${message.topic}:${message.partition}:${message.offset}`,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    originalTopic: h['original-topic'] ?? message.topic.slice(0, -DLQ_SUFFIX.length),
    reason: h['error-code'] ?? '',
    error: h['error-message'] ?? '',
    failedAt: h['failed-at'] ?? recordTime,
    attempts: Number(h.attempts ?? 0),
    headers: h,
    value: message.value ?? Buffer.alloc(0),
  };
}

export interface DeadLetterId {
  topic: string;
  partition: number;
  offset: string;
}

/** `<topic>:<partition>:<offset>`, the id `dlq list` prints; a topic may itself hold colons. */
export function parseDeadLetterId(id: string): DeadLetterId {
  const match = /^(.+\.dlq):(\d+):(\d+)$/.exec(id);
  if (!match)
    throw new Error(`dead letter id "${id}": expected <topic>.dlq:<partition>:<offset>, as dlq list prints`);
  return { topic: match[1]!, partition: Number(match[2]), offset: match[3]! };
}

export interface DeadLetterFilter {
  /** Failed at or after (epoch ms). */
  sinceMs?: number;
  /** Failed before (epoch ms). */
  untilMs?: number;
  /** The error-code header, compared without regard to case. */
  reason?: string;
  /** The record key (the user id on teamseat's topics) or the app_user_id in a webhook body. */
  user?: string;
}

function userOf(letter: DeadLetter): string | undefined {
  try {
    const body = JSON.parse(letter.value.toString()) as { event?: { app_user_id?: unknown } };
    return typeof body.event?.app_user_id === 'string' ? body.event.app_user_id : undefined;
  } catch {
    return undefined;
  }
}

export function matches(letter: DeadLetter, filter: DeadLetterFilter): boolean {
  const failedAtMs = Date.parse(letter.failedAt);
  if (filter.sinceMs !== undefined && !(failedAtMs >= filter.sinceMs)) return false;
  if (filter.untilMs !== undefined && !(failedAtMs < filter.untilMs)) return false;
  if (filter.reason !== undefined && letter.reason.toLowerCase() !== filter.reason.toLowerCase())
    return false;
  if (filter.user !== undefined && letter.key !== filter.user && userOf(letter) !== filter.user) return false;
  return true;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An ISO 8601 time, or a duration back from now: 90s, 30m, 2h, 7d. */
export function parseTime(option: string, value: string, nowMs: number): number {
  const relative = /^(\d+)([smhd])$/.exec(value);
  if (relative) return nowMs - Number(relative[1]) * UNITS[relative[2]!]!;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new Error(`${option}: "${value}" is neither an ISO 8601 time nor a duration like 30m, 2h, 7d`);
  return parsed;
}

/**
 * The message a replay produces: the original key, value and own headers, to the original topic, marked as
 * replayed (when, from which dead letter, and why it had failed); the dead-lettering's own headers are left
 * behind, so it reads as a new arrival and a second failure dead-letters it afresh (ADR 0034).
 */
export function replayOf(letter: DeadLetter, nowMs: number) {
  const own = Object.entries(letter.headers).filter(([name]) => !BOOKKEEPING.has(name));
  return {
    topic: letter.originalTopic,
    message: {
      key: letter.key,
      value: letter.value,
      headers: {
        ...Object.fromEntries(own),
        [REPLAY_HEADERS.at]: new Date(nowMs).toISOString(),
        [REPLAY_HEADERS.from]: letter.id,
        [REPLAY_HEADERS.reason]: letter.reason,
      },
    },
  };
}
