// The ceiling for bench/gateway: a Koa endpoint that only reads the body, parses the JSON and answers 200.
// Same Node, same machine, same HTTP stack as the gateway, minus authorization, validation and Kafka.
import http from 'node:http';
import { createRequire } from 'node:module';

// Resolve koa and raw-body exactly as the gateway does, so both sides run the same versions.
const require = createRequire(new URL('../../services/webhook-gateway/package.json', import.meta.url));
const Koa = require('koa');
const getRawBody = require('raw-body');

const app = new Koa();
app.use(async function parseAndAnswer(ctx) {
  const raw = await getRawBody(ctx.req, { length: ctx.request.length, limit: 256 * 1024 });
  const body = JSON.parse(raw.toString('utf8'));
  ctx.status = 200;
  ctx.body = { status: 'ok', eventId: body.event?.id };
});
const server = http.createServer(app.callback());
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
