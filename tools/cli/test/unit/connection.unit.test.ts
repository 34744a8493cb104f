import { expect } from 'chai';
import { resolveConnection } from '../../src/connection';
import { plain } from '../../src/output';

describe('CLI connection settings and JSON output (pure)', () => {
  it('when nothing is set, then the local defaults apply and no token is invented', () => {
    const c = resolveConnection({}, {});
    expect(c.teamService).to.include({ address: '127.0.0.1:50051', token: undefined });
    expect(c.entitlementService).to.include({ address: '127.0.0.1:50052', token: undefined });
    expect(c.kafkaBrokers).to.deep.equal(['127.0.0.1:9092']);
    expect(c.timeoutMs).to.equal(10_000);
  });

  it("when flags and the services' variables are both set, then flags win, then per-service variables, then TEAMSEAT_TOKEN", () => {
    const env = {
      TEAM_SERVICE_ADDR: 'team:1',
      ENTITLEMENT_SERVICE_ADDR: 'ent:2',
      TEAM_SERVICE_TOKEN: 'team-token',
      TEAMSEAT_TOKEN: 'shared',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
    };
    const fromEnv = resolveConnection({}, env);
    expect(fromEnv.teamService).to.include({ address: 'team:1', token: 'team-token' });
    expect(fromEnv.entitlementService).to.include({ address: 'ent:2', token: 'shared' });
    expect(fromEnv.kafkaBrokers).to.deep.equal(['k1:9092', 'k2:9092']);
    const fromFlags = resolveConnection({ teamService: 'flag:3', token: 'flag-token', timeout: '500' }, env);
    expect(fromFlags.teamService).to.include({ address: 'flag:3', token: 'flag-token' });
    expect(fromFlags.timeoutMs).to.equal(500);
  });

  it('when the timeout is not a positive integer, then the error names --timeout', () => {
    expect(() => resolveConnection({ timeout: 'soon' }, {})).to.throw(
      /^--timeout: must be a positive number/,
    );
  });

  it('when a response holds timestamps, then JSON shows them as ISO strings', () => {
    expect(
      plain({ at: { seconds: '1700000000', nanos: 5_000_000 }, list: [{ seconds: 0, nanos: 0 }], n: 1 }),
    ).to.deep.equal({
      at: '2023-11-14T22:13:20.005Z',
      list: ['1970-01-01T00:00:00.000Z'],
      n: 1,
    });
  });
});
