import type { AppError } from '@teamseat/errors';
import type { BatchingProducer } from './batching-producer';
import type { ReceivedMessage } from './received-message';

export const DLQ_SUFFIX = '.dlq';

/** Where a message first arrived: itself, or what its parking headers say (parking.ts). */
export interface MessageOrigin {
  topic: string;
  partition: string;
  offset: string;
}

export const originOf = (message: ReceivedMessage): MessageOrigin => ({
  topic: message.headers['original-topic'] ?? message.topic,
  partition: message.headers['original-partition'] ?? String(message.partition),
  offset: message.headers['original-offset'] ?? message.offset,
});

/** Sends a message that can never succeed to `<original topic>.dlq`, with every header and the reason. */
export async function deadLetter(
  producer: BatchingProducer,
  message: ReceivedMessage,
  error: AppError,
  attempts: number,
): Promise<void> {
  const origin = originOf(message);
  await producer.send(origin.topic + DLQ_SUFFIX, {
    key: message.key,
    value: message.value ?? Buffer.alloc(0),
    headers: {
      ...message.headers,
      'error-code': error.reason,
      'error-message': error.message,
      'failed-at': new Date().toISOString(),
      attempts: String(attempts),
      'original-topic': origin.topic,
      'original-partition': origin.partition,
      'original-offset': origin.offset,
    },
  });
}
