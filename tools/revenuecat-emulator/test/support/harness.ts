import { expect } from 'chai';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type Emulator, type EmulatorOptions, type WebhookEvent } from '../../src';

export const KEY = 'sk_test_emulator';
export const AUTH = { authorization: `Bearer ${KEY}` };
/** 2030-01-01T00:00:00Z: a fixed, frozen virtual clock keeps dates in assertions exact. */
export const T0 = Date.UTC(2030, 0, 1);
export const DAY = 86_400_000;

export interface Received {
  headers: IncomingHttpHeaders;
  body: { api_version: string; event: WebhookEvent };
  at: number;
}

/** A plain HTTP server on port 0 that records webhooks and answers with `respond(n)` (default 200). */
export async function startReceiver(respond: (n: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = {
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        at: Date.now(),
      };
      received.push(entry as Received);
      waiters.forEach((w) => w());
      const status = respond(received.length);
      if (status === 'hang') return;
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    events: () => received.map((r) => r.body.event),
    /** Resolves when at least `count` webhooks arrived. */
    waitFor(count: number, timeoutMs = 5_000): Promise<Received[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...received]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} webhooks, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ clock: { startMs: T0, frozen: true }, sweepIntervalMs: 0, seed: 7, ...options });
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** JSON over fetch; `auth: false` sends no key. */
export async function call(
  emulator: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<Reply> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const control = (emulator: { url: string }, path: string, body?: unknown) =>
  call(emulator, 'POST', `/_emulator${path}`, body ?? {}, {});

export const store = (emulator: { url: string }, action: string, body: unknown) =>
  control(emulator, `/store/${action}`, body);

/** Runs a store action, expects it to cause `expected` webhooks, and returns them once they have arrived. */
export async function actAndReceive(
  emulator: { url: string },
  receiver: Receiver,
  action: string,
  body: unknown,
  expected = 1,
): Promise<WebhookEvent[]> {
  const before = receiver.received.length;
  const reply = await store(emulator, action, body);
  expect(reply.status, JSON.stringify(reply.body)).to.equal(201);
  expect(reply.body.events).to.have.length(expected);
  await receiver.waitFor(before + expected);
  return receiver.events().slice(before);
}
