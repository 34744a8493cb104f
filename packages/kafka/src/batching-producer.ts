import type { Producer } from '@platformatic/kafka' with { 'resolution-mode': 'import' };
import { AppError, unavailable } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';
import type { KafkaClient } from './client';
import { producerSecurity } from './producer-security';

export interface OutgoingMessage {
  key: string | null;
  value: Buffer | string;
  headers?: Record<string, string>;
  /** Chosen by the caller instead of the key's hash (parking tiers, parking.ts). */
  partition?: number;
}

export interface BatchingProducer {
  /** Resolves once the broker has acknowledged the message (acks = all); rejects with a retriable AppError otherwise. */
  send(topic: string, message: OutgoingMessage): Promise<void>;
  sendMany(topic: string, messages: OutgoingMessage[]): Promise<void>;
  connect(): Promise<void>;
  /** Sends what is queued, waits for in-flight sends, then disconnects. */
  disconnect(): Promise<void>;
  onBatch?: (size: number) => void;
}

interface Pending {
  topic: string;
  message: OutgoingMessage;
  /** The key's bytes: the client hashes them for the partition and writes them. */
  key: Buffer | undefined;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** An ESM-only package, loaded once from this CommonJS package (Node 20.19+). */
const platformatic = () => import('@platformatic/kafka');

const toBuffer = (value?: Buffer | string) =>
  value === undefined ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value);

// Header names repeat on every message (a handful in all): each is encoded once, not once per message.
const headerNames = new Map<string, Buffer>();
function headerName(name?: string): Buffer | undefined {
  if (name === undefined) return undefined;
  let encoded = headerNames.get(name);
  if (encoded === undefined) {
    encoded = Buffer.from(name);
    if (headerNames.size < 256) headerNames.set(name, encoded);
  }
  return encoded;
}

/**
 * An idempotent producer (acks = all) that gathers the messages arriving within `lingerMs` (or up to
 * `maxBatchMessages`) into one produce request, so concurrent callers share broker round trips instead of
 * queueing behind each other; while a request is in flight, new messages keep gathering and leave together
 * when it returns. Each caller still learns whether its own message was acknowledged. One producer id and
 * one request in flight: messages keep the order they were sent in, across keys too.
 *
 * Producing goes through @platformatic/kafka, consuming and administration through kafkajs (ADRs 0007,
 * 0014): kafkajs' producer spends about three times the CPU per message and cost the gateway a median 14 %
 * of its throughput in the same benchmark runs. Keys are partitioned as Java clients and kafkajs do
 * (murmur2), so a key's partition does not depend on the client.
 */
export function createBatchingProducer({
  kafka,
  logger,
  lingerMs = 2,
  maxBatchMessages = 500,
  onBatch,
}: {
  kafka: KafkaClient;
  logger: Logger;
  lingerMs?: number;
  maxBatchMessages?: number;
  onBatch?: (size: number) => void;
}): BatchingProducer {
  const log = logger.child({ module: 'batching-producer' });
  const { brokers, clientId, connectionTimeoutMs, requestTimeoutMs, security } = kafka.connection;
  // One producer at a time, shared by connect() and the sends even while it is being created.
  let producer: Promise<Producer<Buffer, Buffer | string, string, string>> | undefined;
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  // One produce request at a time: with more, an idempotent producer's sequence numbers can reach the
  // broker out of order. Messages arriving while one is in flight wait here and leave together.
  let sending: Promise<void> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (sending || queue.length === 0) return;
    const batch = queue.slice(0, maxBatchMessages);
    queue = queue.slice(batch.length);
    onBatch?.(batch.length);
    sending = sendBatch(batch).finally(() => {
      sending = undefined;
      if (queue.length > 0) flush();
    });
  }

  async function sendBatch(batch: Pending[]): Promise<void> {
    try {
      producer ??= createProducer();
      await (
        await producer
      ).send({
        messages: batch.map(({ topic, message, key }) => ({
          topic,
          ...(message.partition === undefined ? {} : { partition: message.partition }),
          ...(key === undefined ? {} : { key }),
          value: message.value,
          ...(message.headers ? { headers: message.headers } : {}),
        })),
      });
      for (const pending of batch) pending.resolve();
    } catch (error) {
      log.warn({ err: error, size: batch.length }, 'produce failed; the next batch gets a new producer id');
      // The broker may have appended this batch after all (a timeout, a lost connection). Its sequence
      // numbers are then used up: the next batch, numbered the same, would be taken for a duplicate and
      // dropped while acknowledged, or refused as out of order for good. A new producer id starts a fresh
      // sequence; this batch's callers are refused (503) and RevenueCat delivers again.
      const broken = producer;
      producer = undefined;
      await broken?.then((old) => old.close()).catch(() => undefined);
      const failure = unavailable('Kafka did not acknowledge the message', error);
      for (const pending of batch) pending.reject(failure);
    }
  }

  async function createProducer(): Promise<Producer<Buffer, Buffer | string, string, string>> {
    const { Producer, ProduceAcks, compatibilityPartitioner, stringSerializer } = await platformatic();
    return new Producer<Buffer, Buffer | string, string, string>({
      clientId,
      bootstrapBrokers: brokers,
      connectTimeout: connectionTimeoutMs,
      timeout: requestTimeoutMs,
      ...producerSecurity(security, brokers[0]),
      retries: 5,
      retryDelay: 200,
      idempotent: true,
      acks: ProduceAcks.ALL,
      autocreateTopics: true,
      // Kafka's murmur2 of the key as the Java client and kafkajs use it; keyless messages go to partition 0.
      partitioner: compatibilityPartitioner,
      serializers: {
        key: (key?: Buffer) => key,
        value: toBuffer,
        headerKey: headerName,
        headerValue: stringSerializer,
      },
    });
  }

  function enqueue(topic: string, message: OutgoingMessage): Promise<void> {
    const key = message.key === null ? undefined : Buffer.from(message.key);
    return new Promise<void>((resolve, reject) => {
      queue.push({ topic, message, key, resolve, reject });
      if (queue.length >= maxBatchMessages) flush();
      else timer ??= setTimeout(flush, lingerMs);
    });
  }

  let closed = false;
  return {
    onBatch,
    async connect() {
      producer ??= createProducer();
      // Fails now, as kafkajs' connect did, when no broker answers.
      await (await producer).metadata({ topics: [] });
    },
    async send(topic, message) {
      if (closed) throw new AppError('UNAVAILABLE', 'producer is shutting down', { retriable: true });
      return enqueue(topic, message);
    },
    async sendMany(topic, messages) {
      if (closed) throw new AppError('UNAVAILABLE', 'producer is shutting down', { retriable: true });
      await Promise.all(messages.map((message) => enqueue(topic, message)));
    },
    async disconnect() {
      closed = true;
      flush();
      while (sending) await sending;
      await (await producer)?.close();
    },
  };
}
