#!/usr/bin/env node
// The two Compose loaders docker-compose.yml must satisfy, both pinned and cached under .local:
//  - v1: Debian's docker-compose (Python) with the Python packages it depends on, unpacked, never installed
//    (debian-packages.mjs), run by Debian's python3 (the packages' C parts are built for its 3.11);
//  - v2 and later: compose-go, the loader of the `docker compose` plugin, behind the small command in
//    ../compose-go (go.mod pins it), built with the local Go toolchain from the Go module proxy. The plugin
//    itself cannot be `go install`ed (its go.mod has exclude directives), and `config` is all these checks need.
// Prints both commands as JSON: { v1: [argv...], v2: [argv...] }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, local } from './debian-packages.mjs';

export const COMPOSE_V1_DEBIAN_VERSION = '1.29.2-3';
/** docker-compose's dependencies as Debian bookworm ships them (python3-distutils is in python3.11 itself). */
const COMPOSE_V1_PACKAGES = {
  'docker-compose': COMPOSE_V1_DEBIAN_VERSION,
  'python3-attr': '22.2.0-1',
  'python3-certifi': '2022.9.24-1',
  'python3-chardet': '5.1.0+dfsg-2',
  'python3-charset-normalizer': '3.0.1-2',
  'python3-distro': '1.8.0-1',
  'python3-docker': '5.0.3-1',
  'python3-dockerpty': '0.4.1-4',
  'python3-docopt': '0.6.2-4.1',
  'python3-dotenv': '0.21.0-1',
  'python3-idna': '3.3-1+deb12u1',
  'python3-jsonschema': '4.10.3-1',
  'python3-packaging': '23.0-1',
  'python3-pyrsistent': '0.18.1-1+b3',
  'python3-requests': '2.28.1+dfsg-1',
  'python3-six': '1.16.0-4',
  'python3-texttable': '1.6.7-1',
  'python3-urllib3': '1.26.12-1+deb12u4',
  'python3-websocket': '1.2.3-1',
  'python3-yaml': '6.0-3+b2',
};
const DEBIAN_PYTHON = '/usr/bin/python3.11';

const loaderDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../compose-go');

/** argv of Compose v1: `[...v1, '-f', file, 'config']`. */
export function ensureComposeV1({ log = (line) => console.error(line) } = {}) {
  if (!existsSync(DEBIAN_PYTHON))
    throw new Error(`Compose v1 needs Debian's ${DEBIAN_PYTHON} (apt-get install python3)`);
  const dir = ensureDebianPackages({
    dir: `docker-compose-${COMPOSE_V1_DEBIAN_VERSION}`,
    marker: 'usr/bin/docker-compose',
    packages: COMPOSE_V1_PACKAGES,
    log,
  });
  const sitePackages = path.join(dir, 'usr/lib/python3/dist-packages');
  // -s: no user site; the unpacked packages go first on the path.
  return [
    '/usr/bin/env',
    `PYTHONPATH=${sitePackages}`,
    DEBIAN_PYTHON,
    '-s',
    path.join(dir, 'usr/bin/docker-compose'),
  ];
}

/** argv of the compose-go loader: `[...v2, '--env-file', f, file]`. */
export function ensureComposeV2({ log = (line) => console.error(line) } = {}) {
  const version = /compose-spec\/compose-go\/v2 (v[\d.]+)/.exec(
    readFileSync(path.join(loaderDir, 'go.mod'), 'utf8'),
  )[1];
  const target = path.join(local, 'bin', `compose-config-${version}`);
  if (existsSync(target)) return [target];
  const goRoot = path.join(local, 'go');
  mkdirSync(path.dirname(target), { recursive: true });
  log(`building the compose-go ${version} loader...`);
  const result = spawnSync('go', ['build', '-o', `${target}.partial`, '.'], {
    cwd: loaderDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CGO_ENABLED: '0',
      GOPATH: goRoot,
      GOCACHE: path.join(goRoot, 'cache'),
      GOMODCACHE: path.join(goRoot, 'mod'),
      GOFLAGS: '-buildvcs=false -modcacherw -mod=readonly',
    },
  });
  if (result.error) throw new Error(`needs Go on PATH to build the Compose loader (${result.error.message})`);
  if (result.status !== 0)
    throw new Error(`go build in ${loaderDir} failed (exit ${result.status ?? result.signal})`);
  renameSync(`${target}.partial`, target);
  return [target];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const log = (line) => console.error(`ensure-compose: ${line}`);
    console.log(JSON.stringify({ v1: ensureComposeV1({ log }), v2: ensureComposeV2({ log }) }));
  } catch (error) {
    console.error(`ensure-compose: ${error.message}`);
    process.exit(1);
  }
}
