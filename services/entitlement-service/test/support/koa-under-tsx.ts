/* eslint-disable @typescript-eslint/no-require-imports -- patches the require cache, see below */
// The emulator runs on koa 2, whose is-generator-function requires `generator-function`. tsx before 4.22.2
// ignores the `'module.exports'` export that Node's require(esm) honours (privatenumber/tsx#755) and hands
// koa a namespace object instead of a function. Put the package's CommonJS entry in the cache first.
import path from 'node:path';

const resolved = require.resolve('generator-function');
const loaded: unknown = require(resolved);
if (typeof loaded !== 'function') {
  const commonJsEntry = path.join(
    path.dirname(require.resolve('generator-function/package.json')),
    'index.js',
  );
  require.cache[resolved]!.exports = require(commonJsEntry);
}
