#!/usr/bin/env node
// Prints the path of a kustomize binary of the pinned version, building it first when it is not cached.
// The real kustomize renders the overlays in the tests, so what is checked is what `kubectl apply -k` sends.
// Built from the Go module proxy (no prebuilt binary download) into .local/bin/kustomize-<version>, with the
// same Go caches under .local/go that the local stack uses. Override with KUSTOMIZE=/path/to/kustomize.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KUSTOMIZE_VERSION = 'v5.7.1';
const MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const local = path.join(root, '.local');
const target = path.join(local, 'bin', `kustomize-${KUSTOMIZE_VERSION}`);

function fail(message) {
  console.error(`ensure-kustomize: ${message}`);
  process.exit(1);
}

function build() {
  const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (goVersion.status !== 0) fail('needs Go on PATH to build kustomize (https://go.dev/dl/)');
  const goRoot = path.join(local, 'go');
  mkdirSync(local, { recursive: true });
  const scratch = mkdtempSync(path.join(local, 'kustomize-build-'));
  console.error(
    `ensure-kustomize: building kustomize ${KUSTOMIZE_VERSION} with ${goVersion.stdout.trim()}...`,
  );
  const started = Date.now();
  const result = spawnSync('go', ['install', `${MODULE}@${KUSTOMIZE_VERSION}`], {
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
    fail(`go install ${MODULE}@${KUSTOMIZE_VERSION} failed (exit ${result.status ?? result.signal})`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  // Moved into place only once complete, so an interrupted build never leaves a half-written binary.
  renameSync(path.join(scratch, 'kustomize'), target);
  rmSync(scratch, { recursive: true, force: true });
  console.error(`ensure-kustomize: built in ${((Date.now() - started) / 1000).toFixed(0)}s -> ${target}`);
}

if (process.env.KUSTOMIZE) {
  console.log(process.env.KUSTOMIZE);
} else {
  if (!existsSync(target)) build();
  console.log(target);
}
