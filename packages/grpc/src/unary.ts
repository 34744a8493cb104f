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
    const deadline = call.getDeadline();
    const deadlineMs = deadline instanceof Date ? deadline.getTime() : deadline;
    if (Number.isFinite(deadlineMs) && deadlineMs <= Date.now()) {
      const error = toGrpcError(new AppError('DEADLINE_EXCEEDED', 'deadline passed before the call started'));
      callback(error, null);
      return;
    }
    // The signal is made only for a handler that asks for it: an AbortController per call, and the
    // DOMException its abort creates when grpc-js reports the finished stream as cancelled, cost more
    // than the rest of a cached read (bench/entitlements).
    let controller: AbortController | undefined;
    let cancelled = false;
    let settled = false;
    call.once('cancelled', () => {
      if (settled) return;
      cancelled = true;
      controller?.abort();
    });
    const context = {
      deadline,
      metadata: call.metadata,
      get signal(): AbortSignal {
        if (!controller) {
          controller = new AbortController();
          if (cancelled) controller.abort();
        }
        return controller.signal;
      },
    };
    handler(call.request, context).then(
      (response) => {
        settled = true;
        callback(null, response);
      },
      (error: unknown) => {
        settled = true;
        callback(toGrpcError(toAppError(error)), null);
      },
    );
  };
}
