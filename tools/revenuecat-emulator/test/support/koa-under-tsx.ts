/* eslint-disable @typescript-eslint/no-require-imports -- patches the require cache, see below */
// tsx before 4.22.2 ignores the `'module.exports'` export that Node's require(esm) honours (privatenumber/tsx#755),
// so koa's is-generator-function gets a namespace object from `generator-function` instead of a function.
// Load that package's CommonJS entry into the cache before koa asks for it (same shim as the services' tests).
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
