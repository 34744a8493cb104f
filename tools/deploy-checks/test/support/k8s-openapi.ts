import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { fromRoot, type Manifest } from './repo';

let releases: Record<string, string> | undefined;

/**
 * The official OpenAPI v3 documents of Kubernetes 1.30 to 1.34 ({ '1.30': dir, … }), downloaded once from the
 * Go module proxy by bin/ensure-k8s-openapi.mjs (about 17 MB a release; later calls return at once).
 */
export function kubernetesReleases(): Record<string, string> {
  releases ??= JSON.parse(
    execFileSync(process.execPath, [fromRoot('tools/deploy-checks/bin/ensure-k8s-openapi.mjs')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as Record<string, string>;
  return releases;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- walking untyped OpenAPI documents */
type Schema = Record<string, any>;

/**
 * As kubeconform's strict mode: an object schema listing its properties accepts no others, unless Kubernetes
 * marks it as keeping unknown fields. A misspelt key then fails instead of being dropped by the API server.
 */
function refuseUnknownFields(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(refuseUnknownFields);
  if (node === null || typeof node !== 'object') return;
  const schema = node as Schema;
  if (
    schema.properties &&
    schema.additionalProperties === undefined &&
    !schema['x-kubernetes-preserve-unknown-fields']
  ) {
    schema.additionalProperties = false;
  }
  Object.values(schema).forEach(refuseUnknownFields);
}

export interface KubernetesRelease {
  /** Problems of one manifest against this release's schema; a kind the release does not serve is one. */
  problems(manifest: Manifest): string[];
}

/** A validator for the release whose OpenAPI v3 documents are in `dir`. */
export function kubernetesRelease(name: string, dir: string): KubernetesRelease {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  // apiVersion/kind → the document and the schema that describe it (x-kubernetes-group-version-kind).
  const kinds = new Map<string, { file: string; schema: string }>();
  const documents = new Map<string, Schema>();
  for (const file of readdirSync(dir).filter((f) => /^(api__v1|apis__.+__v[^_]+)_openapi\.json$/.test(f))) {
    const document = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Schema;
    documents.set(file, document);
    for (const [schema, definition] of Object.entries(document.components?.schemas ?? {}) as Array<
      [string, Schema]
    >) {
      for (const gvk of definition['x-kubernetes-group-version-kind'] ?? []) {
        const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
        if (!kinds.has(`${apiVersion} ${gvk.kind}`)) kinds.set(`${apiVersion} ${gvk.kind}`, { file, schema });
      }
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (file: string, schema: string): ValidateFunction => {
    if (!ajv.getSchema(file)) {
      const { components } = structuredClone(documents.get(file)!);
      refuseUnknownFields(components);
      ajv.addSchema({ $id: file, components }, file);
    }
    const key = `${file}#/components/schemas/${schema}`;
    if (!compiled.has(key)) compiled.set(key, ajv.getSchema(key)!);
    return compiled.get(key)!;
  };

  return {
    problems(manifest) {
      const where = `Kubernetes ${name}: ${manifest.kind}/${manifest.metadata?.name ?? '?'}`;
      const found = kinds.get(`${manifest.apiVersion} ${manifest.kind}`);
      if (!found) return [`${where}: ${manifest.apiVersion} ${manifest.kind} is not served`];
      const validate = validatorFor(found.file, found.schema);
      if (validate(manifest)) return [];
      return (validate.errors ?? []).map((e) => {
        const extra =
          e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
        return `${where}: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
      });
    },
  };
}
