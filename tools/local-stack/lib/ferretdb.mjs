// FerretDB v1 (MongoDB wire protocol on SQLite), built from source with the local Go toolchain.
//
// Why not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the module zip lacks the
// generated build/version/version.txt, so a binary built that way panics at start-up ("Invalid
// build/version/version.txt"). So we download that exact module version (checksum-verified by Go),
// add version.txt and commit.txt the way FerretDB's release build does, and `go build` it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mongodb from 'mongodb';
import { requireCommand, runLogged } from './commands.mjs';
import { FERRETDB_COMMIT, FERRETDB_MODULE, FERRETDB_VERSION } from './config.mjs';
import { applyPatches, buildId } from './ferretdb-patches.mjs';

const { MongoClient } = mongodb;

export function ferretService(config) {
  const pidFile = path.join(config.paths.run, 'ferretdb.pid');
  const logFile = path.join(config.paths.logs, 'ferretdb.log');
  const sqliteUrl = `file:${config.paths.ferretData}/`;
  return {
    name: 'ferretdb',
    port: config.mongoPort,
    ports: [config.mongoPort],
    portEnv: 'MONGODB_PORT',
    pidFile,
    marker: `--sqlite-url=${sqliteUrl}`,
    logs: [logFile],
    stopGraceMs: 10_000,
    preflight: () => {
      if (!isBuilt(config)) requireCommand('go', ['version']);
    },
    ensureInstalled: () => ensureBinary(config),
    start: async () => {
      fs.mkdirSync(config.paths.ferretData, { recursive: true });
      fs.mkdirSync(config.paths.ferretState, { recursive: true });
      const args = [
        '--handler=sqlite',
        `--sqlite-url=${sqliteUrl}`,
        '--telemetry=disable',
        `--listen-addr=${config.host}:${config.mongoPort}`,
        `--state-dir=${config.paths.ferretState}`,
        // '-' turns off the HTTP debug/metrics listener, which would otherwise take port 8088.
        '--debug-addr=-',
        '--log-level=info',
      ];
      return { command: config.paths.ferretBinary, args };
    },
    probe: () => probeMongo(config),
    dataDirs: [config.paths.ferretData, config.paths.ferretState],
  };
}

function installedVersion(binary) {
  if (!fs.existsSync(binary)) return undefined;
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return /^version: (\S+)/m.exec(result.stdout ?? '')?.[1];
}

// The binary reports only FerretDB's version; a file beside it records which patches it was built with.
const stampOf = (config) => `${config.paths.ferretBinary}.build`;

function isBuilt(config) {
  if (installedVersion(config.paths.ferretBinary) !== FERRETDB_VERSION) return false;
  const stamp = fs.existsSync(stampOf(config)) ? fs.readFileSync(stampOf(config), 'utf8').trim() : '';
  return stamp === buildId(FERRETDB_VERSION);
}

function goEnv(config) {
  const goRoot = config.paths.goRoot;
  return {
    ...process.env,
    CGO_ENABLED: '0',
    GO111MODULE: 'on',
    GOPATH: goRoot,
    GOCACHE: path.join(goRoot, 'cache'),
    GOMODCACHE: path.join(goRoot, 'mod'),
    // Writable module cache, so `rm -rf .local` works; nothing else from the user's GOFLAGS.
    GOFLAGS: '-modcacherw',
  };
}

/** The module cache directory of a module version: upper-case letters are escaped as '!' + lower case. */
function moduleDir(config, modulePath, version) {
  const escaped = modulePath.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
  return path.join(config.paths.goRoot, 'mod', `${escaped}@${version}`);
}

async function ensureBinary(config) {
  if (isBuilt(config)) return false;
  console.log(
    `ferretdb: building FerretDB ${buildId(FERRETDB_VERSION)} with go (first run only, about a minute)...`,
  );
  const env = goEnv(config);
  const logFile = path.join(config.paths.logs, 'ferretdb-build.log');
  const buildDir = path.dirname(config.paths.ferretSource);
  fs.mkdirSync(buildDir, { recursive: true });
  await runLogged('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    cwd: buildDir,
    env,
    logFile,
    failure: `downloading ${FERRETDB_MODULE}@${FERRETDB_VERSION} with go failed`,
    hint: 'check access to the Go module proxy (GOPROXY), then run `npm run stack:up` again',
  });
  const source = config.paths.ferretSource;
  fs.rmSync(source, { recursive: true, force: true });
  fs.cpSync(moduleDir(config, FERRETDB_MODULE, FERRETDB_VERSION), source, { recursive: true });
  const versionDir = path.join(source, 'build', 'version');
  fs.chmodSync(versionDir, 0o755);
  fs.writeFileSync(path.join(versionDir, 'version.txt'), `${FERRETDB_VERSION}\n`);
  fs.writeFileSync(path.join(versionDir, 'commit.txt'), `${FERRETDB_COMMIT}\n`);
  applyPatches(source);
  const output = `${config.paths.ferretBinary}.tmp`;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await runLogged('go', ['build', '-trimpath', '-buildvcs=false', '-o', output, './cmd/ferretdb'], {
    cwd: source,
    env,
    logFile,
    failure: `building FerretDB ${FERRETDB_VERSION} with go failed`,
    hint: 'FerretDB v1.24 needs Go 1.24+ (or access to the Go module proxy to fetch that toolchain)',
  });
  fs.renameSync(output, config.paths.ferretBinary);
  fs.writeFileSync(stampOf(config), `${buildId(FERRETDB_VERSION)}\n`);
  fs.rmSync(source, { recursive: true, force: true });
  // The module and build caches (about 1 GB) are only needed to build again, which happens only when the
  // binary is missing; the next build downloads what it needs.
  await runLogged('go', ['clean', '-cache', '-modcache'], {
    cwd: buildDir,
    env,
    logFile: path.join(config.paths.logs, 'go-clean.log'),
    failure: 'cleaning the Go caches under .local/go failed',
    hint: 'delete .local/go by hand; the FerretDB binary is built and usable',
  });
  return true;
}

/** Ready means a MongoDB `ping` command answers. */
async function probeMongo(config) {
  const client = new MongoClient(`mongodb://${config.host}:${config.mongoPort}/`, {
    directConnection: true,
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
  });
  try {
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } finally {
    await client.close().catch(() => {});
  }
}
