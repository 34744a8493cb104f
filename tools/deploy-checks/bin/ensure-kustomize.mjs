#!/usr/bin/env node
// Prints the path of a kustomize binary of the pinned version, building it first when it is not cached.
// The real kustomize renders the overlays in the tests, so what is checked is what `kubectl apply -k` sends.
// Built from the Go module proxy into .local/bin/kustomize-<version> (scripts/go-tool.mjs). Override with
// KUSTOMIZE=/path/to/kustomize.
import { ensureGoTool } from '../../../scripts/go-tool.mjs';

export const KUSTOMIZE_VERSION = 'v5.7.1';

if (process.env.KUSTOMIZE) {
  console.log(process.env.KUSTOMIZE);
} else {
  try {
    console.log(
      ensureGoTool({
        name: 'kustomize',
        module: 'sigs.k8s.io/kustomize/kustomize/v5',
        version: KUSTOMIZE_VERSION,
        log: (line) => console.error(`ensure-kustomize: ${line}`),
      }),
    );
  } catch (error) {
    console.error(`ensure-kustomize: ${error.message}`);
    process.exit(1);
  }
}
