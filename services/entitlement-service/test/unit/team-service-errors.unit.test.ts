import { expect } from 'chai';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import {
  TEAM_SERVICE_UNAUTHENTICATED,
  teamServiceError,
} from '../../src/adapters/team-service/team-service-errors';
import { TEAM_SERVICE_UNAVAILABLE } from '../../src/application/ports';

/** A failed call as grpc-js hands it to the callback. */
function serviceError(code: status, details: string, reason?: string): ServiceError {
  const metadata = new Metadata();
  if (reason) metadata.set('error-reason', reason);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata });
}

describe('team-service errors', () => {
  for (const code of [
    status.UNAVAILABLE,
    status.DEADLINE_EXCEEDED,
    status.RESOURCE_EXHAUSTED,
    status.INTERNAL,
    status.UNKNOWN,
    status.CANCELLED,
    status.ABORTED,
    status.UNIMPLEMENTED,
    status.DATA_LOSS,
  ]) {
    it(`when team-service answers ${status[code]}, then the failure is retriable and the caller sees UNAVAILABLE`, () => {
      const error = teamServiceError('GetTeam', serviceError(code, 'something failed'));
      expect(error).to.include({ code: 'UNAVAILABLE', reason: TEAM_SERVICE_UNAVAILABLE, retriable: true });
    });
  }

  it('when team-service refuses our token (UNAUTHENTICATED), then the failure is retriable with its own reason, never a rejection', () => {
    const error = teamServiceError(
      'ApplySubscriptionState',
      serviceError(status.UNAUTHENTICATED, 'invalid token'),
    );
    expect(error).to.include({ code: 'UNAVAILABLE', reason: TEAM_SERVICE_UNAUTHENTICATED, retriable: true });
    expect(error.message).to.contain('ApplySubscriptionState');
  });

  for (const [code, appCode] of [
    [status.NOT_FOUND, 'NOT_FOUND'],
    [status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    [status.PERMISSION_DENIED, 'PERMISSION_DENIED'],
    [status.ALREADY_EXISTS, 'ALREADY_EXISTS'],
    [status.FAILED_PRECONDITION, 'FAILED_PRECONDITION'],
  ] as const) {
    it(`when team-service answers ${status[code]}, then it is an answer to surface, not retried, with team-service's reason`, () => {
      const error = teamServiceError('TransferOwnership', serviceError(code, 'no', 'TEAM_EXISTS'));
      expect(error).to.include({ code: appCode, reason: 'TEAM_EXISTS', retriable: false });
    });
  }
});
