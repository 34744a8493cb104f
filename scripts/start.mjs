// `npm start`: install if needed, build, start the local stack, then the emulator and every service built so
// far in the foreground with merged, readable logs. Ctrl-C (or SIGTERM) stops them all, then the stack.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build, installIfNeeded, readStackEnv, root, run } from './bootstrap.mjs';
import { localProcesses } from './local-processes.mjs';

installIfNeeded();
build();
const stackWasUp =
  spawnSync('npm', ['run', 'stack:status', '--silent'], { cwd: root, stdio: 'ignore' }).status === 0;
run('npm', ['run', 'stack:up', '--silent'], { label: 'local stack (Kafka + FerretDB)' });
const stack = readStackEnv();

const children = [];
const width = Math.max(...localProcesses(stack).map((p) => p.name.length));

function formatLine(name, line) {
  let text = line;
  try {
    const entry = JSON.parse(line);
    const { level, time, msg, service: _service, module, ...rest } = entry;
    const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
    text = `${String(level ?? '').padEnd(5)} ${module ? `[${module}] ` : ''}${msg ?? ''}${extra}`;
    void time;
  } catch {
    // not JSON: print as it is
  }
  return `${name.padEnd(width)} │ ${text}`;
}

for (const proc of localProcesses(stack)) {
  const entry = path.join(root, proc.cwd, 'dist', 'main.js');
  if (!existsSync(entry)) {
    console.log(
      `${proc.name.padEnd(width)} │ not built yet (${path.relative(root, entry)} missing); skipped`,
    );
    continue;
  }
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: path.join(root, proc.cwd),
    env: { ...process.env, ...proc.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches only this supervisor, which then stops each child once, in order.
    detached: true,
  });
  children.push({ ...proc, child });
  for (const stream of [child.stdout, child.stderr]) {
    readline
      .createInterface({ input: stream })
      .on('line', (line) => console.log(formatLine(proc.name, line)));
  }
  child.on('exit', (code, signal) => {
    console.log(formatLine(proc.name, `exited (${signal ?? code})`));
    if (!stopping) void stopAll(1);
  });
}

console.log('\nteamseat is up:');
for (const { name, url } of children) console.log(`  ${name.padEnd(width)}  ${url}`);
console.log('Press Ctrl-C to stop everything.\n');

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping teamseat...');
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  if (!stackWasUp) spawnSync('npm', ['run', 'stack:down', '--silent'], { cwd: root, stdio: 'inherit' });
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
