/** Kafka topic names (DESIGN §2). The version suffix changes only with an incompatible value format. */
export const TOPICS = {
  revenueCatWebhooks: 'revenuecat.webhooks.v1',
  teamEvents: 'teamseat.team-events.v1',
  memberGrants: 'teamseat.member-grants.v1',
  entitlementChanges: 'teamseat.entitlement-changes.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const DLQ_SUFFIX = '.dlq';

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function dlqTopic(topic: string): string {
  if (topic.length === 0) throw new Error('dlqTopic: topic must be a non-empty string');
  if (topic.endsWith(DLQ_SUFFIX)) throw new Error(`dlqTopic: ${topic} is already a dead-letter topic`);
  return topic + DLQ_SUFFIX;
}

/** The topic a dead-letter topic belongs to, or null when the name is not a dead-letter topic. */
export function sourceTopicOfDlq(topic: string): string | null {
  if (!topic.endsWith(DLQ_SUFFIX) || topic.length === DLQ_SUFFIX.length) return null;
  return topic.slice(0, -DLQ_SUFFIX.length);
}

/** Headers the gateway puts on every `revenuecat.webhooks.v1` record; the value is the body as received. */
export const WEBHOOK_HEADERS = {
  eventId: 'rc-event-id',
  eventType: 'rc-event-type',
  /** ISO-8601 time the gateway received the request. */
  receivedAt: 'received-at',
  /** W3C trace context of the ingest request. */
  traceparent: 'traceparent',
} as const;

/**
 * Headers a consumer adds when it dead-letters a record; the original key, value and headers are kept.
 * `error-code` holds the AppError reason (a stable machine-readable string).
 */
export const DLQ_HEADERS = {
  errorCode: 'error-code',
  errorMessage: 'error-message',
  /** ISO-8601. */
  failedAt: 'failed-at',
  /** Decimal count of attempts made before giving up. */
  attempts: 'attempts',
  /** Where the record came from, so it can be replayed. */
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
} as const;
