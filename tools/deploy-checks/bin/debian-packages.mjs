// Debian packages of pinned versions unpacked under .local, never installed: `apt-get download` (runs
// `apt-get update` once when the package lists lack a version) into .local/debs, then `dpkg-deb -x` into a
// directory of its own. Nothing outside the repository changes. Used for promtool and Compose v1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const local = path.join(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..'),
  '.local',
);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result;
}

/** The .deb of `name` at `version` in `debs`, as apt-get names it (epochs and ':' become '%3a'). */
const cachedDeb = (debs, name, version) => {
  const prefix = `${name}_${version.replace(':', '%3a')}_`;
  return readdirSync(debs).find((f) => f.startsWith(prefix) && f.endsWith('.deb'));
};

function download(wanted, debs, log) {
  log(`downloading Debian's ${wanted.join(' ')}...`);
  let result = run('apt-get', ['download', ...wanted], debs);
  if (result.status !== 0) {
    log('not in the package lists: apt-get update');
    const update = run('apt-get', ['update', '-qq'], debs);
    if (update.status !== 0) throw new Error(`apt-get update failed: ${update.stderr.trim()}`);
    result = run('apt-get', ['download', ...wanted], debs);
  }
  if (result.status !== 0) throw new Error(`apt-get download failed: ${result.stderr.trim()}`);
}

/**
 * Unpacks `packages` ({ name: version }) into .local/opt/<dir> and returns that directory; `marker` (a path
 * inside it) says the work is done. Unpacked into a scratch directory first, so an interrupted run leaves nothing.
 */
export function ensureDebianPackages({ dir, marker, packages, log = (line) => console.error(line) }) {
  const target = path.join(local, 'opt', dir);
  if (existsSync(path.join(target, marker))) return target;
  const debs = path.join(local, 'debs');
  mkdirSync(debs, { recursive: true });
  const missing = Object.entries(packages).filter(([name, version]) => !cachedDeb(debs, name, version));
  if (missing.length > 0)
    download(
      missing.map(([name, version]) => `${name}=${version}`),
      debs,
      log,
    );
  const scratch = `${target}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const [name, version] of Object.entries(packages)) {
    const deb = cachedDeb(debs, name, version);
    if (!deb) throw new Error(`apt-get download ${name}=${version} left no .deb in ${debs}`);
    const unpack = run('dpkg-deb', ['-x', path.join(debs, deb), scratch]);
    if (unpack.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed: ${unpack.stderr.trim()}`);
  }
  if (!existsSync(path.join(scratch, marker))) throw new Error(`the packages hold no ${marker}`);
  rmSync(target, { recursive: true, force: true });
  renameSync(scratch, target);
  return target;
}
