/** A Dockerfile read the way BuildKit reads it: directives, comments, continuations, stages, global ARGs. */
export type Instruction = { keyword: string; args: string; line: number };
export type Stage = { index: number; name?: string; base: string; instructions: Instruction[] };
export type Dockerfile = { globalArgs: Record<string, string | undefined>; stages: Stage[] };

export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    // Comment lines are dropped even inside a continued instruction, as BuildKit does.
    if (/^\s*#/.test(line)) return;
    if (!pending && line.trim() === '') return;
    const continued = /\\\s*$/.test(line);
    const body = continued ? line.replace(/\\\s*$/, '') : line;
    pending = pending
      ? { ...pending, text: `${pending.text} ${body.trim()}` }
      : { text: body.trim(), line: i + 1 };
    if (continued) return;
    const [keyword = '', ...rest] = pending.text.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ').trim(), line: pending.line });
    pending = undefined;
  });

  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const asIndex = parts.findIndex((p) => p.toUpperCase() === 'AS');
      stages.push({
        index: stages.length,
        base: substitute(parts[0] ?? '', globalArgs),
        ...(asIndex > 0 && { name: parts[asIndex + 1] }),
        instructions: [],
      });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name = '', value] = instruction.args.split('=', 2) as [string, string | undefined];
      globalArgs[name.trim()] = value?.trim();
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** ${NAME}, $NAME and ${NAME:-default} from the given values. */
export function substitute(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (_, braced, fallback, bare) => {
    const value = values[braced ?? bare];
    return value ?? fallback ?? '';
  });
}

/** The JSON array of an exec-form CMD/ENTRYPOINT, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Source paths of a COPY/ADD (flags dropped, destination dropped). */
export function copySources(instruction: Instruction): string[] {
  const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
  return parts.slice(0, -1);
}

export const copyFrom = (instruction: Instruction) => /--from=(\S+)/.exec(instruction.args)?.[1];

/**
 * .dockerignore semantics: patterns are matched against the path and each of its parent directories
 * (excluding a directory excludes what is in it); `**` crosses directories; the last matching pattern wins
 * and `!` re-includes.
 */
export function isIgnored(relativePath: string, dockerignore: string): boolean {
  const rules = dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const pattern = (negated ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      const source = pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^$()|[\]{}]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*')
        .replace(/\.\*\//g, '(.*/)?');
      return { negated, regex: new RegExp(`^${source}$`) };
    });
  const segments = relativePath.split('/');
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (prefixes.some((p) => rule.regex.test(p))) ignored = !rule.negated;
  }
  return ignored;
}
