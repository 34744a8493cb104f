import assert from 'node:assert/strict';
import { ConfigError, DEVELOPMENT_SECRETS } from '@teamseat/config';

/**
 * The checks every service's configuration must pass in production (ADR 0032): a secret holding one of the
 * development values this repository publishes, or a required one left empty, fails start-up naming the variable
 * and never showing the value; real values start it, and in development the published values do too.
 */
export function productionSecretChecks({
  load,
  real,
  secrets,
  required,
}: {
  /** The service's config loader: throws ConfigError listing problems as `<VARIABLE>: <what is wrong>`. */
  load: (env: NodeJS.ProcessEnv) => unknown;
  /** Real-looking values for every secret the service needs in production. */
  real: Record<string, string>;
  secrets: string[];
  required: string[];
}) {
  function problemsOf(env: NodeJS.ProcessEnv): string[] {
    try {
      load(env);
    } catch (error) {
      assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
      return error.problems;
    }
    return [];
  }
  const named = (problems: string[]) => problems.map((p) => p.split(':')[0]);

  return {
    refusesPublishedValues() {
      for (const key of secrets) {
        for (const secret of DEVELOPMENT_SECRETS) {
          const problems = problemsOf({ ...real, NODE_ENV: 'production', [key]: secret });
          assert.deepEqual(named(problems), [key], `${key}=${secret}`);
          assert.ok(problems[0]!.includes('development value'), problems[0]);
          assert.ok(!problems[0]!.includes(secret), `${problems[0]} shows the value`);
        }
      }
    },
    refusesEmptyRequired() {
      for (const key of required) {
        assert.deepEqual(named(problemsOf({ ...real, NODE_ENV: 'production', [key]: '' })), [key], key);
      }
    },
    startsWithRealValues() {
      assert.deepEqual(problemsOf({ ...real, NODE_ENV: 'production' }), []);
      const local = Object.fromEntries(required.map((key) => [key, DEVELOPMENT_SECRETS[0]!]));
      assert.deepEqual(problemsOf({ ...real, ...local, NODE_ENV: 'development' }), []);
    },
  };
}
