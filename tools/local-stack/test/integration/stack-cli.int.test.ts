import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const stackScript = path.join(repoRoot, 'tools', 'local-stack', 'bin', 'stack.mjs');

function stack(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [stackScript, command], { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const pids = (output: string) =>
  [...output.matchAll(/^(kafka|ferretdb)\s+up\s+pid (\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);

// Only `up` and `status`: other suites share the running stack, so this test never stops or resets it.
describe('local-stack CLI (integration)', function () {
  this.timeout(15 * 60_000);

  it('when up runs twice, then the second run reuses the same two processes and status reports them up', async () => {
    const first = await stack('up');
    const second = await stack('up');
    const status = await stack('status');

    expect(first.code, first.stderr).to.equal(0);
    expect(second.code, second.stderr).to.equal(0);
    expect(pids(first.stdout)).to.have.length(2);
    expect(pids(second.stdout)).to.deep.equal(pids(first.stdout));
    expect(second.stdout).to.contain('(already running');
    expect(status.code).to.equal(0);
    expect(pids(status.stdout)).to.deep.equal(pids(first.stdout));
  });

  it('when up has run, then .local/stack.env holds the endpoints it printed', async () => {
    const up = await stack('up');
    const env = fs.readFileSync(path.join(repoRoot, '.local', 'stack.env'), 'utf8');

    const printed = up.stdout.split('\n').filter((line) => /^(KAFKA_BROKERS|MONGODB_URI)=/.test(line));
    expect(printed).to.have.length(2);
    expect(env.trim().split('\n')).to.deep.equal(printed);
  });

  it('when the command is unknown, then it fails with one line naming it and the usage', async () => {
    const result = await stack('restart');

    expect(result.code).to.equal(1);
    expect(result.stderr.trim()).to.equal(
      'stack: unknown command "restart". Fix: usage: stack.mjs up | down | status | reset',
    );
  });
});
