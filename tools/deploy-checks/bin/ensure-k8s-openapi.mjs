#!/usr/bin/env node
// The official OpenAPI v3 documents (api/openapi-spec/v3) of the Kubernetes releases the manifests must fit,
// from the k8s.io/kubernetes module on the Go module proxy (`go mod download`, checked against the checksum
// database, cached under .local/go/mod like the other Go tools). Prints { "<minor>": "<directory>" } as JSON.
// docs/adr/0032.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { local } from './debian-packages.mjs';

/** The newest patch release of each minor the proxy serves, oldest first. */
export const KUBERNETES_RELEASES = ['v1.30.14', 'v1.31.14', 'v1.32.13', 'v1.33.13', 'v1.34.4'];

const SPEC = 'api/openapi-spec/v3';

function download(version, log) {
  const goRoot = path.join(local, 'go');
  log(`downloading k8s.io/kubernetes@${version} (about 17 MB)...`);
  const result = spawnSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], {
    encoding: 'utf8',
    cwd: local,
    env: {
      ...process.env,
      GOPATH: goRoot,
      GOCACHE: path.join(goRoot, 'cache'),
      GOMODCACHE: path.join(goRoot, 'mod'),
      GOFLAGS: '-modcacherw',
    },
  });
  if (result.error)
    throw new Error(`needs Go on PATH to download the Kubernetes schemas (${result.error.message})`);
  const answer = result.stdout ? JSON.parse(result.stdout) : {};
  if (result.status !== 0 || !answer.Dir) {
    throw new Error(
      `go mod download k8s.io/kubernetes@${version} failed: ${answer.Error ?? result.stderr.trim()}`,
    );
  }
  return answer.Dir;
}

export function ensureKubernetesOpenApi({ log = (line) => console.error(line) } = {}) {
  const dirs = {};
  for (const version of KUBERNETES_RELEASES) {
    const cached = path.join(local, 'go', 'mod', `k8s.io/kubernetes@${version}`, SPEC);
    dirs[version.replace(/^v(\d+\.\d+)\.\d+$/, '$1')] = existsSync(cached)
      ? cached
      : path.join(download(version, log), SPEC);
  }
  return dirs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(
      JSON.stringify(
        ensureKubernetesOpenApi({ log: (line) => console.error(`ensure-k8s-openapi: ${line}`) }),
      ),
    );
  } catch (error) {
    console.error(`ensure-k8s-openapi: ${error.message}`);
    process.exit(1);
  }
}
