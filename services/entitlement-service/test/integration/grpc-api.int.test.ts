import { expect } from 'chai';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { reasonOf, type EntitlementServiceClient as Client } from '@teamseat/grpc';
import { waitFor } from '@teamseat/testing';
import { SERVICE_NAME } from '../../src/entitlement-service';
import { EntitlementServiceClient } from '../support/protos';
import { healthStatus } from '@teamseat/testing';
import { call, startHarness, type Harness } from '../support/service-harness';

interface Entitlement {
  entitlement: string;
  active: boolean;
  lifetime: boolean;
  expiresAt: { seconds: string } | null;
  sources: Array<{ kind: string }>;
}

describe('gRPC API (team-service not running)', function () {
  this.timeout(60_000);
  let h: Harness;
  let n = 0;
  const user = () => `api-user-${Date.now()}-${++n}`;

  before(async () => {
    h = await startHarness({ emulator: { clock: { startMs: Date.UTC(2033, 0, 1) } } });
  });
  after(async () => h.stop());

  it('when the health service is asked, then the server and the service are SERVING', async () => {
    const address = `127.0.0.1:${h.service.port}`;
    expect(await healthStatus(address)).to.equal('SERVING');
    expect(await healthStatus(address, SERVICE_NAME)).to.equal('SERVING');
  });

  it('when a call has no token, then it is refused with UNAUTHENTICATED', async () => {
    const anonymous = new (EntitlementServiceClient as never as new (a: string, c: unknown) => Client)(
      `127.0.0.1:${h.service.port}`,
      credentials.createInsecure(),
    );
    const error = (await call(anonymous, 'CheckAccess', { userId: 'u', entitlement: 'pro' }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    anonymous.close();
    expect(error.code).to.equal(status.UNAUTHENTICATED);
  });

  it('when user_id is empty, then INVALID_ARGUMENT names the field', async () => {
    const error = (await call(h.client, 'CheckAccess', { userId: ' ', entitlement: 'pro' }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(error.code).to.equal(status.INVALID_ARGUMENT);
    expect(error.details).to.contain('user_id');
    expect(reasonOf(error)).to.equal('INVALID_ARGUMENT');
  });

  it('when user_id has a control character, then INVALID_ARGUMENT names the field and the problem', async () => {
    const error = (await call(h.client, 'CheckAccess', { userId: 'ada\u0000', entitlement: 'pro' }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(error.code).to.equal(status.INVALID_ARGUMENT);
    expect(error.details).to.equal('user_id: must not contain control characters');
  });

  for (const [request, field] of [
    [{ teamId: '', userId: 'ada' }, 'team_id'],
    [{ teamId: 't1', userId: '' }, 'user_id'],
    [{ teamId: 't1', userId: 'ada', minTeamVersion: '-1' }, 'min_team_version'],
  ] as const) {
    it(`when GetMemberAccess has a bad ${field}, then INVALID_ARGUMENT names it before team-service is asked`, async () => {
      const error = (await call(h.client, 'GetMemberAccess', request).catch(
        (e: unknown) => e,
      )) as ServiceError;
      expect(error.code).to.equal(status.INVALID_ARGUMENT);
      expect(error.details).to.match(new RegExp(`^${field}: `));
    });
  }

  it('when a watch names a team id that is too long, then the stream ends with INVALID_ARGUMENT naming team_id', async () => {
    const stream = h.client.WatchEntitlementChanges({ teamId: 'x'.repeat(1_501) });
    stream.on('data', () => undefined);
    const error = await new Promise<ServiceError>((resolve) => stream.on('error', resolve));
    expect(error.code).to.equal(status.INVALID_ARGUMENT);
    expect(error.details).to.match(/^team_id: /);
  });

  it('when an unknown user is asked about, then access is inactive with no source', async () => {
    const answer = await call<{ active: boolean; source: { kind: string }; syncedAt: unknown }>(
      h.client,
      'CheckAccess',
      {
        userId: user(),
        entitlement: 'pro',
      },
    );
    expect(answer).to.include({ active: false });
    expect(answer.source.kind).to.equal('SOURCE_KIND_NONE');
    expect(answer.syncedAt).to.equal(null);
  });

  it('when SyncCustomer of a personal purchase runs while team-service is down, then it answers without team-service', async () => {
    const id = user();
    h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' });
    await call(h.client, 'SyncCustomer', { userId: id });
    const list = await call<{ entitlements: Entitlement[] }>(h.client, 'ListEntitlements', { userId: id });
    expect(list.entitlements.map((e) => [e.entitlement, e.active])).to.deep.equal([['pro', true]]);
  });

  it('when SyncCustomer of a team purchase runs while team-service is down, then the snapshot is stored and the error says so', async () => {
    const id = user();
    h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'team_pro_monthly' });
    const error = (await call(h.client, 'SyncCustomer', { userId: id }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(error.code).to.equal(status.UNAVAILABLE);
    expect(reasonOf(error)).to.equal('TEAM_SERVICE_UNAVAILABLE');
    expect(error.details).to.contain('snapshot was stored');
    const list = await call<{ entitlements: Entitlement[] }>(h.client, 'ListEntitlements', { userId: id });
    const admin = list.entitlements.find((e) => e.entitlement === 'team_admin');
    expect(admin?.active, 'the management entitlement from the stored snapshot').to.equal(true);
    expect(admin!.sources.map((s) => s.kind)).to.deep.equal(['SOURCE_KIND_STORE']);
  });

  it('when a change is published for a watched user, then the stream delivers it', async () => {
    const id = user();
    const stream = h.client.WatchEntitlementChanges({ userIds: [id], entitlements: [] });
    const received: Array<{
      change: { userId: string; entitlement: string; active: boolean; cause: string };
    }> = [];
    stream.on('data', (item) => received.push(item as never));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.deliver(h.emulator.service.storeAction('purchase', { appUserId: id, productId: 'pro_monthly' }));
    await waitFor(() => received.length > 0, { timeoutMs: 15_000 });
    stream.cancel();
    expect(received[0]!.change).to.include({
      userId: id,
      entitlement: 'pro',
      active: true,
      cause: 'CHANGE_CAUSE_WEBHOOK',
    });
  });
});
