// `npm test`: install if needed, build, lint, then unit, integration and end-to-end tests.
// Where Kafka and MongoDB come from is decided once per tier by packages/testing (env, else Docker, else
// the local stack), in a mocha global fixture that runs before any test and outside test timeouts.
import { build, installIfNeeded, run, testFiles } from './bootstrap.mjs';

function runTier(tier, label) {
  if (testFiles(tier).length === 0) return console.log(`\n(no ${label} yet)`);
  run('npx', ['mocha', '--config', `.mocharc.${tier}.json`], { label });
}

const started = Date.now();
installIfNeeded();
build();
run('npm', ['run', 'lint', '--silent'], { label: 'lint (test types, eslint, prettier)' });
runTier('unit', 'unit tests');
runTier('int', 'integration tests');
runTier('e2e', 'end-to-end tests');
console.log(`\nall tests passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
