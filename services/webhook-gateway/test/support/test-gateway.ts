import supertest from 'supertest';
import { Kafka } from '@teamseat/kafka';
import { createLogger } from '@teamseat/logger';
import { waitFor } from '@teamseat/testing';
import { loadGatewayConfig } from '../../src/config';
import { startGateway, type RunningGateway } from '../../src/gateway';
import { VALID_AUTHORIZATION } from './webhook-fixtures';

export interface TestGateway {
  url: string;
  adminUrl: string;
  request: ReturnType<typeof supertest>;
  gateway: RunningGateway;
  /** Runs the real shutdown steps (as SIGTERM would) without exiting the test process. */
  stop(): Promise<void>;
}

/**
 * The real composition (startGateway) on ports chosen by the OS, against real Kafka, waiting until
 * /readyz says ready. `env` overrides the gateway's environment variables.
 */
export async function startTestGateway({
  brokers,
  topic,
  env = {},
  waitUntilReady = true,
}: {
  brokers: string[];
  topic: string;
  env?: Record<string, string>;
  waitUntilReady?: boolean;
}): Promise<TestGateway> {
  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_PORT: '0',
    KAFKA_BROKERS: brokers.join(','),
    WEBHOOK_TOPIC: topic,
    WEBHOOK_AUTHORIZATION: VALID_AUTHORIZATION,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const logger = createLogger({ service: 'webhook-gateway-test', level: config.LOG_LEVEL });
  const gateway = await startGateway({ config, logger });
  const url = `http://127.0.0.1:${gateway.port}`;
  const adminUrl = `http://127.0.0.1:${gateway.adminPort}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const step of gateway.shutdownSteps) await step.run();
  };
  if (waitUntilReady) {
    await waitFor(async () => (await fetch(`${adminUrl}/readyz`)).status === 200, {
      timeoutMs: 30_000,
      description: 'the gateway to report ready',
    }).catch(async (error: unknown) => {
      await stop();
      throw error;
    });
  }
  return { url, adminUrl, request: supertest(url), gateway, stop };
}

/** How many records the topic holds: the sum of its partitions' high watermarks. */
export async function recordCount(brokers: string[], topic: string): Promise<number> {
  const admin = new Kafka({ brokers, clientId: 'webhook-gateway-test-admin', logLevel: 0 }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

export async function metricsText(gateway: TestGateway): Promise<string> {
  return (await fetch(`${gateway.adminUrl}/metrics`)).text();
}

export { VALID_AUTHORIZATION };
