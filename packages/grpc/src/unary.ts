import type { Metadata, sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { toAppError, AppError } from '@teamseat/errors';
import { toGrpcError } from './status-details';

/**
 * Adapts an async `(request, context) => response` function to grpc-js' callback style: every thrown error
 * is mapped to a gRPC status once, here, and a call whose deadline already passed is not started.
 */
export function unary<Req, Res>(
  handler: (
    request: Req,
    context: { deadline: Date | number; signal: AbortSignal; metadata: Metadata },
  ) => Promise<Res>,
) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort());
    const deadline = call.getDeadline();
    const deadlineMs = deadline instanceof Date ? deadline.getTime() : deadline;
    if (Number.isFinite(deadlineMs) && deadlineMs <= Date.now()) {
      const error = toGrpcError(new AppError('DEADLINE_EXCEEDED', 'deadline passed before the call started'));
      callback(error, null);
      return;
    }
    handler(call.request, { deadline, signal: controller.signal, metadata: call.metadata }).then(
      (response) => callback(null, response),
      (error: unknown) => callback(toGrpcError(toAppError(error)), null),
    );
  };
}
