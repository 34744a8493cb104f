/**
 * Reads the ports a Markdown document gives per part, from table rows whose first cell is a part's name,
 * e.g. `| webhook-gateway | 8080 | 9080 |` or `| webhook-gateway | \`services/webhook-gateway\` | 8080 (9080) |`.
 * Numbers of 4 or 5 digits in the other cells are the ports; a cell with a path contributes nothing.
 */
export function portsTable(markdown: string, names: readonly string[]): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) continue;
    const cells = trimmed
      .slice(1, trimmed.endsWith('|') ? -1 : undefined)
      .split('|')
      .map((cell) => cell.trim().replace(/`/g, ''));
    const [first, ...rest] = cells;
    if (first === undefined || !names.includes(first)) continue;
    const ports = rest
      .filter((cell) => !cell.includes('/'))
      .flatMap((cell) => [...cell.matchAll(/\b(\d{4,5})\b/g)].map((m) => Number(m[1])));
    table.set(first, ports);
  }
  return table;
}
