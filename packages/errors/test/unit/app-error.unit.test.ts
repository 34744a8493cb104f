import { expect } from 'chai';
import { AppError, UNCLASSIFIED, invalidArgument, toAppError } from '../../src';

describe('AppError', () => {
  it('when created without options, then the reason is the code and only transient codes are retriable', () => {
    expect(new AppError('NOT_FOUND', 'x')).to.include({ reason: 'NOT_FOUND', retriable: false });
    expect(new AppError('UNAVAILABLE', 'x')).to.include({ retriable: true });
  });

  it('when a field is invalid, then the message and details name the field', () => {
    const error = invalidArgument('user_id', 'must not be empty');
    expect(error.message).to.equal('user_id: must not be empty');
    expect(error.details).to.deep.equal({ field: 'user_id' });
  });

  it('when something unknown is thrown, then it becomes a retriable INTERNAL error that keeps its cause', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:27017');
    const error = toAppError(cause);
    expect(error).to.include({ code: 'INTERNAL', reason: UNCLASSIFIED, retriable: true });
    expect(error.message).to.equal('connect ECONNREFUSED 127.0.0.1:27017');
    expect(error.cause).to.equal(cause);
    expect(toAppError('a string').retriable).to.equal(true);
  });

  it('when an AppError is thrown, then it is kept as it is, retriable or not', () => {
    const rejected = invalidArgument('user_id', 'must not be empty');
    expect(toAppError(rejected)).to.equal(rejected);
    expect(toAppError(rejected).retriable).to.equal(false);
  });
});
