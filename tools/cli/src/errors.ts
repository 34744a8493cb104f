import { status, type Metadata } from '@grpc/grpc-js';

/** An error meant for the person at the terminal: its message is printed as it is, on one line. */
export class CliError extends Error {
  override name = 'CliError';
}

interface GrpcError {
  code: number;
  details: string;
  metadata?: Metadata;
}

const isGrpcError = (error: unknown): error is GrpcError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as GrpcError).code === 'number' &&
  typeof (error as GrpcError).details === 'string';

/** grpc-js' message for a channel that never connected ("No connection established. Last error: ..."). */
const NOT_CONNECTED = /No connection established|failed to connect|Name resolution failed|ECONNREFUSED/i;

/**
 * A failed call as one line naming the service, its address, the status, the reason the service sent
 * (`error-reason` trailer) and its message, which names the field or the rule.
 */
export function grpcFailure(
  error: unknown,
  target: { name: string; address: string; addressFrom: string },
): Error {
  if (!isGrpcError(error)) return error instanceof Error ? error : new Error(String(error));
  const details = error.details
    .replace(/\s*Resolution note:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (
    (error.code === status.UNAVAILABLE && NOT_CONNECTED.test(details)) ||
    (error.code === status.DEADLINE_EXCEEDED && /waiting for|connect/i.test(details))
  )
    return new CliError(
      `cannot reach ${target.name} at ${target.address} (${details}); set ${target.addressFrom}`,
    );
  const reason = error.metadata?.get('error-reason')[0]?.toString();
  const code = status[error.code] ?? String(error.code);
  return new CliError(
    `${target.name} at ${target.address} answered ${code}${reason && reason !== code ? ` ${reason}` : ''}: ${details}`,
  );
}

/** Anything thrown, as the one line the CLI prints. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, '; ').trim();
}
