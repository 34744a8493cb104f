import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '@teamseat/logger';
import { onShutdownSignal, runShutdownSteps, type ShutdownStep } from '../../src';

interface LogLine {
  level: string;
  msg: string;
  step?: string;
  err?: { message: string };
}

function capturingLogger() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger({ service: 'shutdown-test', level: 'info', destination }), lines };
}

describe('shutdown', () => {
  it('when a step fails, then the later steps still run and the failure is logged with the step name', async () => {
    const { logger, lines } = capturingLogger();
    const ran: string[] = [];
    const steps: ShutdownStep[] = [
      { name: 'not ready', run: () => void ran.push('not ready') },
      {
        name: 'stop gRPC',
        run: async () => {
          ran.push('stop gRPC');
          throw new Error('port already closed');
        },
      },
      {
        name: 'disconnect producer',
        run: () => {
          ran.push('disconnect producer');
          throw new Error('not connected');
        },
      },
      { name: 'close MongoDB', run: async () => void ran.push('close MongoDB') },
    ];

    const outcome = await runShutdownSteps({ logger, steps, timeoutMs: 5_000 });

    expect(ran).to.deep.equal(['not ready', 'stop gRPC', 'disconnect producer', 'close MongoDB']);
    expect(outcome).to.deep.equal({ failed: ['stop gRPC', 'disconnect producer'], timedOut: false });
    const failures = lines.filter((line) => line.msg === 'shutdown step failed');
    expect(failures.map((line) => [line.level, line.step, line.err?.message])).to.deep.equal([
      ['error', 'stop gRPC', 'port already closed'],
      ['error', 'disconnect producer', 'not connected'],
    ]);
  });

  it('when a step hangs past the hard timeout, then the run ends, timed out, naming the hanging step', async () => {
    const { logger, lines } = capturingLogger();
    const ran: string[] = [];
    const steps: ShutdownStep[] = [
      { name: 'flush outbox', run: () => new Promise<void>(() => undefined) },
      { name: 'close MongoDB', run: () => void ran.push('close MongoDB') },
    ];

    const outcome = await runShutdownSteps({ logger, steps, timeoutMs: 30 });

    expect(outcome).to.deep.equal({ failed: [], timedOut: true });
    expect(ran).to.deep.equal([]);
    expect(lines.find((line) => line.msg.startsWith('shutdown timed out'))?.step).to.equal('flush outbox');
  });

  it('when shutdown is triggered and a step failed, then every step ran and the process exits 1', async () => {
    const { logger } = capturingLogger();
    const signalListeners = () => [...process.listeners('SIGTERM'), ...process.listeners('SIGINT')];
    const before = new Set(signalListeners());
    const ran: string[] = [];
    const exits: number[] = [];
    const trigger = onShutdownSignal({
      logger,
      steps: [
        { name: 'first', run: () => Promise.reject(new Error('boom')) },
        { name: 'second', run: () => void ran.push('second') },
      ],
      timeoutMs: 5_000,
      exit: (code) => void exits.push(code),
    });
    try {
      await trigger();
    } finally {
      for (const listener of signalListeners()) {
        if (!before.has(listener)) {
          process.removeListener('SIGTERM', listener);
          process.removeListener('SIGINT', listener);
        }
      }
    }
    expect(ran).to.deep.equal(['second']);
    expect(exits).to.deep.equal([1]);
  });
});
