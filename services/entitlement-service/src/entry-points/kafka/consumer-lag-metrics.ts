import { readConsumerLag, type Admin, type ConsumedTopics, type Kafka } from '@teamseat/kafka';
import type { Logger } from '@teamseat/logger';
import { Gauge, type Registry } from '@teamseat/metrics';

/**
 * `kafka_consumer_lag{group,topic,partition}`: records each work group has not committed yet, read from the
 * broker when /metrics is scraped (an admin connection kept open; at most `timeoutMs` per scrape).
 * `kafka_consumer_lag_up` is 0 when the last read failed; the lag gauge then keeps no stale values.
 */
export function registerConsumerLag({
  kafka,
  registry,
  groups,
  logger,
  timeoutMs = 5_000,
}: {
  kafka: Kafka;
  registry: Registry;
  groups: ConsumedTopics[];
  logger: Logger;
  timeoutMs?: number;
}): { stop(): Promise<void> } {
  const log = logger.child({ module: 'consumer-lag' });
  let admin: Promise<Admin> | undefined;
  const connected = () =>
    (admin ??= (async () => {
      const client = kafka.admin();
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      admin = undefined;
      throw error;
    }));
  const up = new Gauge({
    name: 'kafka_consumer_lag_up',
    help: '1 when the last read of the consumer groups lag succeeded, else 0',
    registers: [registry],
  });
  new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Records written to a partition and not yet committed by the consumer group',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
    async collect() {
      this.reset();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const lags = await Promise.race([
          connected().then((client) => readConsumerLag(client, groups)),
          timeout,
        ]);
        for (const { groupId, topic, partition, lag } of lags) {
          this.set({ group: groupId, topic, partition: String(partition) }, lag);
        }
        up.set(1);
      } catch (error) {
        up.set(0);
        log.warn({ err: error }, 'could not read consumer lag');
      } finally {
        clearTimeout(timer);
      }
    },
  });
  return {
    async stop() {
      const client = await admin?.catch(() => undefined);
      admin = undefined;
      await client?.disconnect();
    },
  };
}
