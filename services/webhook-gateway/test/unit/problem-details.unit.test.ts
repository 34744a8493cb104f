import { expect } from 'chai';
import { AppError, invalidArgument } from '@teamseat/errors';
import { HTTP_REASONS, toProblemDetails } from '../../src/entry-points/http/problem-details';
import { traceparentFor } from '../../src/entry-points/http/trace-context';

describe('problem details', () => {
  it('when an invalid argument names a field, then the problem carries status 400, the message and the field', () => {
    expect(toProblemDetails(invalidArgument('event.id', 'must be a non-empty string'))).to.deep.equal({
      type: 'urn:teamseat:problem:invalid-argument',
      title: 'Bad Request',
      status: 400,
      detail: 'event.id: must be a non-empty string',
      code: 'INVALID_ARGUMENT',
      reason: 'INVALID_ARGUMENT',
      field: 'event.id',
    });
  });

  it('when an HTTP-only reason is set, then it decides the status', () => {
    const status = (reason: string) =>
      toProblemDetails(new AppError('INVALID_ARGUMENT', 'x', { reason })).status;
    expect(status(HTTP_REASONS.methodNotAllowed)).to.equal(405);
    expect(status(HTTP_REASONS.payloadTooLarge)).to.equal(413);
    expect(status(HTTP_REASONS.unsupportedMediaType)).to.equal(415);
  });

  it('when the error is internal, then its message stays out of the response', () => {
    const problem = toProblemDetails(new AppError('INTERNAL', 'secret stack detail'));
    expect(problem.status).to.equal(500);
    expect(problem.detail).not.to.contain('secret');
  });
});

describe('traceparent', () => {
  it('when the incoming header is a valid version-00 traceparent, then it is kept', () => {
    const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    expect(traceparentFor(header)).to.equal(header);
  });

  it('when it is absent, malformed or all-zero, then a fresh sampled one is made', () => {
    for (const header of [undefined, 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      const made = traceparentFor(header);
      expect(made).to.match(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(made).not.to.equal(header);
    }
  });
});
