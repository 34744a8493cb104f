#!/usr/bin/env node
// Prints the path of promtool from Debian's prometheus package of the pinned version, unpacking it first when it
// is not cached: `apt-get download` (no install, nothing outside the repository changes) into .local/debs, then
// `dpkg-deb -x` into .local/opt/prometheus-<version>. Runs `apt-get update` once if the package lists lack it.
// Override with PROMTOOL=/path/to/promtool.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMETHEUS_DEBIAN_VERSION = '2.42.0+ds-5+deb12u1';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const local = path.join(root, '.local');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result;
}

function download(wanted, debs, log) {
  log(`downloading Debian's ${wanted}...`);
  let result = run('apt-get', ['download', wanted], debs);
  if (result.status !== 0) {
    log('not in the package lists: apt-get update');
    const update = run('apt-get', ['update', '-qq'], debs);
    if (update.status !== 0) throw new Error(`apt-get update failed: ${update.stderr.trim()}`);
    result = run('apt-get', ['download', wanted], debs);
  }
  if (result.status !== 0) throw new Error(`apt-get download ${wanted} failed: ${result.stderr.trim()}`);
}

export function ensurePromtool({ log = (line) => console.error(line) } = {}) {
  const dir = path.join(local, 'opt', `prometheus-${PROMETHEUS_DEBIAN_VERSION}`);
  const promtool = path.join(dir, 'usr/bin/promtool');
  if (existsSync(promtool)) return promtool;
  const debs = path.join(local, 'debs');
  mkdirSync(debs, { recursive: true });
  const wanted = `prometheus=${PROMETHEUS_DEBIAN_VERSION}`;
  const cached = () => readdirSync(debs).find((f) => f.startsWith('prometheus_') && f.endsWith('.deb'));
  if (!cached()) download(wanted, debs, log);
  const deb = cached();
  if (!deb) throw new Error(`apt-get download ${wanted} left no .deb in ${debs}`);
  mkdirSync(dir, { recursive: true });
  const unpack = run('dpkg-deb', ['-x', path.join(debs, deb), dir]);
  if (unpack.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed: ${unpack.stderr.trim()}`);
  if (!existsSync(promtool)) throw new Error(`${deb} holds no usr/bin/promtool`);
  return promtool;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(
      process.env.PROMTOOL || ensurePromtool({ log: (line) => console.error(`ensure-promtool: ${line}`) }),
    );
  } catch (error) {
    console.error(`ensure-promtool: ${error.message}`);
    process.exit(1);
  }
}
