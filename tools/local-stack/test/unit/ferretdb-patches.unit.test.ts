import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const load = () => import('../../lib/ferretdb-patches.mjs');

function sourceTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text, { mode: 0o444 });
  }
  return dir;
}

const patch = { name: 'p', file: 'a/b.go', find: 'X = 1', replace: 'X = 2' };

describe('local-stack FerretDB patches', () => {
  it('when the text occurs once, then it is replaced, even in a read-only file', async () => {
    const { applyPatches } = await load();
    const dir = sourceTree({ 'a/b.go': 'const (\n\tX = 1\n)\n' });

    applyPatches(dir, [patch]);

    expect(fs.readFileSync(path.join(dir, 'a/b.go'), 'utf8')).to.equal('const (\n\tX = 2\n)\n');
  });

  it('when the text is missing or repeated, then the build stops naming the patch and the file', async () => {
    const { applyPatches } = await load();
    const missing = sourceTree({ 'a/b.go': 'X = 3\n' });
    const twice = sourceTree({ 'a/b.go': 'X = 1\nX = 1\n' });

    expect(() => applyPatches(missing, [patch])).to.throw(
      'FerretDB patch p: expected the text to change once in a/b.go, found it 0 times',
    );
    expect(() => applyPatches(twice, [patch])).to.throw('found it 2 times');
    expect(fs.readFileSync(path.join(twice, 'a/b.go'), 'utf8')).to.equal('X = 1\nX = 1\n');
  });

  it('when the shipped patches are listed, then the build id names the version and each patch', async () => {
    const { FERRETDB_PATCHES, buildId } = await load();

    expect(buildId('v1.24.2')).to.equal(`v1.24.2+${FERRETDB_PATCHES.map((p) => p.name).join('+')}`);
    expect(buildId('v1.24.2', [])).to.equal('v1.24.2');
  });
});
