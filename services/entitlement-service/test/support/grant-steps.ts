import type { Team__Output } from '@teamseat/grpc';
import { createKafka } from '@teamseat/kafka';
import { waitFor } from '@teamseat/testing';
import type { E2eStack } from './e2e-harness';
import { metricSum } from './metrics';
import { call, RC_KEY, testLogger } from './service-harness';

/** One report row as GetTeamAccessReport sends it (the fields these tests read). */
export interface ReportRow {
  userId: string;
  entitlement: string;
  state: string;
  desired: { lifetime?: boolean; at?: { seconds: string } } | null;
  confirmed: { lifetime?: boolean; at?: { seconds: string } } | null;
  otherPromotional: { lifetime?: boolean; at?: { seconds: string } } | null;
  store: { lifetime?: boolean; at?: { seconds: string } } | null;
  lastError: string;
}

/** A team of a given line (management entitlement), once the predicate holds. */
export function waitForLineTeam(
  stack: E2eStack,
  subscriber: string,
  managementEntitlement: string,
  predicate: (team: Team__Output) => boolean = () => true,
): Promise<Team__Output> {
  return waitFor(
    async () => {
      try {
        const { team } = await call<{ team: Team__Output }>(stack.teams as never, 'GetTeam', {
          key: { subscriberUserId: subscriber, managementEntitlement },
        });
        return predicate(team) ? team : undefined;
      } catch (error) {
        if ((error as { code?: number }).code === 5) return undefined;
        throw error;
      }
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

export async function reportRow(stack: E2eStack, teamId: string, userId: string, entitlement = 'pro') {
  const { report } = await call<{ report: { grants: ReportRow[] } }>(
    stack.ent as never,
    'GetTeamAccessReport',
    {
      teamId,
    },
  );
  return report.grants.find((row) => row.userId === userId && row.entitlement === entitlement);
}

/** The member's report row once its grant has been tried (no longer pending): in sync, failed... */
export function settledRow(stack: E2eStack, teamId: string, userId: string): Promise<ReportRow> {
  return waitFor(
    async () => {
      const row = await reportRow(stack, teamId, userId);
      return row && row.state !== 'GRANT_STATE_GRANT_PENDING' ? row : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

/** A promotional grant made past teamseat, as an app's own backend or RevenueCat's dashboard would. */
export async function grantOutsideTeamseat(
  stack: E2eStack,
  userId: string,
  body: object,
  entitlement = 'pro',
) {
  const url = `${stack.emulator.url}/v1/subscribers/${encodeURIComponent(userId)}/entitlements/${entitlement}/promotional`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${RC_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`grant answered ${response.status}: ${await response.text()}`);
}

/** The user's promotional grants of an entitlement in the emulator, every one ever made. */
export function promotionalGrants(stack: E2eStack, userId: string, entitlement = 'pro') {
  return (stack.emulator.customers.get(userId)?.grants ?? []).filter((g) => g.entitlement === entitlement);
}

export const revenuecatCalls = (stack: E2eStack, operation: string) =>
  metricSum(stack.service.registry, 'revenuecat_calls_total', { operation });

/**
 * Runs a team-service command and waits until the grant-terms facts it caused have been produced and
 * entitlement-service has handled and committed every one of them.
 */
export async function andFactsHandled<T>(stack: E2eStack, command: () => Promise<T>): Promise<T> {
  const kafka = createKafka({
    brokers: stack.config.KAFKA_BROKERS,
    clientId: 'facts-observer',
    logger: testLogger(),
  });
  const admin = kafka.admin();
  await admin.connect();
  const topic = stack.topics.memberGrants;
  const groupId = `${stack.config.CONSUMER_GROUP_ID}.member-grants`;
  const total = async () => (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  try {
    const before = await total();
    const result = await command();
    await waitFor(async () => ((await total()) > before ? true : undefined), {
      timeoutMs: 20_000,
      intervalMs: 100,
    });
    await waitFor(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
        const done = ends.every(
          (end) => Number(end.high) === 0 || (at.get(end.partition) ?? -1) >= Number(end.high),
        );
        return done ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    return result;
  } finally {
    await admin.disconnect();
  }
}
