import { expect } from 'chai';
import { AppError, invalidArgument, toAppError } from '../../src';

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

  it('when something unknown is thrown, then it becomes INTERNAL and keeps its cause', () => {
    const cause = new TypeError('boom');
    const error = toAppError(cause);
    expect(error).to.include({ code: 'INTERNAL', message: 'boom', retriable: false });
    expect(error.cause).to.equal(cause);
  });
});
