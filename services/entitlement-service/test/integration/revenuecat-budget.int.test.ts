import { expect } from 'chai';
import { Metadata, status, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { reasonOf, type EntitlementServiceClient as Client } from '@teamseat/grpc';
import { waitFor } from '@teamseat/testing';
import { call, startHarness, type Harness } from '../support/service-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SyncAnswer {
  servedFromSnapshot: boolean;
  snapshotAgeMs: number;
}

/** A SyncCustomer call with a deadline, and the handle to cancel it. */
function syncCall(
  client: Client,
  request: { userId: string; force?: boolean },
  deadlineMs = 30_000,
): { done: Promise<SyncAnswer | ServiceError>; handle: ClientUnaryCall } {
  let handle!: ClientUnaryCall;
  const done = new Promise<SyncAnswer | ServiceError>((resolve) => {
    handle = client.SyncCustomer(
      request,
      new Metadata(),
      { deadline: Date.now() + deadlineMs },
      (error, answer) => resolve(error ?? (answer as unknown as SyncAnswer)),
    );
  });
  return { done, handle };
}

const isError = (value: unknown): value is ServiceError =>
  value instanceof Error && typeof (value as ServiceError).code === 'number';

describe('bounded RevenueCat work (gRPC against the emulator)', function () {
  this.timeout(90_000);
  let h: Harness | undefined;
  let n = 0;
  const user = (prefix: string) => `${prefix}-${Date.now()}-${++n}`;
  const start = async (env: Record<string, string>) => {
    h = await startHarness({ emulator: { clock: { startMs: Date.UTC(2033, 0, 1) } }, env, countCalls: true });
    return h;
  };
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('when SyncCustomer calls flood beyond the queue bound, then the excess gets RESOURCE_EXHAUSTED at once instead of hanging', async () => {
    const { client } = await start({ REVENUECAT_RATE_PER_SECOND: '2', SYNC_MAX_QUEUED_CALLS: '4' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => syncCall(client, { userId: user('flood') }, 10_000).done),
    );
    const errors = answers.filter(isError);
    expect(
      errors.filter((e) => e.code === status.DEADLINE_EXCEEDED),
      'no call hangs until its deadline',
    ).to.have.length(0);
    expect(errors.length, 'calls beyond the one running and the 4 queued').to.be.at.least(20);
    for (const error of errors) {
      expect(error.code).to.equal(status.RESOURCE_EXHAUSTED);
      expect(reasonOf(error)).to.equal('REVENUECAT_QUEUE_FULL');
      expect(error.details).to.match(/4 calls .*queued/);
    }
  });

  it('when a caller gives up (deadline or cancel) while its call waits for the limiter, then its RevenueCat request is never made', async () => {
    const { client, revenueCatCalls } = await start({ REVENUECAT_RATE_PER_SECOND: '0.5' });
    const busy = syncCall(client, { userId: user('busy') });
    await waitFor(() => revenueCatCalls!.calls.length === 1);
    const late = user('deadline');
    const cancelled = user('cancelled');
    const byDeadline = syncCall(client, { userId: late }, 300);
    const byCancel = syncCall(client, { userId: cancelled });
    await sleep(300);
    byCancel.handle.cancel();
    expect(((await byDeadline.done) as ServiceError).code).to.equal(status.DEADLINE_EXCEEDED);
    expect(((await byCancel.done) as ServiceError).code).to.equal(status.CANCELLED);
    await busy.done;
    // The limiter's next two slots (2 s apart) pass: a queued call would have been made by then.
    await sleep(4_500);
    expect(revenueCatCalls!.callsFor(late), 'the deadline-exceeded call').to.have.length(0);
    expect(revenueCatCalls!.callsFor(cancelled), 'the cancelled call').to.have.length(0);
  });

  it('when SyncCustomer calls flood the limiter, then a webhook for another user is served ahead of them', async () => {
    const harness = await start({
      REVENUECAT_RATE_PER_SECOND: '5',
      SYNC_MAX_QUEUED_CALLS: '100',
      SYNC_MAX_QUEUE_WAIT_MS: '60000',
    });
    const proxy = harness.revenueCatCalls!;
    // A first webhook, so the consumer has joined its group before the flood.
    const warm = user('warm');
    await harness.deliver(
      harness.emulator.service.storeAction('purchase', { appUserId: warm, productId: 'pro_monthly' }),
    );
    await waitFor(() => proxy.callsFor(warm).length > 0, { timeoutMs: 30_000 });

    const flood = Array.from({ length: 40 }, () =>
      syncCall(harness.client, { userId: user('flood') }, 60_000),
    );
    const buyer = user('buyer');
    const events = harness.emulator.service.storeAction('purchase', {
      appUserId: buyer,
      productId: 'pro_monthly',
    });
    await waitFor(() => proxy.calls.length > 2 + 1);
    const before = proxy.calls.length;
    await harness.deliver(events);
    await waitFor(() => proxy.callsFor(buyer).length > 0, { timeoutMs: 30_000 });
    const position = proxy.calls.findIndex((c) => c.path.includes(buyer));
    await Promise.all(flood.map((f) => f.done));
    expect(
      position - before,
      'RevenueCat calls made between the webhook and its own read (40 syncs were waiting)',
    ).to.be.below(15);
  });

  it('when SyncCustomer runs again within SYNC_FRESH_FOR_MS, then it answers from the snapshot without calling RevenueCat, unless forced', async () => {
    const { client, revenueCatCalls, emulator } = await start({ SYNC_FRESH_FOR_MS: '60000' });
    const id = user('fresh');
    emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    const first = await call<SyncAnswer>(client, 'SyncCustomer', { userId: id });
    expect(revenueCatCalls!.callsFor(id)).to.have.length(1);

    const second = await call<SyncAnswer & { entitlements: Array<{ entitlement: string }> }>(
      client,
      'SyncCustomer',
      { userId: id },
    );
    expect(revenueCatCalls!.callsFor(id), 'no call for the fresh snapshot').to.have.length(1);
    expect(first.servedFromSnapshot).to.equal(false);
    expect(second.servedFromSnapshot).to.equal(true);
    expect(second.snapshotAgeMs).to.be.within(0, 60_000);
    expect(second.entitlements.map((e) => e.entitlement)).to.deep.equal(['pro']);

    const forced = await call<SyncAnswer>(client, 'SyncCustomer', { userId: id, force: true });
    expect(forced.servedFromSnapshot).to.equal(false);
    expect(revenueCatCalls!.callsFor(id), 'force reads RevenueCat again').to.have.length(2);
  });
});
