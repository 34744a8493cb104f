// Builds a pinned Go command from the Go module proxy (no prebuilt binary download) into
// .local/bin/<name>-<version>, with the Go caches under .local/go that the local stack uses, and returns
// its path. Used for kustomize (deploy checks) and ghz (benchmarks).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const local = path.join(root, '.local');

/**
 * The path of `<name>` built from `<module>@<version>`; built first when not cached. Throws with one line
 * saying what failed.
 */
export function ensureGoTool({ name, module, version, log = (line) => console.error(line) }) {
  const target = path.join(local, 'bin', `${name}-${version}`);
  if (existsSync(target)) return target;
  const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (goVersion.status !== 0) throw new Error(`needs Go on PATH to build ${name} (https://go.dev/dl/)`);
  const goRoot = path.join(local, 'go');
  mkdirSync(local, { recursive: true });
  const scratch = mkdtempSync(path.join(local, `${name}-build-`));
  log(`building ${name} ${version} with ${goVersion.stdout.trim()}...`);
  const started = Date.now();
  const result = spawnSync('go', ['install', `${module}@${version}`], {
    cwd: scratch,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CGO_ENABLED: '0',
      GOBIN: scratch,
      GOPATH: goRoot,
      GOCACHE: path.join(goRoot, 'cache'),
      GOMODCACHE: path.join(goRoot, 'mod'),
      // Writable module cache (as the local stack's), so `rm -rf .local` works.
      GOFLAGS: '-buildvcs=false -modcacherw',
    },
  });
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`go install ${module}@${version} failed (exit ${result.status ?? result.signal})`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  // Moved into place only once complete, so an interrupted build never leaves a half-written binary.
  // go install names the binary after the last path element that is not a major version suffix.
  const built = module
    .split('/')
    .filter((part) => !/^v\d+$/.test(part))
    .at(-1);
  renameSync(path.join(scratch, built), target);
  rmSync(scratch, { recursive: true, force: true });
  log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(0)}s -> ${target}`);
  return target;
}
