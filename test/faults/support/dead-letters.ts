import { consumeMessages } from '@teamseat/testing';

/** Every message on the `.dlq` topics of the consumed topics: the suite's "0 dead letters" is this, 0. */
export async function deadLetters(brokers: string[], consumedTopics: string[]) {
  const perTopic = await Promise.all(
    consumedTopics.map((topic) =>
      consumeMessages(brokers, `${topic}.dlq`, { quietMs: 1_000, timeoutMs: 15_000 }),
    ),
  );
  return perTopic.flat().map((m) => ({
    topic: m.topic,
    key: m.key,
    error: `${m.headers['error-code'] ?? ''} ${m.headers['error-message'] ?? ''}`.trim(),
  }));
}
