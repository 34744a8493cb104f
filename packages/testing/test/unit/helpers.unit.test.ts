import { expect } from 'chai';
import { parseStackEnv, randomDatabaseUri, randomName, waitFor } from '@teamseat/testing';

describe('test helpers', () => {
  it('when two random names are made with one prefix, then both start with it and differ', () => {
    const a = randomName('orders');
    const b = randomName('orders');

    expect(a).to.match(/^orders-[a-z0-9]+-[0-9a-f]{8}$/);
    expect(a).to.not.equal(b);
  });

  it('when a URI has a database and options, then only the database is replaced', () => {
    const uri = randomDatabaseUri('mongodb://h1:27017,h2:27018/app?replicaSet=rs0&w=majority');

    expect(uri).to.match(
      /^mongodb:\/\/h1:27017,h2:27018\/test_[a-z0-9]+_[0-9a-f]{8}\?replicaSet=rs0&w=majority$/,
    );
  });

  it('when a URI has no path, then a database path is added', () => {
    expect(randomDatabaseUri('mongodb://127.0.0.1:27017')).to.match(
      /^mongodb:\/\/127\.0\.0\.1:27017\/test_\w+$/,
    );
  });

  it('when the predicate turns truthy, then waitFor resolves with its value', async () => {
    let calls = 0;

    const value = await waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), { intervalMs: 1 });

    expect(value).to.equal('after 3');
  });

  it('when the predicate never turns truthy, then waitFor rejects naming the condition and last error', async () => {
    const error = await waitFor(
      () => {
        throw new Error('not yet');
      },
      { timeoutMs: 30, intervalMs: 5, description: 'the answer' },
    ).then(
      () => undefined,
      (e: unknown) => e as Error,
    );

    expect(error?.message).to.match(/timed out after 30 ms waiting for the answer \(last error: not yet\)/);
  });

  it('when stack.env has comments and blank lines, then only KEY=value lines are read', () => {
    const values = parseStackEnv(
      '# endpoints\nKAFKA_BROKERS=127.0.0.1:9092\n\nMONGODB_URI=mongodb://127.0.0.1:27017\n',
    );

    expect(values).to.deep.equal({
      KAFKA_BROKERS: '127.0.0.1:9092',
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
    });
  });
});
