import { createRequire } from 'node:module';
import { expect } from 'chai';
import { fromRoot, readText } from '../support/repo';

const { nodeVersionProblem } = createRequire(__filename)(fromRoot('scripts/check-node.cjs')) as {
  nodeVersionProblem: (found: string, range: string) => string | undefined;
};
const packageJson = JSON.parse(readText('package.json')) as {
  license: string;
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('npm start and npm test: the Node.js version comes first', () => {
  it('when npm start or npm test runs, then the Node.js check runs before anything else', () => {
    for (const script of ['start', 'test']) {
      expect(packageJson.scripts[script], script).to.match(
        /^node scripts\/check-node\.cjs && node scripts\//,
      );
    }
  });

  it('when Node.js is older than engines.node, then the check names the version to install', () => {
    const problem = nodeVersionProblem('18.20.4', '>=20.19');
    expect(problem).to.include('needs Node.js 20.19.0 or newer');
    expect(problem).to.include('this is 18.20.4');
    expect(problem).to.include('nvm install 20');
    expect(nodeVersionProblem('20.18.3', '>=20.19')).to.include('20.19.0');
  });

  it('when Node.js meets engines.node, then the check passes, this machine included', () => {
    for (const version of ['20.19.0', '20.20.2', '22.1.0', 'v24.0.0']) {
      expect(nodeVersionProblem(version, '>=20.19'), version).to.equal(undefined);
    }
    expect(nodeVersionProblem(process.versions.node, packageJson.engines.node)).to.equal(undefined);
  });

  it('when engines.node is not a plain minimum, then the check says package.json is wrong', () => {
    expect(() => nodeVersionProblem('20.19.0', '^20')).to.throw(/engines\.node must read/);
  });
});

describe('LICENSE', () => {
  it("when package.json names Apache-2.0, then LICENSE holds the Apache License 2.0's text", () => {
    expect(packageJson.license).to.equal('Apache-2.0');
    const text = readText('LICENSE');
    expect(text).to.match(/Apache License\s+Version 2\.0, January 2004/);
    expect(text).to.include('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(text).to.include('END OF TERMS AND CONDITIONS');
  });
});
