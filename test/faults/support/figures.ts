import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './processes';

/**
 * The figures a scenario measured: printed, and appended as one JSON line to FAULTS_FIGURES_FILE
 * (default .local/tmp/faults/figures.jsonl) for docs/reliability.md.
 */
export function recordFigures(scenario: string, figures: Record<string, unknown>) {
  const line = { scenario, at: new Date().toISOString(), ...figures };
  console.log(`      figures: ${JSON.stringify(line)}`);
  const file = process.env.FAULTS_FIGURES_FILE ?? path.join(REPO_ROOT, '.local/tmp/faults/figures.jsonl');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
}
