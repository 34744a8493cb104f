import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka } from 'kafkajs';
import { exited, freePort } from './child-processes';
import { findRepoRoot } from './local-stack';
import { prepareSecureListeners, type SecureListeners } from './secure-listeners';
import { waitFor } from './wait-for';

export type { SecureListeners };

/**
 * A single-node Kafka that belongs to one test, so the test may kill, freeze and restart it. The shared
 * broker of the local stack is never touched. It runs from the jars the local stack resolved
 * (.local/kafka/libs), with its own ports and a data directory under .local/tmp that is removed afterwards.
 */
export interface ThrowawayBroker {
  readonly brokers: string[];
  /** With `secure`: the SASL_SSL listener (SCRAM-SHA-512 and PLAIN) and the SSL listener requiring a client certificate. */
  readonly saslSslBrokers: string[];
  readonly mutualTlsBrokers: string[];
  /** Kills the JVM (SIGKILL): the broker vanishes as in a crash. */
  kill(): Promise<void>;
  /** Stops the JVM as an operator would (SIGTERM): the broker shuts down cleanly. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data, and waits until it answers. */
  restart(): Promise<void>;
  /** SIGSTOP / SIGCONT: connections stay open but nothing answers. */
  freeze(): void;
  thaw(): void;
  destroy(): Promise<void>;
}

export async function startThrowawayBroker({
  secure,
}: { secure?: SecureListeners } = {}): Promise<ThrowawayBroker> {
  const root = findRepoRoot();
  const libs = path.join(root, '.local', 'kafka', 'libs');
  if (!fs.existsSync(path.join(libs, 'kafka_2.13-3.9.1.jar'))) {
    throw new Error(`no Kafka jars in ${libs}: run \`npm run stack:up\` once (needs java and mvn)`);
  }
  const dir = path.join(root, '.local', 'tmp', `throwaway-broker-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const [port, controllerPort] = [await freePort(), await freePort()];
  const extra = secure && (await prepareSecureListeners(secure, dir));
  const withExtra = (own: string, more?: string) => (more ? `${own},${more}` : own);
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: withExtra(
      `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      extra?.listeners,
    ),
    'advertised.listeners': withExtra(`PLAINTEXT://127.0.0.1:${port}`, extra?.listeners),
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': withExtra(
      'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      extra?.protocolMap,
    ),
    'log.dirs': path.join(dir, 'data'),
    'num.partitions': 3,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    ...extra?.properties,
  };
  const serverProperties = path.join(dir, 'server.properties');
  fs.writeFileSync(
    serverProperties,
    Object.entries(properties)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const log4j = path.join(dir, 'log4j.properties');
  fs.writeFileSync(
    log4j,
    [
      'log4j.rootLogger=WARN, file',
      'log4j.appender.file=org.apache.log4j.FileAppender',
      `log4j.appender.file.File=${path.join(dir, 'server.log')}`,
      'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
      '',
    ].join('\n'),
  );
  const java = (mainClass: string, args: string[]) =>
    spawn(
      'java',
      [
        '-Xms128m',
        // 256 MB ran out while a restart opened 300 partitions again; the local stack's broker has 512 too.
        '-Xmx512m',
        // A broker that has run out of memory stops instead of lingering without answering.
        '-XX:+ExitOnOutOfMemoryError',
        `-Dlog4j.configuration=file:${log4j}`,
        '-cp',
        path.join(libs, '*'),
        mainClass,
        ...args,
      ],
      { cwd: dir, stdio: ['ignore', fs.openSync(path.join(dir, 'stdout.log'), 'a'), 'inherit'] },
    );

  const clusterId = randomBytes(16).toString('base64url').replace(/^-/, 'A');
  const format = java('kafka.tools.StorageTool', [
    'format',
    '-t',
    clusterId,
    '-c',
    serverProperties,
    ...(extra?.formatArgs ?? []),
  ]);
  if ((await exited(format)) !== 0) throw new Error(`formatting the throwaway broker failed; see ${dir}`);

  let child: ChildProcess | undefined;
  // Never leave a JVM behind, even when the test process ends abruptly.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const brokers = [`127.0.0.1:${port}`];
  async function answers(): Promise<boolean> {
    const admin = new Kafka({
      brokers,
      clientId: 'throwaway-probe',
      logLevel: 0,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      return (await admin.describeCluster()).brokers.length > 0;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  /** The end of the broker's own log, for an error message: why it did not come up. */
  const logTail = () =>
    ['server.log', 'stdout.log']
      .map((name) => path.join(dir, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => `--- ${file}\n${fs.readFileSync(file, 'utf8').split('\n').slice(-25).join('\n')}`)
      .join('\n');
  async function start(): Promise<void> {
    const started = java('kafka.Kafka', [serverProperties]);
    child = started;
    let gone = false;
    void exited(started).then(() => (gone = true));
    try {
      // A JVM that ended (out of memory, a port taken) ends the wait at the next poll instead of after 90 s.
      await waitFor(async () => gone || (await answers()), {
        timeoutMs: 90_000,
        intervalMs: 250,
        description: `the throwaway broker on ${port}`,
      });
      if (gone)
        throw new Error(
          `the throwaway broker on ${port} exited with ${started.exitCode ?? started.signalCode}`,
        );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logTail()}`, { cause: error });
    }
  }
  async function end(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (!child) return;
    child.kill('SIGCONT');
    child.kill(signal);
    await exited(child);
    child = undefined;
  }
  const kill = () => end('SIGKILL');

  await start();
  return {
    brokers,
    saslSslBrokers: extra ? [`127.0.0.1:${extra.saslSslPort}`] : [],
    mutualTlsBrokers: extra ? [`127.0.0.1:${extra.mutualTlsPort}`] : [],
    kill,
    stop: () => end('SIGTERM'),
    restart: start,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async destroy() {
      await kill();
      process.removeListener('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
