import { expect } from 'chai';
import mongoose, { mongo } from 'mongoose';
import { AppError } from '@teamseat/errors';
import {
  DATABASE_UNAVAILABLE,
  classifyDatabaseErrors,
  databaseError,
} from '../../src/adapters/database/database-errors';

/** What the driver's server selection reports with its error: the topology it saw (here: nothing). */
const emptyTopology = { type: 'Unknown', servers: new Map(), error: null } as never;

function serverError(code: number, labels: string[] = []): mongo.MongoServerError {
  return new mongo.MongoServerError({ message: `server error ${code}`, code, errorLabels: labels });
}

describe('database errors', () => {
  const transient: Array<[string, unknown]> = [
    ['a network error', new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017')],
    ['a network timeout', new mongo.MongoNetworkTimeoutError('connection 3 to 127.0.0.1:27017 timed out')],
    [
      'a server selection timeout',
      new mongo.MongoServerSelectionError('Server selection timed out after 500 ms', emptyTopology),
    ],
    ["mongoose's server selection error", new mongoose.Error.MongooseServerSelectionError('timed out')],
    [
      'a write concern error',
      new mongo.MongoWriteConcernError({
        writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
      } as never),
    ],
    ['a closed client', new mongo.MongoTopologyClosedError()],
    ['a client not connected', new mongo.MongoNotConnectedError('client must be connected')],
    ['a server error labelled RetryableWriteError', serverError(8000, ['RetryableWriteError'])],
    ['a server error labelled ResumableChangeStreamError', serverError(8000, ['ResumableChangeStreamError'])],
    ['a primary stepping down', serverError(189)],
    ['a server shutting down', serverError(91)],
  ];
  for (const [what, error] of transient) {
    it(`when the driver throws ${what}, then it is UNAVAILABLE, retriable, and the message names no host`, () => {
      const mapped = databaseError('customers.load', error) as AppError;
      expect(mapped).to.be.instanceOf(AppError);
      expect(mapped).to.include({ code: 'UNAVAILABLE', reason: DATABASE_UNAVAILABLE, retriable: true });
      expect(mapped.message).to.equal('database: customers.load failed; try again');
      expect(mapped.cause).to.equal(error);
    });
  }

  it('when the server refuses a duplicate key or a bad query, then the error passes through untouched (an answer, or a bug)', () => {
    const duplicate = serverError(11000);
    const badQuery = serverError(2);
    const bug = new TypeError('x is undefined');
    expect(databaseError('op', duplicate)).to.equal(duplicate);
    expect(databaseError('op', badQuery)).to.equal(badQuery);
    expect(databaseError('op', bug)).to.equal(bug);
  });

  it('when a repository method fails, then the wrapper maps the failure and keeps results and other errors', async () => {
    const duplicate = serverError(11000);
    const repository = classifyDatabaseErrors('leases', {
      async acquire(): Promise<boolean> {
        throw new mongo.MongoNetworkError('socket hang up');
      },
      async release(): Promise<void> {
        throw duplicate;
      },
      async held(): Promise<string> {
        return 'yes';
      },
    });
    const failed = await repository.acquire().catch((e: unknown) => e);
    expect(failed).to.include({ reason: DATABASE_UNAVAILABLE, retriable: true });
    expect((failed as Error).message).to.contain('leases.acquire');
    expect(await repository.release().catch((e: unknown) => e)).to.equal(duplicate);
    expect(await repository.held()).to.equal('yes');
  });
});
