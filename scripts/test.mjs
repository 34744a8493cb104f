// `npm test`: install if needed, build, lint, then unit, integration and end-to-end tests.
// Integration tests get Kafka and MongoDB from KAFKA_BROKERS / MONGODB_URI when set, from testcontainers when a
// Docker engine answers, otherwise from the local stack started here (packages/testing makes the same choice).
import { build, dockerEngineAnswers, installIfNeeded, readStackEnv, run, testFiles } from './bootstrap.mjs';

function runTier(tier, label, env = process.env) {
  if (testFiles(tier).length === 0) return console.log(`\n(no ${label} yet)`);
  run('npx', ['mocha', '--config', `.mocharc.${tier}.json`], { env, label });
}

const started = Date.now();
installIfNeeded();
build();
run('npm', ['run', 'lint', '--silent'], { label: 'lint (eslint + prettier)' });
runTier('unit', 'unit tests');

const env = { ...process.env };
if (!(env.KAFKA_BROKERS && env.MONGODB_URI) && !dockerEngineAnswers()) {
  run('npm', ['run', 'stack:up', '--silent'], { label: 'local stack (Kafka + FerretDB)' });
  Object.assign(env, readStackEnv());
}
runTier('int', 'integration tests', env);
runTier('e2e', 'end-to-end tests', env);
console.log(`\nall tests passed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
