import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root (tools/deploy-checks/test/support → ../../../..). */
export const repoRoot = path.resolve(__dirname, '../../../..');

export const fromRoot = (...parts: string[]) => path.join(repoRoot, ...parts);

export const existsIn = (relative: string) => existsSync(fromRoot(relative));

export const readText = (relative: string) => readFileSync(fromRoot(relative), 'utf8');

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

/** Every YAML document of a multi-document text; merge keys (<<) resolved as Compose resolves them. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text, { merge: true }).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS({ maxAliasCount: 1000 }) as unknown;
  });
}

export const parseYaml = (text: string): unknown => {
  const [first] = parseYamlDocuments(text);
  return first;
};

/** The three services and the emulator: the workspaces the images are built from. */
export const SERVICES = [
  { name: 'webhook-gateway', dir: 'services/webhook-gateway' },
  { name: 'team-service', dir: 'services/team-service' },
  { name: 'entitlement-service', dir: 'services/entitlement-service' },
  { name: 'revenuecat-emulator', dir: 'tools/revenuecat-emulator' },
] as const;
