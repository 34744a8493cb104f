import { Kafka } from 'kafkajs';

/**
 * Deletes the topics one system made on the shared broker: its random topic names and every topic derived
 * from them (`.dlq`, parking topics). Only these: other runs share the broker.
 */
export async function deleteOwnTopics(brokers: string[], names: string[]) {
  const admin = new Kafka({ brokers, clientId: 'faults-cleanup', logLevel: 0 }).admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((topic) => names.some((name) => topic.startsWith(name)));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}

/** Topics derived from `topic` (`<topic>.<suffix>`) other than its dead-letter topic: where parked messages go. */
export async function derivedTopics(brokers: string[], topic: string) {
  const admin = new Kafka({ brokers, clientId: 'faults-topics', logLevel: 0 }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter((t) => t.startsWith(`${topic}.`) && t !== `${topic}.dlq`);
  } finally {
    await admin.disconnect();
  }
}
