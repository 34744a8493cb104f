// bench/gateway: the webhook gateway (POST → Kafka ack with acks = all) against a bare Koa JSON endpoint,
// both loaded the same way by autocannon in one run. Needs the stack (npm run stack:up) and a build.
// Prints one JSON object { name, metrics, baseline, ratios } as the last line of stdout; progress goes to stderr.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import kafkajs from 'kafkajs';
import { logFile, nodeArgs } from '../processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const settings = {
  durationS: Number(process.env.BENCH_DURATION_S ?? 15),
  warmupS: Number(process.env.BENCH_WARMUP_S ?? 3),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 100),
  // Two gateways swap places every round; an even count gives each the first place as often.
  rounds: Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_COMPARE_ROOT ? 4 : 3)),
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  compareRoot: process.env.BENCH_COMPARE_ROOT,
};
const AUTHORIZATION = `Bearer bench-${randomBytes(8).toString('hex')}`;
const ID_PLACEHOLDER = '[<id>]';
const template = readFileSync(path.join(here, 'initial-purchase.json'), 'utf8');
const log = (...args) => console.error('[bench/gateway]', ...args);

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a node process on ports chosen here. Its stdout goes to /dev/null, as a container's log stream
 * would leave the process, so reading logs costs the load generator nothing (with BENCH_LOG_DIR, both
 * outputs go straight to a file there).
 */
function startProcess(script, env) {
  const log = logFile(script);
  const output = log ? openSync(log, 'w') : undefined;
  const child = spawn(process.execPath, nodeArgs(script), {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', output ?? 'ignore', output ?? 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  return { child, stopped };
}

/**
 * For tuning runs, more gateway settings: BENCH_GATEWAY_ENV="KAFKA_LINGER_MS=5 KAFKA_MAX_BATCH_MESSAGES=100"
 * (BENCH_COMPARE_ENV: for the compared gateway only, after those).
 */
function extraGatewaySettings(variable) {
  const pairs = (process.env[variable] ?? '').split(' ').filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 1) throw new Error(`${variable}: "${pair}" is not NAME=value`);
      return [pair.slice(0, equals), pair.slice(equals + 1)];
    }),
  );
}

async function waitUntilListening(port) {
  for (let i = 0; i < 120; i += 1) {
    const listening = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (listening) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing listens on ${port} after 30 s`);
}

async function waitUntilAnswering(url) {
  for (let i = 0; i < 120; i += 1) {
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer in 60 s`);
}

