import { copyFrom, copySources, execForm, isIgnored, parseDockerfile, type Stage } from './dockerfile';

export type BuildInputs = {
  /** Paths the build stage must receive: workspace dirs, build scripts, tsconfig files. */
  required: string[];
  dockerignore: string;
};

const NODE_22_PINNED = /^node:22\.\d+\.\d+(-[a-z0-9.]+)?(@sha256:[a-f0-9]{64})?$/;

const runs = (stage: Stage, pattern: RegExp) =>
  stage.instructions.some((i) => i.keyword === 'RUN' && pattern.test(i.args));

/**
 * What the teamseat Dockerfile must be: multi-stage on a pinned Node 22 base, a build stage running the
 * repository's own build over every input it needs, and a runtime stage with production dependencies only,
 * a non-root user and node itself as PID 1. Returns the problems, empty when it complies.
 */
export function dockerfileProblems(text: string, inputs: BuildInputs): string[] {
  const problems: string[] = [];
  const { stages } = parseDockerfile(text);
  if (stages.length < 2) return [`needs a multi-stage build, found ${stages.length} stage(s)`];
  const names = new Set(stages.map((s) => s.name).filter(Boolean));
  for (const stage of stages) {
    if (names.has(stage.base)) continue;
    if (!NODE_22_PINNED.test(stage.base)) {
      problems.push(
        `stage ${stage.name ?? stage.index}: base ${stage.base || '(empty)'} is not node:22.x.y pinned`,
      );
    }
  }

  const build = stages.find((s) => runs(s, /\bnpm run build\b/));
  if (!build) problems.push('no stage runs `npm run build`');
  else {
    const buildRun = build.instructions.findIndex(
      (i) => i.keyword === 'RUN' && /\bnpm run build\b/.test(i.args),
    );
    const direct = (stage: Stage, upTo = stage.instructions.length) =>
      stage.instructions
        .slice(0, upTo)
        .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !copyFrom(i))
        .flatMap(copySources)
        .map((s) => s.replace(/^\.\//, '').replace(/\/+$/, ''));
    const sources = direct(build, buildRun);
    // Package manifests may arrive through a manifests-only stage (`COPY --from=<stage>` of a stage that
    // copied the whole context); sources do not, since such a stage keeps only the manifests.
    const manifestSources = build.instructions
      .slice(0, buildRun)
      .map(copyFrom)
      .flatMap((from) => (from ? direct(stages.find((s) => s.name === from) ?? build) : []));
    const isManifest = (path: string) => /(^|\/)package(-lock)?\.json$/.test(path);
    for (const path of inputs.required) {
      const candidates = isManifest(path) ? [...sources, ...manifestSources] : sources;
      const copied = candidates.some((s) => s === '.' || path === s || path.startsWith(`${s}/`));
      if (!copied) problems.push(`build stage does not copy ${path} before npm run build`);
      const probe = /\.(json|mjs|ts)$/.test(path) ? path : `${path}/package.json`;
      if (isIgnored(probe, inputs.dockerignore)) problems.push(`.dockerignore excludes ${probe}`);
      if (!/\.(json|mjs)$/.test(path) && isIgnored(`${path}/src/main.ts`, inputs.dockerignore)) {
        problems.push(`.dockerignore excludes ${path}/src`);
      }
    }
  }

  const runtime = stages.at(-1)!;
  if (!runs(runtime, /\bnpm ci\b[^&;]*--omit=dev/))
    problems.push('runtime stage does not run `npm ci --omit=dev`');
  if (runs(runtime, /\bnpm (run )?build\b/))
    problems.push('runtime stage builds: it should copy the build output');
  if (build && !runtime.instructions.some((i) => i.keyword === 'COPY' && copyFrom(i) === build.name)) {
    problems.push('runtime stage does not copy the build output from the build stage');
  }
  const user = runtime.instructions.filter((i) => i.keyword === 'USER').at(-1)?.args;
  if (!user) problems.push('runtime stage runs as root (no USER)');
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`runtime stage runs as ${user}`);
  const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1);
  const cmdArgs = cmd ? execForm(cmd.args) : undefined;
  if (!cmd) problems.push('runtime stage has no CMD');
  else if (!cmdArgs) problems.push('CMD is in shell form: a shell would be PID 1 and swallow SIGTERM');
  else if (JSON.stringify(cmdArgs) !== JSON.stringify(['node', 'dist/main.js'])) {
    problems.push(`CMD is ${JSON.stringify(cmdArgs)}, not ["node", "dist/main.js"]`);
  }
  const entrypoint = runtime.instructions.find((i) => i.keyword === 'ENTRYPOINT');
  if (entrypoint) problems.push('runtime stage has an ENTRYPOINT: node must be PID 1');
  if (/\b(latest)\b/.test(stages.map((s) => s.base).join(' '))) problems.push('a base image uses latest');
  return problems;
}
