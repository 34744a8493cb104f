import { createRequire } from 'node:module';
import { fromRoot, parseYaml, readText } from './repo';

/* eslint-disable @typescript-eslint/no-explicit-any -- Compose files are untyped YAML */
export type ComposeService = Record<string, any>;
export type ComposeFile = { name?: string; services: Record<string, ComposeService>; [key: string]: unknown };

export const readCompose = (relative = 'docker-compose.yml') => parseYaml(readText(relative)) as ComposeFile;

/**
 * dclint validates against the current Compose Specification JSON schema (it cannot be turned off) and applies
 * its best-practice rules. Switched off: ordering rules (the file is ordered by dependency, not alphabet),
 * no-build-and-image (`image` names what `build` makes, so `docker compose build` tags it for the registry) and
 * require-project-name-field (Compose v1 refuses a top-level `name`; the project name comes from -p).
 */
const LINT_CONFIG = {
  rules: {
    'no-build-and-image': 0,
    'require-project-name-field': 0,
    'service-keys-order': 0,
    'services-alphabetical-order': 0,
    'service-ports-alphabetical-order': 0,
    'service-dependencies-alphabetical-order': 0,
    'top-level-properties-order': 0,
  },
  quiet: false,
  debug: false,
  exclude: [],
} as const;

export type LintMessage = { rule: string; type: string; message: string; line: number };

type Linter = { lintFiles(paths: string[], recursive: boolean): Array<{ messages: LintMessage[] }> };
// dclint is an ES module with a CommonJS build; loaded through require so this CommonJS test code type-checks.
const { DCLinter } = createRequire(__filename)('dclint') as { DCLinter: new (config: unknown) => Linter };

/** Every schema error and rule violation dclint finds in a Compose file (absolute or repository-relative). */
export function lintCompose(file: string): LintMessage[] {
  const linter = new DCLinter(LINT_CONFIG);
  const path = file.startsWith('/') ? file : fromRoot(file);
  return linter.lintFiles([path], false).flatMap((result) => result.messages);
}

/** Host ports a service publishes ("127.0.0.1:8080:8080" → 8080). */
export function publishedPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((spec: string | { published: number | string }) => {
    if (typeof spec !== 'string') return Number(spec.published);
    const parts = spec.split(':');
    return Number(parts[parts.length - 2]);
  });
}

/** Container ports a service publishes ("127.0.0.1:8080:8080" → 8080). */
export function containerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((spec: string | { target: number }) =>
    typeof spec === 'string' ? Number(spec.split(':').at(-1)!.split('/')[0]) : spec.target,
  );
}
