import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage } from 'node:http';

export interface RecordedCall {
  method: string;
  path: string;
}

export interface CountingProxy {
  url: string;
  /** Every request that reached the proxy, in arrival order. */
  calls: RecordedCall[];
  /** Requests whose path names the user (URL-encoded as the client sends it). */
  callsFor(userId: string): RecordedCall[];
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'content-encoding']);

async function bodyOf(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

function forwardable(headers: Iterable<[string, string | string[] | undefined]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())) out[name] = String(value);
  }
  return out;
}

/**
 * A plain HTTP proxy in front of the emulator that records every request it forwards: the count of
 * RevenueCat calls the service really made, which the emulator itself does not keep.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const calls: RecordedCall[] = [];
  const server = createServer((request, response) => {
    calls.push({ method: request.method ?? 'GET', path: request.url ?? '/' });
    void (async () => {
      try {
        const answer = await fetch(target + (request.url ?? '/'), {
          method: request.method,
          headers: forwardable(Object.entries(request.headers)),
          body: await bodyOf(request),
        });
        const body = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, forwardable(answer.headers.entries()));
        response.end(body);
      } catch {
        response.writeHead(502).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsFor: (userId) => calls.filter((c) => c.path.includes(`/${encodeURIComponent(userId)}`)),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
