// `npm run bench`: runs every bench/<name>/run.mjs, each printing one JSON object
// { name, metrics, baseline, ratios } as its last stdout line, then writes results/latest.json and the
// table between the markers in README.md. Benchmarks need the local stack (npm run stack:up) and a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const suites = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(benchDir, entry.name, 'run.mjs')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name));

const results = [];
let failed = false;
for (const name of suites) {
  console.error(`▶ bench/${name}`);
  const run = spawnSync(process.execPath, [path.join(benchDir, name, 'run.mjs')], {
    cwd: path.resolve(benchDir, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    if (run.status !== 0) throw new Error(`exit ${run.status}`);
    results.push({ suite: name, ...JSON.parse(last) });
  } catch (error) {
    failed = true;
    console.error(`✖ bench/${name} failed: ${error.message}`);
  }
}

const machine = {
  cpus: (await import('node:os')).cpus().length,
  node: process.version,
  date: new Date().toISOString(),
};
// Running some suites keeps the others' last figures; each row says when its suite ran.
const latestPath = path.join(benchDir, 'results', 'latest.json');
const previous = existsSync(latestPath) ? JSON.parse(readFileSync(latestPath, 'utf8')).results : [];
for (const result of results) result.ranAt = machine.date;
results.push(...previous.filter((old) => !results.some((fresh) => fresh.suite === old.suite)));
results.sort((a, b) => a.suite.localeCompare(b.suite));
writeFileSync(latestPath, JSON.stringify({ machine, results }, null, 2) + '\n');

const fmt = (value) =>
  typeof value === 'number'
    ? Number.isInteger(value)
      ? String(value)
      : value.toFixed(3)
    : JSON.stringify(value);
const rows = results.flatMap(({ suite, name, ratios = {}, metrics = {}, baseline = {} }) => [
  ...Object.entries(ratios).map(
    ([key, value]) => `| ${suite} | ${name ?? suite} | ratio: ${key} | ${fmt(value)} |`,
  ),
  ...Object.entries(metrics).map(
    ([key, value]) => `| ${suite} | ${name ?? suite} | ${key} | ${fmt(value)} |`,
  ),
  ...Object.entries(baseline).map(
    ([key, value]) => `| ${suite} | ${name ?? suite} | baseline: ${key} | ${fmt(value)} |`,
  ),
]);
const table = [
  `Last run: ${machine.date}, ${machine.cpus} CPUs, Node ${machine.node}. Suites ran at: ${results
    .map(({ suite, ranAt }) => `${suite} ${ranAt ?? 'unknown'}`)
    .join(', ')}.`,
  '',
  '| suite | benchmark | figure | value |',
  '|---|---|---|---|',
  ...rows,
].join('\n');
const readmePath = path.join(benchDir, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = readme.replace(
  /<!-- results:start -->[\s\S]*<!-- results:end -->/,
  `<!-- results:start -->\n${table}\n<!-- results:end -->`,
);
writeFileSync(readmePath, updated);
console.log(table);
process.exit(failed ? 1 : 0);
