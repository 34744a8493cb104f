import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger } from '@teamseat/logger';
import { startInMemoryTracing, waitFor, type InMemoryTracing } from '@teamseat/testing';
import { SpanKind, tracerFor, withSpan } from '@teamseat/telemetry';
import { startStack, type E2eStack } from '../support/e2e-harness';
import { newUser, storeAction, waitForTeam } from '../support/e2e-steps';

type Span = ReturnType<InMemoryTracing['spans']>[number];

const describeSpan = (s: Span) => `${SpanKind[s.kind]} ${s.name} (${s.instrumentationScope.name})`;

describe('tracing end to end: one webhook, one trace (emulator → gateway → Kafka → entitlement-service ↔ team-service)', function () {
  this.timeout(120_000);
  let tracing: InMemoryTracing;
  let stack: E2eStack;

  before(async () => {
    // Registered before the stack starts, as the SDK is in each service's main.ts when OTEL_* asks for it.
    tracing = startInMemoryTracing();
    stack = await startStack();
  });
  after(async () => {
    await stack?.stop();
    await tracing?.stop();
  });

  it('when a manager buys a team plan, then its webhook makes one trace with spans of the gateway, entitlement-service, team-service and RevenueCat calls', async () => {
    const owner = newUser('owner');
    storeAction(stack, 'purchase', { appUserId: owner, productId: 'team_large_monthly' });
    await waitForTeam(stack, owner);

    const received = await waitFor(
      () =>
        tracing
          .spans()
          .find(
            (s) =>
              s.instrumentationScope.name === 'webhook-gateway' &&
              s.attributes['revenuecat.event.type'] === 'INITIAL_PURCHASE' &&
              tracing
                .spans()
                .some(
                  (c) => c.spanContext().traceId === s.spanContext().traceId && c.kind === SpanKind.CONSUMER,
                ),
          ),
      { timeoutMs: 20_000, description: 'the gateway span of the purchase webhook and its consumer span' },
    );
    const { traceId } = received.spanContext();
    const inTrace = () => tracing.spans().filter((s) => s.spanContext().traceId === traceId);
    // team-service's answer reaches entitlement-service before the spans that wrap it end: wait for them all.
    const trace = await waitFor(
      () => {
        const spans = inTrace();
        return spans.some(
          (s) => s.kind === SpanKind.SERVER && s.attributes['rpc.service'] === 'teamseat.team.v1.TeamService',
        ) && spans.some((s) => s.name.startsWith('RevenueCat '))
          ? spans
          : undefined;
      },
      { timeoutMs: 20_000, description: 'team-service and RevenueCat spans in the webhook trace' },
    );
    const names = trace.map(describeSpan);

    expect(received.kind, 'the gateway span').to.equal(SpanKind.SERVER);
    expect(names).to.include(`CONSUMER process ${stack.topics.webhooks} (entitlement-service)`);
    expect(
      names.some((n) => /^CLIENT \/teamseat\.team\.v1\.TeamService\/\w+ \(teamseat-grpc\)$/.test(n)),
      names.join('\n'),
    ).to.equal(true);
    expect(
      names.some((n) => /^SERVER \/teamseat\.team\.v1\.TeamService\/\w+ \(teamseat-grpc\)$/.test(n)),
      names.join('\n'),
    ).to.equal(true);
    expect(
      names.some((n) => /^CLIENT RevenueCat \w+ \(entitlement-service\)$/.test(n)),
      names.join('\n'),
    ).to.equal(true);
    // One tree: every span but the gateway's has its parent in the trace.
    const ids = new Set(trace.map((s) => s.spanContext().spanId));
    const orphans = trace.filter((s) => s !== received && !ids.has(s.parentSpanContext?.spanId ?? ''));
    expect(orphans.map(describeSpan)).to.deep.equal([]);
  });

  it('when a line is logged inside a span, then it names the trace and the span', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ service: 'tracing-test', destination });

    const ids = await withSpan(
      tracerFor('tracing-test'),
      'work',
      { kind: SpanKind.INTERNAL },
      async (span) => {
        logger.info('inside');
        return span.spanContext();
      },
    );
    logger.info('outside');

    const [inside, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside).to.include({ trace_id: ids.traceId, span_id: ids.spanId });
    expect(outside).to.not.have.property('trace_id');
  });
});
