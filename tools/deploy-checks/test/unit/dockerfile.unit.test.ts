import { expect } from 'chai';
import { isIgnored, parseDockerfile } from '../support/dockerfile';
import { dockerfileProblems, type BuildInputs } from '../support/dockerfile-policy';
import { readText, SERVICES } from '../support/repo';
import { rootBuildReferences, runtimeWorkspaceClosure } from '../support/workspaces';

const dockerfile = readText('Dockerfile');
const dockerignore = readText('.dockerignore');

/** What `npm run build` (gen-proto + `tsc -b tsconfig.json`) reads, and what each service needs at run time. */
function buildInputs(ignore = dockerignore): BuildInputs {
  const required = new Set([
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.base.json',
    'scripts/gen-proto.mjs',
    'proto',
    ...rootBuildReferences(),
    ...SERVICES.flatMap((s) => runtimeWorkspaceClosure(s.dir)),
  ]);
  return { required: [...required], dockerignore: ignore };
}

describe('Dockerfile', () => {
  it('when linted, then it is multi-stage on pinned Node 22, builds everything and runs node as non-root', () => {
    expect(dockerfileProblems(dockerfile, buildInputs())).to.deep.equal([]);
  });

  it('when each service is picked with SERVICE, then the root build compiles it and the image runs it', () => {
    const references = rootBuildReferences();
    for (const { dir } of SERVICES) expect(references, dir).to.include(dir);
    const runtime = parseDockerfile(dockerfile).stages.at(-1)!;
    const keywordArgs = runtime.instructions.map((i) => `${i.keyword} ${i.args}`);
    expect(keywordArgs).to.include('ARG SERVICE');
    expect(keywordArgs).to.include('WORKDIR /app/${SERVICE}');
    expect(keywordArgs.find((k) => k.startsWith('RUN npm ci'))).to.include('--workspace "$SERVICE"');
  });

  it('when a rule is broken, then the lint names it', () => {
    const broken = (from: string, to: string) => {
      expect(dockerfile, from).to.include(from);
      return dockerfileProblems(dockerfile.replace(from, to), buildInputs()).join('\n');
    };
    expect(broken('USER 1000:1000', 'USER root')).to.include('runtime stage runs as root');
    expect(broken('USER 1000:1000', '')).to.include('no USER');
    expect(broken('CMD ["node", "dist/main.js"]', 'CMD npm start')).to.include('shell form');
    expect(broken('CMD ["node", "dist/main.js"]', 'CMD ["npm", "start"]')).to.include(
      'not ["node", "dist/main.js"]',
    );
    expect(broken('ARG NODE_IMAGE=node:22.23.3-alpine', 'ARG NODE_IMAGE=node:22-alpine')).to.include(
      'is not node:22.x.y pinned',
    );
    expect(broken('ARG NODE_IMAGE=node:22.23.3-alpine', 'ARG NODE_IMAGE=node:latest')).to.include('latest');
    expect(broken('--omit=dev', '')).to.include('does not run `npm ci --omit=dev`');
    expect(broken('COPY packages/ packages/', '')).to.include('does not copy packages/kafka');
    expect(broken('COPY tools/ tools/', '')).to.include('does not copy tools/revenuecat-emulator');
    expect(broken('COPY --from=build /out/ ./', '')).to.include('does not copy the build output');
    expect(broken('COPY --from=manifests /src/ ./', '')).to.include('does not copy package-lock.json');
    expect(dockerfileProblems(dockerfile, buildInputs(`${dockerignore}\npackages/grpc\n`))).to.include(
      '.dockerignore excludes packages/grpc/package.json',
    );
    expect(
      dockerfileProblems('FROM node:22.23.3-alpine\nCMD ["node", "dist/main.js"]\n', buildInputs()),
    ).to.deep.equal(['needs a multi-stage build, found 1 stage(s)']);
  });

  it('when parsed, then continuations, comments and global ARGs are read as BuildKit reads them', () => {
    const parsed = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG BASE=node:22.1.0-alpine',
        'FROM ${BASE} AS one',
        'RUN a \\',
        '# a comment inside the continuation',
        '    && b',
        'FROM one',
        'CMD ["x"]',
      ].join('\n'),
    );
    expect(parsed.stages.map((s) => [s.name, s.base])).to.deep.equal([
      ['one', 'node:22.1.0-alpine'],
      [undefined, 'one'],
    ]);
    expect(parsed.stages[0]!.instructions).to.deep.equal([{ keyword: 'RUN', args: 'a && b', line: 4 }]);
  });

  it('when .dockerignore patterns are applied, then directories, ** and ! behave as in Docker', () => {
    const rules = '**/node_modules\n**/dist\n.local\ndocs\n!docs/keep.md\n';
    expect(isIgnored('node_modules/x/index.js', rules)).to.equal(true);
    expect(isIgnored('packages/kafka/node_modules/y', rules)).to.equal(true);
    expect(isIgnored('packages/kafka/dist/index.js', rules)).to.equal(true);
    expect(isIgnored('packages/kafka/src/index.ts', rules)).to.equal(false);
    expect(isIgnored('.local/bin/kustomize', rules)).to.equal(true);
    expect(isIgnored('docs/adr/0001.md', rules)).to.equal(true);
    expect(isIgnored('docs/keep.md', rules)).to.equal(false);
    expect(isIgnored('services/x/src/docs/a.ts', rules)).to.equal(false);
  });
});
