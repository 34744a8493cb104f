import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { STDOUT_FLUSH_INTERVAL_MS } from '../../src';

const LOGGER = require.resolve('../../src');

/** Runs `script` in a node child with the logger loaded; resolves with its stdout lines as they arrived. */
function run(script: string): Promise<{ lines: Array<{ at: number; line: Record<string, unknown> }> }> {
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', '-e', `const { createLogger } = require(${JSON.stringify(LOGGER)});\n${script}`],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const started = Date.now();
  const lines: Array<{ at: number; line: Record<string, unknown> }> = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) lines.push({ at: Date.now() - started, line: JSON.parse(part) });
  });
  return new Promise((resolve) => child.once('close', () => resolve({ lines })));
}

describe('logger', function () {
  this.timeout(20_000);

  it('when a process logs and exits at once, then every line reaches stdout', async () => {
    const { lines } = await run(`
      const log = createLogger({ service: 'unit' });
      for (let i = 0; i < 3; i++) log.info({ i }, 'line');
      process.exit(0);
    `);
    expect(lines.map(({ line }) => line.i)).to.deep.equal([0, 1, 2]);
    expect(lines[0]!.line).to.include({ service: 'unit', level: 'info', msg: 'line' });
  });

  it('when a process crashes, then the lines before the crash reach stdout', async () => {
    const { lines } = await run(`
      createLogger({ service: 'unit' }).warn('before the crash');
      setTimeout(() => { throw new Error('boom'); }, 10);
    `);
    expect(lines.map(({ line }) => line.msg)).to.deep.equal(['before the crash']);
  });

  it('when a quiet process logs one line, then it is written within the flush interval', async () => {
    const { lines } = await run(`
      const log = createLogger({ service: 'unit' });
      setTimeout(() => log.info('quiet'), 500);
      setTimeout(() => log.info('last'), 3000);
    `);
    const [quiet, last] = lines;
    expect(quiet!.line.msg).to.equal('quiet');
    // Written long before the process logged again (and exited).
    expect(last!.at - quiet!.at).to.be.greaterThan(2_500 - 2 * STDOUT_FLUSH_INTERVAL_MS);
  });

  it('when an authorization value is logged, then it is redacted', async () => {
    const { lines } = await run(`
      createLogger({ service: 'unit' }).info({ headers: { authorization: 'Bearer secret' } }, 'request');
    `);
    expect(JSON.stringify(lines)).not.to.include('secret');
    expect(lines[0]!.line).to.deep.include({ headers: { authorization: '[redacted]' } });
  });
});
