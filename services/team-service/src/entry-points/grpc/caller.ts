import { timingSafeEqual } from 'node:crypto';
import type { Metadata } from '@teamseat/grpc';
import { activeTraceparent } from '@teamseat/telemetry';
import type { CallOptions } from '../../application/command-runner';
import { internalOnly } from '../../domain/team-errors';

export interface Caller {
  /** The bearer token is one of INTERNAL_AUTH_TOKENS (entitlement-service), not an app token. */
  internal: boolean;
  traceparent: string | null;
}

export type CallContext = { deadline: Date | number; metadata: Metadata };

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * Who is calling. The server's auth interceptor has already refused unknown tokens; here we only tell
 * internal callers from app backends, for the RPCs only entitlement-service may use.
 */
export function createCallerResolver(internalTokens: string[]) {
  const tokens = internalTokens.map((token) => Buffer.from(token));

  function isInternal(metadata: Metadata): boolean {
    const header = metadata.get('authorization')[0]?.toString() ?? '';
    if (!header.startsWith('Bearer ')) return false;
    const presented = Buffer.from(header.slice('Bearer '.length));
    let match = false;
    for (const token of tokens) {
      if (token.length === presented.length && timingSafeEqual(token, presented)) match = true;
    }
    return match;
  }

  function callerOf(context: CallContext): Caller {
    const traceparent = context.metadata.get('traceparent')[0]?.toString() ?? '';
    return {
      internal: isInternal(context.metadata),
      // The server span's own context when tracing is on (the caller's span is its parent), else the caller's.
      traceparent: activeTraceparent() ?? (TRACEPARENT.test(traceparent) ? traceparent : null),
    };
  }

  return {
    callerOf,
    requireInternal(context: CallContext, what: string): Caller {
      const caller = callerOf(context);
      if (!caller.internal) throw internalOnly(what);
      return caller;
    },
    /** The options every command gets: the deadline and the trace context for its events. */
    optionsOf(context: CallContext, causationId?: string): CallOptions {
      const caller = callerOf(context);
      return {
        deadline: context.deadline,
        meta: { traceparent: caller.traceparent, causationId: causationId || null },
      };
    },
  };
}

export type CallerResolver = ReturnType<typeof createCallerResolver>;
