import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// Each restriction of eslint/import-boundaries.mjs, shown reporting a violating import and leaving the
// allowed one alone. Snippets are linted in memory under the path they would have, against the real tree
// (import/no-restricted-paths resolves the imported file), with the repository's own eslint.config.mjs.

const ROOT = path.resolve(__dirname, '../..');
const GATEWAY = 'services/webhook-gateway/src';
const EMULATOR = 'tools/revenuecat-emulator/src';

const repositoryLint = new ESLint({ cwd: ROOT });

async function reported(file: string, code: string, lint: ESLint = repositoryLint): Promise<string[]> {
  const [result] = await lint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const BOUNDARY_RULES = /^(no-restricted-(imports|globals|properties|syntax)|import\/no-restricted-paths):/;
const boundaries = (messages: string[]) => messages.filter((message) => BOUNDARY_RULES.test(message));

async function expectReported(file: string, code: string, rule: string, lint?: ESLint) {
  const messages = boundaries(await reported(file, code, lint));
  expect(messages, `${file}: ${code}`).to.have.length.greaterThan(0);
  expect(
    messages.every((message) => message.startsWith(`${rule}:`)),
    messages.join('\n'),
  ).to.equal(true);
}

async function expectAllowed(file: string, code: string, lint?: ESLint) {
  expect(boundaries(await reported(file, code, lint)), `${file}: ${code}`).to.deep.equal([]);
}

describe('import boundaries (eslint)', function () {
  this.timeout(30_000);

  describe('(a) domain/ does no I/O and imports only domain/', () => {
    const file = `${GATEWAY}/domain/boundary-fixture.ts`;

    it('when domain code imports an I/O module, then lint reports it', async () => {
      for (const module of [
        'node:fs',
        'fs/promises',
        'node:http',
        'kafkajs',
        'mongoose',
        '@teamseat/kafka',
      ]) {
        await expectReported(
          file,
          `import * as io from '${module}';\nexport const x = io;\n`,
          'no-restricted-imports',
        );
      }
      await expectReported(
        file,
        "import { credentials } from '@grpc/grpc-js';\nexport const c = credentials;\n",
        'no-restricted-imports',
      );
      await expectReported(
        file,
        "import type { Logger } from '@teamseat/logger';\nexport type L = Logger;\n",
        'no-restricted-imports',
      );
      await expectReported(
        `${EMULATOR}/domain/boundary-fixture.ts`,
        "import { loadCatalogFile } from '@teamseat/contracts';\nexport const load = loadCatalogFile;\n",
        'no-restricted-imports',
      );
    });

    it('when domain code draws randomness from node:crypto, then lint reports it; hashing is fine', async () => {
      await expectReported(
        file,
        "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID();\n",
        'no-restricted-imports',
      );
      await expectReported(
        file,
        "import crypto from 'node:crypto';\nexport const c = crypto;\n",
        'no-restricted-imports',
      );
      await expectAllowed(
        file,
        "import { createHash, timingSafeEqual } from 'node:crypto';\nexport const f = [createHash, timingSafeEqual];\n",
      );
    });

    it('when domain code reads the clock, randomness or timers itself, then lint reports it', async () => {
      await expectReported(file, 'export const now = () => Date.now();\n', 'no-restricted-properties');
      await expectReported(file, 'export const roll = () => Math.random();\n', 'no-restricted-properties');
      await expectReported(file, 'export const today = () => new Date();\n', 'no-restricted-syntax');
      await expectReported(
        file,
        'export const later = (f: () => void) => setTimeout(f, 1);\n',
        'no-restricted-globals',
      );
      await expectReported(file, 'export const id = () => crypto.randomUUID();\n', 'no-restricted-globals');
      await expectAllowed(file, 'export const at = (ms: number) => new Date(ms).toISOString();\n');
    });

    it('when domain code imports another layer or the composition files, then lint reports it', async () => {
      for (const target of [
        '../adapters/kafka/webhook-publisher',
        '../application/ports',
        '../entry-points/http/create-app',
        '../config',
        '..',
      ]) {
        await expectReported(file, `export * from '${target}';\n`, 'import/no-restricted-paths');
      }
      await expectAllowed(file, "export { createDuplicateWindow } from './duplicate-window';\n");
    });
  });

  describe('(b) application/ imports only its ports and domain/', () => {
    const file = `${GATEWAY}/application/boundary-fixture.ts`;

    it('when a use case imports an adapter or an entry point, then lint reports it', async () => {
      await expectReported(
        file,
        "export * from '../adapters/kafka/webhook-publisher';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        file,
        "export * from '../entry-points/http/create-app';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        `${EMULATOR}/application/boundary-fixture.ts`,
        "export * from '../adapters/webhooks/webhook-dispatcher';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        file,
        "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
        'no-restricted-imports',
      );
    });

    it('when a use case imports its ports and the domain, then lint is content', async () => {
      await expectAllowed(
        file,
        "export * from './ports';\nexport * from '../domain/duplicate-window';\nexport * from '@teamseat/contracts';\n",
      );
    });
  });

  describe('(c) a service or tool never imports another one', () => {
    it('when a service imports another service or a tool, by path or by name, then lint reports it', async () => {
      await expectReported(
        `${GATEWAY}/boundary-fixture.ts`,
        "export * from '../../team-service/src/config';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        `${GATEWAY}/entry-points/http/boundary-fixture.ts`,
        "export * from '../../../../../tools/revenuecat-emulator/src/config';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        `${GATEWAY}/boundary-fixture.ts`,
        "export * from '@teamseat/revenuecat-emulator';\n",
        'no-restricted-imports',
      );
      await expectReported(
        'services/entitlement-service/src/boundary-fixture.ts',
        "export { loadGatewayConfig } from '@teamseat/webhook-gateway';\n",
        'no-restricted-imports',
      );
      await expectReported(
        `${EMULATOR}/boundary-fixture.ts`,
        "export * from '../../../services/webhook-gateway/src/config';\n",
        'import/no-restricted-paths',
      );
    });

    it('when a test drives the emulator or a real gateway, then lint is content (tests are not src)', async () => {
      await expectAllowed(
        'services/entitlement-service/test/support/boundary-fixture.ts',
        "export * from '@teamseat/revenuecat-emulator';\nexport * from '@teamseat/webhook-gateway';\n",
      );
    });
  });

  describe('(d) packages never import a service or a tool', () => {
    it('when a package imports a service or a tool, by path or by name, then lint reports it', async () => {
      await expectReported(
        'packages/errors/src/boundary-fixture.ts',
        "export * from '../../../services/webhook-gateway/src/config';\n",
        'import/no-restricted-paths',
      );
      await expectReported(
        'packages/testing/src/boundary-fixture.ts',
        "export * from '@teamseat/revenuecat-emulator';\n",
        'no-restricted-imports',
      );
      await expectAllowed('packages/testing/src/boundary-fixture.ts', "export * from '@teamseat/errors';\n");
    });
  });

  describe('enabling the interior for a workspace', () => {
    it('when a workspace is in the list, then its domain/ and application/ are held to (a) and (b); left out, they are not', async () => {
      const module = pathToFileURL(path.join(ROOT, 'eslint/import-boundaries.mjs')).href;
      const { importBoundaries, INTERIORS } = (await import(module)) as {
        importBoundaries: (options: { interiors: string[] }) => Linter.Config[];
        INTERIORS: string[];
      };
      const workspace = 'services/team-service';
      const lintWith = (interiors: string[]) =>
        new ESLint({
          cwd: ROOT,
          overrideConfigFile: true,
          overrideConfig: [
            { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
            ...importBoundaries({ interiors }),
          ],
        });
      const listed = lintWith([...INTERIORS.filter((dir) => dir !== workspace), workspace]);
      const leftOut = lintWith(INTERIORS.filter((dir) => dir !== workspace));
      const domainFile = `${workspace}/src/domain/boundary-fixture.ts`;
      const applicationFile = `${workspace}/src/application/boundary-fixture.ts`;
      const io = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";
      const adapter = "export * from '../adapters/database/team-repository';\n";

      expect(INTERIORS).to.include(workspace);
      await expectReported(domainFile, io, 'no-restricted-imports', listed);
      await expectReported(
        domainFile,
        "export * from '../entry-points/grpc/caller';\n",
        'import/no-restricted-paths',
        listed,
      );
      await expectReported(applicationFile, adapter, 'import/no-restricted-paths', listed);
      await expectAllowed(domainFile, io, leftOut);
      await expectAllowed(applicationFile, adapter, leftOut);
    });
  });
});
