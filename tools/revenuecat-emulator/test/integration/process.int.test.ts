import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';

const MAIN = path.join(__dirname, '../../dist/main.js');
const SAMPLE_FILE = path.join(__dirname, '../../../../config/catalog.sample.yaml');

/** Starts `node dist/main.js` (what `npm run emulator` runs) and waits for the line that names its URL. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', EMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

describe('revenuecat-emulator as a process', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
  });

  it('when started with env vars, then it serves v1 and the control API, uses the catalog file, and SIGTERM stops it cleanly', async () => {
    const started = startProcess({ EMULATOR_API_KEYS: 'sk_proc', CATALOG_FILE: SAMPLE_FILE });
    running = started.child;
    const url = await started.url;
    const subscriber = await fetch(`${url}/v1/subscribers/p1`, {
      headers: { authorization: 'Bearer sk_proc' },
    });
    expect(subscriber.status).to.equal(201);
    const catalog = (await (await fetch(`${url}/_emulator/catalog`)).json()) as {
      products: { productId: string }[];
    };
    expect(catalog.products.map((p) => p.productId)).to.deep.equal([
      'team_pro_monthly',
      'team_pro_yearly',
      'team_lifetime_monthly',
      'pro_monthly',
      'team_seats_5_monthly',
    ]);
    running.kill('SIGTERM');
    expect(await started.exited).to.equal(0);
  });

  it('when the configuration is wrong, then it exits 1 listing every problem', async () => {
    const started = startProcess({ EMULATOR_PORT: 'eighty', WEBHOOK_RETRY_SCALE: '-1' });
    running = started.child;
    started.url.catch(() => undefined);
    expect(await started.exited).to.equal(1);
    expect(started.output())
      .to.match(/EMULATOR_PORT/)
      .and.match(/WEBHOOK_RETRY_SCALE/);
  });
});
