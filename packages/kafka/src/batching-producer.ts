import { Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { AppError, unavailable } from '@teamseat/errors';
import type { Logger } from '@teamseat/logger';

export interface OutgoingMessage {
  key: string | null;
  value: Buffer | string;
  headers?: Record<string, string>;
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
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An idempotent producer that gathers the messages arriving within `lingerMs` (or up to `maxBatchMessages`)
 * into one produce request, so concurrent callers share broker round trips instead of queueing behind
 * each other; while a request is in flight, new messages keep gathering and leave together when it returns.
 * Each caller still learns whether its own message was acknowledged.
 */
export function createBatchingProducer({
  kafka,
  logger,
  lingerMs = 2,
  maxBatchMessages = 500,
  onBatch,
}: {
  kafka: Kafka;
  logger: Logger;
  lingerMs?: number;
  maxBatchMessages?: number;
  onBatch?: (size: number) => void;
}): BatchingProducer {
  const producer: Producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
  });
  const log = logger.child({ module: 'batching-producer' });
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  // One produce request at a time: the idempotent producer serialises them per broker anyway, so messages
  // arriving while one is in flight wait here and leave together, in one bigger request, when it returns.
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
    const byTopic = new Map<string, TopicMessages>();
    for (const { topic, message } of batch) {
      const entry = byTopic.get(topic) ?? { topic, messages: [] };
      entry.messages.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(topic, entry);
    }
    try {
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic.values()] });
      for (const pending of batch) pending.resolve();
    } catch (error) {
      log.warn({ err: error, size: batch.length }, 'produce failed');
      const failure = unavailable('Kafka did not acknowledge the message', error);
      for (const pending of batch) pending.reject(failure);
    }
  }

  function enqueue(topic: string, message: OutgoingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      queue.push({ topic, message, resolve, reject });
      if (queue.length >= maxBatchMessages) flush();
      else timer ??= setTimeout(flush, lingerMs);
    });
  }

  let closed = false;
  return {
    onBatch,
    connect: () => producer.connect(),
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
      await producer.disconnect();
    },
  };
}
