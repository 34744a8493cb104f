// Types of ferretdb-patches.mjs for the TypeScript tests.
export interface FerretdbPatch {
  name: string;
  file: string;
  find: string;
  replace: string;
}
export const FERRETDB_PATCHES: FerretdbPatch[];
export function buildId(version: string, patches?: FerretdbPatch[]): string;
export function applyPatches(sourceDir: string, patches?: FerretdbPatch[]): void;
