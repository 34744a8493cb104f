import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from '@teamseat/metrics';
import type { Readiness } from './readiness';

export interface AdminServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The operator-facing HTTP port: /livez (the process answers), /readyz (dependencies up and not shutting
 * down), /metrics (Prometheus). Kept apart from the public port so probes never compete with traffic.
 */
export async function startAdminServer({
  port,
  host = '127.0.0.1',
  readiness,
  registry,
}: {
  port: number;
  host?: string;
  readiness: Readiness;
  registry: Registry;
}): Promise<AdminServer> {
  const server = http.createServer((req, res) => {
    void route(req.url ?? '/', res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });

  async function route(url: string, res: http.ServerResponse): Promise<void> {
    const path = url.split('?')[0];
    if (path === '/livez') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (path === '/readyz') {
      const { ready, checks } = await readiness.evaluate();
      const body = JSON.stringify({
        status: ready ? 'ready' : 'not ready',
        shuttingDown: readiness.shuttingDown,
        checks,
      });
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(body);
    } else if (path === '/metrics') {
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /livez, /readyz or /metrics');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
