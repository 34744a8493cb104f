import { execFileSync } from 'node:child_process';
import { fromRoot, parseYamlDocuments, type Manifest } from './repo';

let binary: string | undefined;

/**
 * The pinned kustomize, built once from the Go module proxy into .local/bin by bin/ensure-kustomize.mjs
 * (the first call can take a minute or two; later calls return at once).
 */
export function ensureKustomize(): string {
  if (binary) return binary;
  const out = execFileSync(process.execPath, [fromRoot('tools/deploy-checks/bin/ensure-kustomize.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  binary = out.trim();
  return binary;
}

/** Renders a kustomization directory (relative to the repository root) into its manifests. */
export function renderKustomization(dir: string): Manifest[] {
  const yaml = execFileSync(ensureKustomize(), ['build', fromRoot(dir)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseYamlDocuments(yaml).filter((doc) => doc !== null) as Manifest[];
}
