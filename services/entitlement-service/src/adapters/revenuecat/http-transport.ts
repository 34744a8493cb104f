import type { Logger } from '@teamseat/logger';
import { activeContext, SpanKind, tracerFor, withSpan, type Context } from '@teamseat/telemetry';
import type { RevenueCatBreaker } from './circuit-breaker';
import type { RateLimiter, ScheduleOptions } from './rate-limiter';
import { callCancelledError, errorFromFetchFailure, errorFromResponse } from './revenuecat-errors';
import type { RevenueCatMetrics } from './revenuecat-metrics';

export interface HttpRequest {
  operation: string;
  method: 'GET' | 'POST';
  /** Absolute path below the base URL, already URL-encoded. */
  path: string;
  apiKey: string;
  body?: unknown;
  /** The app user the call is about: the breaker counts one failure per user per window. */
  subject?: string;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  receivedAtMs: number;
}

export interface HttpTransport {
  /**
   * One attempt: waits for the limiter in the given lane, goes through the breaker, has a timeout; throws
   * AppError on failure. An aborted `signal` takes a waiting call out of the queue and ends one in flight.
   */
  attempt(request: HttpRequest, options?: ScheduleOptions): Promise<HttpAnswer>;
}

/**
 * A single RevenueCat HTTP attempt with every protection but retries: the shared limiter (and its holds),
 * the breaker, a timeout through AbortSignal, and headers that ask us to slow down fed back to the limiter.
 */
export function createHttpTransport({
  baseUrl,
  timeoutMs,
  limiter,
  breaker,
  metrics,
  logger,
  now,
  fetchImpl = fetch,
}: {
  baseUrl: string;
  timeoutMs: number;
  limiter: RateLimiter;
  breaker: RevenueCatBreaker;
  metrics: RevenueCatMetrics;
  logger: Logger;
  /** Wall clock. */
  now: () => number;
  fetchImpl?: typeof fetch;
}): HttpTransport {
  const root = baseUrl.replace(/\/+$/, '');
  const log = logger.child({ module: 'revenuecat-http' });
  const tracer = tracerFor('entitlement-service');

  /** One call in a client span, child of the work that asked for it (the limiter may run it later). */
  function send(request: HttpRequest, caller: AbortSignal | undefined, parent: Context): Promise<HttpAnswer> {
    const attributes = { 'http.request.method': request.method, 'revenuecat.operation': request.operation };
    return withSpan(
      tracer,
      `RevenueCat ${request.operation}`,
      { kind: SpanKind.CLIENT, attributes, parent },
      () => sendUntraced(request, caller),
    );
  }

  async function sendUntraced(request: HttpRequest, caller: AbortSignal | undefined): Promise<HttpAnswer> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let response: Response;
    let body: unknown;
    // A timer cleared when the call ends, not AbortSignal.timeout: that one cannot be cancelled, so every
    // call left a timer that fired `timeoutMs` later and built a TimeoutError for a finished request.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer in ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    try {
      response = await fetchImpl(root + request.path, {
        method: request.method,
        headers: {
          authorization: `Bearer ${request.apiKey}`,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: caller ? AbortSignal.any([controller.signal, caller]) : controller.signal,
      });
      const raw = await response.text();
      body = raw === '' ? null : safeJson(raw);
    } catch (error) {
      if (caller?.aborted) {
        metrics.call(request.operation, 'cancelled', seconds());
        throw callCancelledError(request.operation, error);
      }
      const failure = errorFromFetchFailure(request.operation, timeoutMs, error);
      metrics.call(
        request.operation,
        failure.details.timeoutMs === undefined ? 'network' : 'timeout',
        seconds(),
      );
      throw failure;
    } finally {
      clearTimeout(timer);
    }
    metrics.call(request.operation, String(response.status), seconds());
    limiter.observeHeaders(response.headers);
    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, body, receivedAtMs: now() };
    }
    const error = errorFromResponse(request.operation, response.status, response.headers, body, now());
    const retryAfterMs = Number(error.details.retryAfterMs);
    // Only a rate limit asks every caller to slow down; a 503's Retry-After is left to the retry schedule.
    if ((response.status === 429 || response.status === 423) && retryAfterMs > 0) {
      limiter.holdUntil(now() + retryAfterMs);
    }
    log.debug(
      { operation: request.operation, status: response.status, retryAfterMs },
      'RevenueCat call failed',
    );
    throw error;
  }

  return {
    async attempt(request, options = {}) {
      const parent = activeContext();
      return breaker.run(
        () =>
          limiter.schedule((waitedMs) => {
            metrics.limiterWait(waitedMs / 1000);
            return send(request, options.signal, parent);
          }, options),
        request.subject,
      );
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return { message: raw.slice(0, 200) };
  }
}
