import { timingSafeEqual } from 'node:crypto';
import { ServerInterceptingCall, status, type ServerInterceptor, type Metadata } from '@grpc/grpc-js';
import type { Logger } from '@teamseat/logger';
import { Counter, Histogram, LATENCY_BUCKETS, type Registry } from '@teamseat/metrics';
import { unexpectedErrorOf } from './status-details';

type MethodDescriptor = Parameters<ServerInterceptor>[0];
interface MethodLabels {
  grpc_type: 'unary' | 'client_stream' | 'server_stream' | 'bidi_stream';
  grpc_service: string;
  grpc_method: string;
}

/** `/teamseat.team.v1.TeamService/GetTeam` → service `teamseat.team.v1.TeamService`, method `GetTeam`. */
function methodLabels(descriptor: MethodDescriptor): MethodLabels {
  const [, service = '', method = ''] = descriptor.path.split('/');
  const { requestStream, responseStream } = descriptor;
  const grpc_type =
    requestStream && responseStream
      ? 'bidi_stream'
      : requestStream
        ? 'client_stream'
        : responseStream
          ? 'server_stream'
          : 'unary';
  return { grpc_type, grpc_service: service, grpc_method: method };
}

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

/** Why a call's metadata does not authenticate it, or undefined when it does. */
function authenticationFailure(metadata: Metadata, tokens: Buffer[]): string | undefined {
  const token = bearerToken(metadata);
  if (token === undefined) return 'authorization: missing bearer token';
  if (!tokenMatches(token, tokens)) return 'authorization: unknown bearer token';
  return undefined;
}

/**
 * The one interceptor of every call (one layer: each grpc-js intercepting layer costs every call, and a
 * cached CheckAccess is little more than that): refuses calls without one of the configured bearer tokens
 * (INTERNAL_AUTH_TOKENS, APP_AUTH_TOKENS) with UNAUTHENTICATED, and logs each finished call and records
 * its latency and status code, refused ones included. A call that failed with an unknown error is logged as
 * an error with that error and its stack (the caller got only "internal error").
 */
export function createServerInterceptor({
  tokens,
  logger,
  registry,
}: {
  tokens: string[];
  logger: Logger;
  registry: Registry;
}): ServerInterceptor {
  const buffers = tokens.map((token) => Buffer.from(token));
  // The names and labels of go-grpc-prometheus, which common gRPC dashboards and alerts read.
  const started = new Counter({
    name: 'grpc_server_started_total',
    help: 'gRPC calls started on the server',
    labelNames: ['grpc_type', 'grpc_service', 'grpc_method'],
    registers: [registry],
  });
  const calls = new Counter({
    name: 'grpc_server_handled_total',
    help: 'gRPC calls completed on the server, whatever their status code',
    labelNames: ['grpc_type', 'grpc_service', 'grpc_method', 'grpc_code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'grpc_server_handling_seconds',
    help: 'gRPC call latency until the application answered',
    labelNames: ['grpc_type', 'grpc_service', 'grpc_method'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const log = logger.child({ module: 'grpc' });
  const labelsByPath = new Map<string, MethodLabels>();
  function labelsOf(descriptor: MethodDescriptor): MethodLabels {
    let labels = labelsByPath.get(descriptor.path);
    if (!labels) {
      labels = methodLabels(descriptor);
      labelsByPath.set(descriptor.path, labels);
    }
    return labels;
  }

  function record(
    path: string,
    labels: MethodLabels,
    startedAt: bigint,
    code: status,
    details: string,
    unexpected?: { error: unknown },
  ): void {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const name = status[code] ?? String(code);
    calls.inc({ ...labels, grpc_code: name });
    latency.observe(labels, seconds);
    const entry = { method: path, code: name, ms: Math.round(seconds * 1000) };
    if (unexpected) log.error({ ...entry, err: unexpected.error }, 'call failed with an unexpected error');
    else if (code === status.OK || isPublic(path)) log.debug(entry, 'call done');
    else log.info({ ...entry, details }, 'call failed');
  }

  return (descriptor, call) => {
    const startedAt = process.hrtime.bigint();
    const labels = labelsOf(descriptor);
    started.inc(labels);
    return new ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            if (isPublic(descriptor.path)) return nextMetadata(metadata);
            const failure = authenticationFailure(metadata, buffers);
            if (failure === undefined) return nextMetadata(metadata);
            record(descriptor.path, labels, startedAt, status.UNAUTHENTICATED, failure);
            call.sendStatus({ code: status.UNAUTHENTICATED, details: failure, metadata });
          },
        });
      },
      sendStatus: (statusObject, next) => {
        const unexpected = unexpectedErrorOf(statusObject.metadata);
        record(descriptor.path, labels, startedAt, statusObject.code, statusObject.details, unexpected);
        next(statusObject);
      },
    });
  };
}
