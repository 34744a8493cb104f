import { readdirSync } from 'node:fs';
import { existsIn, fromRoot, readText } from './repo';

type PackageJson = { name: string; dependencies?: Record<string, string> };

/** Every workspace of the repository: package name → directory (packages/*, services/*, tools/*). */
export function workspaceDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const group of ['packages', 'services', 'tools']) {
    for (const entry of readdirSync(fromRoot(group), { withFileTypes: true })) {
      const dir = `${group}/${entry.name}`;
      if (!entry.isDirectory() || !existsIn(`${dir}/package.json`)) continue;
      dirs.set((JSON.parse(readText(`${dir}/package.json`)) as PackageJson).name, dir);
    }
  }
  return dirs;
}

/** The workspace and every workspace it depends on at run time, transitively (directories). */
export function runtimeWorkspaceClosure(dir: string): string[] {
  const byName = workspaceDirs();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const pkg = JSON.parse(readText(`${current}/package.json`)) as PackageJson;
    for (const dependency of Object.keys(pkg.dependencies ?? {})) {
      const dependencyDir = byName.get(dependency);
      if (dependencyDir) visit(dependencyDir);
    }
  };
  visit(dir);
  return [...seen].sort();
}

/** The workspaces `tsc -b tsconfig.json` (the root build) compiles: the root tsconfig's references. */
export function rootBuildReferences(): string[] {
  const tsconfig = JSON.parse(readText('tsconfig.json')) as { references?: Array<{ path: string }> };
  return (tsconfig.references ?? []).map((r) => r.path.replace(/^\.\//, ''));
}
