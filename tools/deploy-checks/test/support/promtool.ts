import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { fromRoot, parseYaml, readText } from './repo';

let binary: string | undefined;

/** Debian's promtool of the pinned version, unpacked once into .local by bin/ensure-promtool.mjs. */
export function ensurePromtool(): string {
  binary ??= execFileSync(process.execPath, [fromRoot('tools/deploy-checks/bin/ensure-promtool.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return binary;
}

/** What promtool said and whether it succeeded. */
export function promtool(args: string[], cwd?: string): { ok: boolean; output: string } {
  const result = spawnSync(ensurePromtool(), args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export interface RuleGroups {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string }> }>;
}

/** The rule groups of a PrometheusRule manifest: its spec is a Prometheus rules file. */
export function ruleGroupsOf(prometheusRuleFile: string): RuleGroups {
  return (parseYaml(readText(prometheusRuleFile)) as { spec: RuleGroups }).spec;
}

/** A scratch directory holding `groups` as `rulesName` and a copy of each of `files`. */
export function scratchRules(groups: RuleGroups, rulesName: string, files: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'teamseat-rules-'));
  writeFileSync(path.join(dir, rulesName), stringify(groups));
  for (const file of files) copyFileSync(fromRoot(file), path.join(dir, path.basename(file)));
  return dir;
}
