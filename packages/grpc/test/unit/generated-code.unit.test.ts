import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

const repoRoot = path.resolve(__dirname, '../../../..');
const committedDir = path.join(repoRoot, 'packages/grpc/src/generated');

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
    .sort();
}

describe('generated gRPC code', function () {
  this.timeout(60_000);
  let freshDir: string;

  before(function () {
    freshDir = mkdtempSync(path.join(tmpdir(), 'teamseat-gen-proto-'));
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts/gen-proto.mjs'), '--out', freshDir], {
      stdio: 'pipe',
    });
  });

  after(function () {
    rmSync(freshDir, { recursive: true, force: true });
  });

  it('when the protos are regenerated, then the same files come out', function () {
    expect(listFiles(committedDir), 'generated code is stale: run npm run build:proto').to.deep.equal(
      listFiles(freshDir),
    );
  });

  it('when the protos are regenerated, then every file has the committed content', function () {
    const stale = listFiles(freshDir).filter(
      (file) =>
        !existsSync(path.join(committedDir, file)) ||
        readFileSync(path.join(freshDir, file), 'utf8') !==
          readFileSync(path.join(committedDir, file), 'utf8'),
    );
    expect(stale, 'generated code is stale: run npm run build:proto').to.deep.equal([]);
  });
});
