import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '@teamseat/config';
import { loadCatalogFile } from '../../src/adapters/catalog-file';
import { configSchema, toOptions } from '../../src/config';
import { buildCatalog, entitlementIdFor, type EmulatorCatalog } from '../../src/domain/catalog';
import { SAMPLE_CATALOG } from '../../src/config';

const SAMPLE_FILE = path.join(__dirname, '../../../../config/catalog.sample.yaml');
const summary = (catalog: EmulatorCatalog) =>
  catalog.products.map(({ productId, playProductId, entitlements, type, periodMs }) => ({
    productId,
    playProductId,
    entitlements,
    type,
    periodMs,
  }));

function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'emulator-catalog-')), name);
  writeFileSync(file, text);
  return file;
}

describe('revenuecat-emulator catalog and configuration', () => {
  it("when the services' sample catalog file is loaded, then the emulator sells the same products as its built-in sample", () => {
    const fromFile = buildCatalog(loadCatalogFile(SAMPLE_FILE));
    expect(summary(fromFile)).to.deep.equal(summary(buildCatalog(SAMPLE_CATALOG)));
    const team = fromFile.findProduct('team_pro_monthly:monthly')!;
    expect(team).to.include({
      productId: 'team_pro_monthly',
      type: 'subscription',
      periodMs: 30 * 86_400_000,
    });
    expect(team.entitlements).to.deep.equal(['team_admin']);
    expect(team.team!.memberEntitlements).to.deep.equal(['pro']);
    expect(fromFile.findProduct('pro_monthly')!.entitlements).to.deep.equal(['pro']);
  });

  it('when a JSON catalog names v2 entitlement ids, then they are used; other lookup keys get stable derived ids', () => {
    const file = writeTemp(
      'catalog.json',
      JSON.stringify({
        products: [
          {
            productId: 'team_a',
            managementEntitlement: 'admin',
            memberEntitlements: ['member'],
            seats: 2,
            grantMode: 'lifetime',
            shrinkPolicy: 'block',
          },
        ],
        entitlements: [{ lookupKey: 'member', id: 'entl_member_1', displayName: 'Member' }],
      }),
    );
    const catalog = buildCatalog(loadCatalogFile(file));
    expect(catalog.entitlementByLookupKey('member')).to.deep.equal({
      id: 'entl_member_1',
      lookupKey: 'member',
      displayName: 'Member',
    });
    expect(catalog.entitlementByLookupKey('admin')!.id).to.equal(entitlementIdFor('admin'));
    expect(entitlementIdFor('admin')).to.match(/^entl[0-9a-f]{10}$/);
  });

  it('when the catalog file is wrong, then loading fails naming the field', () => {
    const file = writeTemp('bad.yaml', 'products:\n  - productId: x\n    seats: 0\n');
    expect(() => loadCatalogFile(file)).to.throw(/seats|managementEntitlement/);
  });

  it('when no variables are set, then the defaults describe a local emulator on 127.0.0.1:8090', () => {
    const options = toOptions(loadConfig(configSchema, {}));
    expect(options).to.deep.include({
      host: '127.0.0.1',
      port: 8090,
      apiKeys: ['sk_test_emulator'],
      nulls: 'include',
    });
    expect(options.webhooks).to.deep.include({
      urls: [],
      authorization: null,
      retryScale: 1,
      timeoutMs: 60_000,
    });
    expect(options.limits).to.deep.equal({ v1PerMinute: 0, v2CustomerInformationPerMinute: 480 });
    expect(options.faults).to.deep.include({ latencyMinMs: 0, errorRate: 0, forced429: 0 });
  });

  it('when variables are set, then they reach the options (lists, rates, latency range, clock start)', () => {
    const options = toOptions(
      loadConfig(configSchema, {
        EMULATOR_PORT: '0',
        EMULATOR_API_KEYS: 'a, b',
        WEBHOOK_URLS: 'http://127.0.0.1:1/x,http://127.0.0.1:2/y',
        WEBHOOK_AUTHORIZATION: 'Bearer s',
        WEBHOOK_RETRY_SCALE: '0.001',
        EMULATOR_FAULT_LATENCY_MS: '50-250',
        EMULATOR_FAULT_ERROR_STATUS: '503',
        EMULATOR_CLOCK_START: '2030-01-01T00:00:00Z',
        EMULATOR_CLOCK_FROZEN: 'true',
        EMULATOR_CONCURRENCY: 'off',
      }),
    );
    expect(options.apiKeys).to.deep.equal(['a', 'b']);
    expect(options.webhooks!.urls).to.have.length(2);
    expect(options.webhooks).to.deep.include({ authorization: 'Bearer s', retryScale: 0.001 });
    expect(options.faults).to.deep.include({ latencyMinMs: 50, latencyMaxMs: 250, errorStatus: 503 });
    expect(options.clock).to.deep.equal({ startMs: Date.UTC(2030, 0, 1), frozen: true });
    expect(options.concurrency).to.deep.equal({ mode: 'off', holdMs: 0 });
  });

  it('when several variables are wrong, then every problem is reported at once', () => {
    try {
      loadConfig(configSchema, {
        EMULATOR_PORT: 'x',
        WEBHOOK_DROP_RATE: '2',
        EMULATOR_FAULT_LATENCY_MS: 'slow',
      });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems)
        .to.match(/EMULATOR_PORT/)
        .and.match(/WEBHOOK_DROP_RATE/)
        .and.match(/EMULATOR_FAULT_LATENCY_MS/);
    }
  });
});
