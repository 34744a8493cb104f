// Source changes applied to FerretDB before it is built (ADR 0009). Each one names the upstream fault it
// mends, replaces text that must occur exactly once, and fails the build when the text is not there, so a
// version bump can never silently build without it.
import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors.mjs';

export const FERRETDB_PATCHES = [
  {
    name: 'sqlite-id-index',
    // FerretDB v1 queries, updates and deletes by `_id` with `_ferretdb_sjson->'$._id' = ?`, but creates the
    // `_id` index on `_ferretdb_sjson->"_id"`. SQLite matches index expressions by their text, so every
    // `_id` operation scanned the whole table and parsed each document (27 ms per findOne at 5,000 documents
    // of 3 KB, against 0.7 ms with the index). Both expressions mean the same JSON value; the query now uses
    // the index's spelling.
    file: 'internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: 'IDColumn = DefaultColumn + `->"_id"`',
  },
];

/** Names the build: the version plus the patches, so a binary built without them is built again. */
export function buildId(version, patches = FERRETDB_PATCHES) {
  return [version, ...patches.map((patch) => patch.name)].join('+');
}

/** Applies every patch to the source tree at `sourceDir` (writable). */
export function applyPatches(sourceDir, patches = FERRETDB_PATCHES) {
  for (const patch of patches) {
    const file = path.join(sourceDir, patch.file);
    const text = fs.readFileSync(file, 'utf8');
    const occurrences = text.split(patch.find).length - 1;
    if (occurrences !== 1) {
      throw new StackError(
        `FerretDB patch ${patch.name}: expected the text to change once in ${patch.file}, found it ${occurrences} times`,
        'the FerretDB version changed: check whether the fault is fixed upstream, then update or drop the patch in tools/local-stack/lib/ferretdb-patches.mjs',
      );
    }
    fs.chmodSync(file, 0o644); // copied from the read-only module cache
    fs.writeFileSync(file, text.replace(patch.find, patch.replace));
  }
}
