import { timingSafeEqual } from 'node:crypto';
import { ServerInterceptingCall, status, type ServerInterceptor, type Metadata } from '@grpc/grpc-js';
import type { Logger } from '@teamseat/logger';
import { Counter, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';

/** Probes and tooling must work without a token (Kubernetes' gRPC probes send none). */
const PUBLIC_PREFIXES = ['/grpc.health.v1.', '/grpc.reflection.'];
const isPublic = (path: string) => PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));

function tokenMatches(presented: string, tokens: Buffer[]): boolean {
  const candidate = Buffer.from(presented);
  let match = false;
  for (const token of tokens) {
    // Compare against every token, always, so timing says nothing about which one is close.
    if (token.length === candidate.length && timingSafeEqual(token, candidate)) match = true;
  }
  return match;
}

function bearerToken(metadata: Metadata): string | undefined {
  const value = metadata.get('authorization')[0]?.toString();
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}

/** Refuses calls without one of the configured bearer tokens (INTERNAL_AUTH_TOKENS) with UNAUTHENTICATED. */
export function createAuthInterceptor(tokens: string[]): ServerInterceptor {
  const buffers = tokens.map((token) => Buffer.from(token));
  return (descriptor, call) =>
    new ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            if (isPublic(descriptor.path)) return nextMetadata(metadata);
            const token = bearerToken(metadata);
            if (token === undefined) {
              call.sendStatus({
                code: status.UNAUTHENTICATED,
                details: 'authorization: missing bearer token',
                metadata,
              });
            } else if (!tokenMatches(token, buffers)) {
              call.sendStatus({
                code: status.UNAUTHENTICATED,
                details: 'authorization: unknown bearer token',
                metadata,
              });
            } else {
              nextMetadata(metadata);
            }
          },
        });
      },
    });
}

/** Logs each finished call and records its latency and status code. */
export function createObservabilityInterceptor({
  logger,
  registry,
}: {
  logger: Logger;
  registry: Registry;
}): ServerInterceptor {
  const calls = new Counter({
    name: 'grpc_server_handled_total',
    help: 'gRPC calls handled, by method and status code',
    labelNames: ['method', 'code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'gRPC call latency',
    labelNames: ['method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const log = logger.child({ module: 'grpc' });
  return (descriptor, call) => {
    const started = process.hrtime.bigint();
    return new ServerInterceptingCall(call, {
      sendStatus: (statusObject, next) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const code = status[statusObject.code] ?? String(statusObject.code);
        calls.inc({ method: descriptor.path, code });
        latency.observe({ method: descriptor.path }, seconds);
        const entry = { method: descriptor.path, code, ms: Math.round(seconds * 1000) };
        if (statusObject.code === status.OK || isPublic(descriptor.path)) log.debug(entry, 'call done');
        else log.info({ ...entry, details: statusObject.details }, 'call failed');
        next(statusObject);
      },
    });
  };
}