function load(url, durationS) {
  return autocannon({
    url,
    connections: settings.connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
        // Every request carries a fresh event id and app_user_id, as real traffic does. (autocannon's own
        // idReplacement miscounts Content-Length when the id length varies, so the body is built here.)
        setupRequest: (request) => ({ ...request, body: template.replaceAll(ID_PLACEHOLDER, randomUUID()) }),
      },
    ],
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is none. */
function cpuSeconds(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock
  // ticks of 1/100 s (USER_HZ, 100 on Linux whatever the kernel tick).
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One turn of load on one server: its counts, its latency percentiles, and the server's CPU time. */
async function turn(url, pid, durationS) {
  const cpuBefore = cpuSeconds(pid);
  const result = await load(url, durationS);
  return {
    cpu: cpuBefore === undefined ? undefined : cpuSeconds(pid) - cpuBefore,
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The turns of one server as one figure: rates over the summed time, the median p50, the worst p99. */
function combine(turns) {
  const sum = (pick) => turns.reduce((total, t) => total + pick(t), 0);
  const requests = sum((t) => t.requests);
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cpu = turns.every((t) => t.cpu !== undefined) ? sum((t) => t.cpu) : undefined;
  return {
    requestsPerSec: Math.round(requests / sum((t) => t.seconds)),
    // The server's own CPU per request (all its threads): steadier than requests/s on a shared machine.
    ...(cpu === undefined ? {} : { cpuMicrosPerRequest: Math.round((cpu * 1e6) / requests) }),
    latencyP50Ms: median(turns.map((t) => t.p50)),
    latencyP99Ms: Math.max(...turns.map((t) => t.p99)),
    latencyMaxMs: Math.max(...turns.map((t) => t.max)),
    requests,
    non2xx: sum((t) => t.non2xx),
    errors: sum((t) => t.errors),
  };
}

async function recordsOn(topic) {
  const kafka = new kafkajs.Kafka({ brokers: settings.brokers, clientId: 'bench-gateway', logLevel: 0 });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const count = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    return count;
  } finally {
    await admin.disconnect();
  }
}

// Both servers run side by side and take turns under load, so a change in what the machine's neighbours do
// reaches both figures alike (the bare endpoint's rate moved between 44,000 and 57,000/s from run to run).
const baselinePort = await freePort();
const baselineProcess = startProcess(path.join(here, 'bare-koa.mjs'), { PORT: String(baselinePort) });
await waitUntilListening(baselinePort);
const baselineUrl = `http://127.0.0.1:${baselinePort}/webhooks/revenuecat`;

/**
 * Starts the gateway built in `checkout` (this one, or BENCH_COMPARE_ROOT) on ports chosen here, publishing
 * to a topic of its own; resolves once it is ready.
 */
async function startGateway(checkout, topic, settingsFrom) {
  const [port, adminPort] = [await freePort(), await freePort()];
  const started = startProcess(path.join(checkout, 'services', 'webhook-gateway', 'dist', 'main.js'), {
    NODE_ENV: 'production',
    // The local stack has one broker: production's 3 replicas cannot be created there (docs/adr/0023).
    TOPIC_REPLICATION_FACTOR: '1',
    TOPIC_MIN_INSYNC_REPLICAS: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_PORT: String(adminPort),
    KAFKA_BROKERS: settings.brokers.join(','),
    WEBHOOK_AUTHORIZATION: AUTHORIZATION,
    WEBHOOK_TOPIC: topic,
    LOG_LEVEL: settings.logLevel,
    ...Object.assign({}, ...settingsFrom.map(extraGatewaySettings)),
  });
  const metricsUrl = `http://127.0.0.1:${adminPort}/metrics`;
  await waitUntilAnswering(`http://127.0.0.1:${adminPort}/readyz`);
  return { ...started, topic, metricsUrl, url: `http://127.0.0.1:${port}/webhooks/revenuecat` };
}

const runId = Date.now().toString(36);
const subject = await startGateway(root, `bench.gateway.${runId}`, ['BENCH_GATEWAY_ENV']);
// BENCH_COMPARE_ROOT=<another checkout, built>: its gateway takes the same turns, so two builds are
// compared within one run (the same neighbours' load reaches both) rather than across runs.
const compared = settings.compareRoot
  ? await startGateway(path.resolve(settings.compareRoot), `bench.gateway.${runId}.compared`, [
      'BENCH_GATEWAY_ENV',
      'BENCH_COMPARE_ENV',
    ])
  : undefined;
const gateways = compared ? [subject, compared] : [subject];

log(`warm-up ${settings.warmupS} s each`);
await load(baselineUrl, settings.warmupS);
for (const gateway of gateways) await load(gateway.url, settings.warmupS);
for (const gateway of gateways) gateway.metricsBefore = await fetch(gateway.metricsUrl).then((r) => r.text());
const slice = settings.durationS / settings.rounds;
log(`${settings.rounds} turns of ${slice} s each side at ${settings.connections} connections`);
const baselineTurns = [];
for (const gateway of gateways) gateway.turns = [];
for (let round = 0; round < settings.rounds; round += 1) {
  // Two gateways swap places every round, so neither always follows the other.
  const order = round % 2 === 0 ? gateways : [...gateways].reverse();
  for (const gateway of order) gateway.turns.push(await turn(gateway.url, gateway.child.pid, slice));
  baselineTurns.push(await turn(baselineUrl, baselineProcess.child.pid, slice));
}
const baseline = combine(baselineTurns);
for (const gateway of gateways) gateway.metricsText = await fetch(gateway.metricsUrl).then((r) => r.text());
for (const { child } of [...gateways, baselineProcess]) child.kill('SIGTERM');
await Promise.all([...gateways, baselineProcess].map(({ stopped }) => stopped));

const sumOf = (text, name) =>
  text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);

/** A gateway's figures: its turns combined, its batches and publish wait, and its 200s against its topic. */
async function figures(gateway) {
  const measured = (name) => sumOf(gateway.metricsText, name) - sumOf(gateway.metricsBefore, name);
  const batches = measured('webhook_publish_batch_size_count');
  const batched = measured('webhook_publish_batch_size_sum');
  const publishes = measured('webhook_publish_duration_seconds_count');
  const publishSeconds = measured('webhook_publish_duration_seconds_sum');
  const records = await recordsOn(gateway.topic);
  const acknowledged = sumOf(gateway.metricsText, 'webhook_requests_total{status="200"');
  if (records < acknowledged) {
    log(`FAIL: ${acknowledged} requests got 200 but only ${records} records are on ${gateway.topic}`);
    process.exitCode = 1;
  }
  return {
    ...combine(gateway.turns),
    meanBatchSize: batches > 0 ? Number((batched / batches).toFixed(1)) : 0,
    // Of each request's time, how much was the wait for Kafka's acknowledgement (from enqueue to ack).
    publishMeanMs: publishes > 0 ? Number(((1000 * publishSeconds) / publishes).toFixed(2)) : 0,
    acknowledged,
    recordsOnTopic: records,
  };
}

/** Throughput, latency and CPU of a gateway against the bare endpoint of the same run. */
const ratiosOf = (gateway) => ({
  throughput: Number((gateway.requestsPerSec / baseline.requestsPerSec).toFixed(3)),
  latencyP50: Number((gateway.latencyP50Ms / baseline.latencyP50Ms).toFixed(3)),
  latencyP99: Number((gateway.latencyP99Ms / baseline.latencyP99Ms).toFixed(3)),
  ...(gateway.cpuMicrosPerRequest && baseline.cpuMicrosPerRequest
    ? { cpuPerRequest: Number((gateway.cpuMicrosPerRequest / baseline.cpuMicrosPerRequest).toFixed(3)) }
    : {}),
});

const gateway = await figures(subject);
const metrics = {
  ...gateway,
  connections: settings.connections,
  durationS: settings.durationS,
  rounds: settings.rounds,
};
const comparedFigures = compared ? await figures(compared) : undefined;
const output = {
  name: 'webhook gateway: POST /webhooks/revenuecat → Kafka (acks = all, idempotent) vs bare Koa JSON',
  metrics,
  baseline,
  ratios: ratiosOf(gateway),
  ...(comparedFigures
    ? {
        compared: { root: path.resolve(settings.compareRoot), ...comparedFigures },
        comparedRatios: ratiosOf(comparedFigures),
      }
    : {}),
};
console.log(JSON.stringify(output));
