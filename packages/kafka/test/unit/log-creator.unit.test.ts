import { Writable } from 'node:stream';
import { expect } from 'chai';
import { logLevel } from 'kafkajs';
import { createLogger } from '@teamseat/logger';
import { pinoLogCreator } from '../../src/client';

/** Runs one kafkajs log entry through the creator and returns what our logger wrote. */
function logged(level: logLevel, message: string): Array<{ level: string; msg: string; module: string }> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: 'test', level: 'info', destination });
  pinoLogCreator(logger)()({
    namespace: 'Connection',
    level,
    label: 'ERROR',
    log: { message, timestamp: new Date().toISOString(), error: 'The group coordinator is not available' },
  });
  return lines.map((line) => JSON.parse(line) as { level: string; msg: string; module: string });
}

describe("kafkajs' log lines through our logger", () => {
  it('when the broker answers a request with an error, then it is a warning, not an error', () => {
    const [line] = logged(logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)');
    expect([line!.level, line!.msg, line!.module]).to.deep.equal([
      'warn',
      'Response GroupCoordinator(key: 10, version: 2)',
      'kafkajs',
    ]);
  });

  it('when kafkajs reports any other error, then it stays an error', () => {
    const [line] = logged(
      logLevel.ERROR,
      'Crash: KafkaJSNumberOfRetriesExceeded: The coordinator is not available',
    );
    expect(line!.level).to.equal('error');
  });

  it('when kafkajs warns about bounded retries of the idempotent producer, then it is debug (not shown at info)', () => {
    expect(
      logged(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'),
    ).to.deep.equal([]);
  });
});
