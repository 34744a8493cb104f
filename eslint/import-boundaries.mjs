// Which code may import which (docs/style.md, "Layout"). Two rules share the work:
// - core no-restricted-imports judges module names as written (I/O modules, another workspace's package
//   name), so it needs neither resolution nor a build;
// - import/no-restricted-paths judges resolved files (a relative import that climbs into another layer or
//   another workspace).
// eslint/test/import-boundaries.unit.test.ts shows each restriction reporting a violating import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import importPlugin from 'eslint-plugin-import';

/**
 * Workspaces whose src/ keeps the interior: domain/ pure, application/ seeing only domain/ and its own ports.
 * Add a workspace here once it has been moved to the layout; until then it gets only the cross-workspace rules.
 * To see what still stands in the way, add it and run `npx eslint <workspace>/src`.
 */
export const INTERIORS = [
  'services/webhook-gateway',
  'services/team-service',
  'services/entitlement-service',
  'tools/revenuecat-emulator',
];

const ROOT = path.resolve(import.meta.dirname, '..');

/** Modules that talk to the outside world: neither domain/ nor application/ may import them. */
const NODE_IO = [
  'async_hooks',
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'dns/promises',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'net',
  'os',
  'perf_hooks',
  'process',
  'readline',
  'readline/promises',
  'timers',
  'timers/promises',
  'tls',
  'v8',
  'vm',
  'worker_threads',
];
const DRIVERS = [
  '@platformatic/kafka',
  'grpc-health-check',
  'kafkajs',
  'koa',
  'mongodb',
  'mongoose',
  'raw-body',
  'supertest',
  'testcontainers',
  'undici',
  '@teamseat/grpc',
  '@teamseat/health',
  '@teamseat/kafka',
  '@teamseat/testing',
];
const DRIVER_SCOPES = ['@grpc/*', '@koa/*'];
/** Also kept out of domain/: logging, metrics, the environment, breakers. */
const DOMAIN_ONLY = [
  '@teamseat/config',
  '@teamseat/logger',
  '@teamseat/metrics',
  'opossum',
  'pino',
  'prom-client',
];
/** node:crypto functions that compute and read nothing from outside; the rest (random*, keys) stays out. */
const PURE_CRYPTO = ['createHash', 'createHmac', 'hash', 'timingSafeEqual'];

const IO_MESSAGE =
  'does I/O; use cases reach it through a port in application/, implemented in adapters/ (STYLE.md, Layout).';

function ioPaths() {
  return [...NODE_IO.flatMap((name) => [name, `node:${name}`]), ...DRIVERS].map((name) => ({
    name,
    message: `${name} ${IO_MESSAGE}`,
  }));
}

function domainPaths() {
  return [
    ...ioPaths(),
    ...DOMAIN_ONLY.map((name) => ({
      name,
      message: `${name} has no place in domain/: pass what the rule needs as plain values.`,
    })),
    ...['crypto', 'node:crypto'].map((name) => ({
      name,
      allowImportNames: PURE_CRYPTO,
      message: `domain/ takes ids and randomness injected; from ${name} it may use ${PURE_CRYPTO.join(', ')}.`,
    })),
    {
      name: '@teamseat/contracts',
      importNames: ['loadCatalogFile'],
      message: 'loadCatalogFile reads a file: call it in an adapter or the composition root.',
    },
  ];
}

const ioPatterns = () => [{ group: DRIVER_SCOPES, message: `these packages ${IO_MESSAGE}` }];

/** services/* and tools/* with their package names, read from their package.json. */
function readWorkspaces(root, group) {
  const dir = path.join(root, group);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'package.json')))
    .map((entry) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, entry.name, 'package.json'), 'utf8'));
      return { dir: `${group}/${entry.name}`, name: pkg.name };
    });
}

function namePatterns(workspaces, message) {
  return workspaces.length === 0
    ? []
    : [{ group: workspaces.flatMap(({ name }) => [name, `${name}/**`]), message }];
}

/** Timers, the clock and randomness are outside too: domain/ gets them injected. */
const DOMAIN_PURITY_RULES = {
  'no-restricted-globals': [
    'error',
    ...[
      'clearInterval',
      'clearTimeout',
      'crypto',
      'fetch',
      'performance',
      'process',
      'setImmediate',
      'setInterval',
      'setTimeout',
    ].map((name) => ({
      name,
      message: `domain/ gets ${name} from outside through a parameter (clock and ids injected).`,
    })),
  ],
  'no-restricted-properties': [
    'error',
    ...[
      ['Date', 'now'],
      ['Math', 'random'],
    ].map(([object, property]) => ({
      object,
      property,
      message: `domain/ gets the time and randomness injected, not from ${object}.${property}.`,
    })),
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0], CallExpression[callee.name='Date']",
      message: 'domain/ gets the current time injected; new Date(ms) of a given time is fine.',
    },
  ],
};

/**
 * The boundary configs for eslint.config.mjs. `interiors` says which workspaces get the domain/application
 * rules (a, b); every workspace gets the cross-workspace ones (c, d).
 */
export function importBoundaries({ root = ROOT, interiors = INTERIORS } = {}) {
  const services = readWorkspaces(root, 'services');
  const tools = readWorkspaces(root, 'tools');
  const deployables = [...services, ...tools];

  const configs = [
    {
      plugins: { import: importPlugin },
      settings: { 'import/resolver': { node: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] } } },
      rules: {
        'import/no-restricted-paths': [
          'error',
          {
            basePath: root,
            zones: [
              // (c) a service or tool never reaches into another one's code.
              ...deployables.map((workspace) => ({
                target: `./${workspace.dir}/src`,
                from: deployables.filter((other) => other !== workspace).map((other) => `./${other.dir}`),
                message: `${workspace.dir} may not import another service or tool: share code through packages/*.`,
              })),
              // (d) shared packages never depend on what uses them.
              {
                target: './packages',
                from: ['./services', './tools'],
                message: 'packages/* may not import a service or a tool.',
              },
              // (a) domain/ imports only domain/; (b) application/ only application/ and domain/.
              ...interiors.flatMap((dir) => [
                {
                  target: `./${dir}/src/domain`,
                  from: `./${dir}/src`,
                  except: ['./domain'],
                  message: 'domain/ imports only domain/ (STYLE.md, Layout).',
                },
                {
                  target: `./${dir}/src/application`,
                  from: `./${dir}/src`,
                  except: ['./application', './domain'],
                  message:
                    'application/ imports only application/ (its ports) and domain/: adapters and entry-points are wired in by the composition root.',
                },
              ]),
            ],
          },
        ],
      },
    },
    // (d) by package name.
    {
      files: ['packages/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: namePatterns(deployables, 'packages/* may not import a service or a tool.') },
        ],
      },
    },
  ];

  for (const workspace of deployables) {
    const others = deployables.filter((other) => other !== workspace);
    const crossPatterns = namePatterns(
      others,
      `${workspace.dir} may not import another service or tool: share code through packages/*.`,
    );
    // (c) by package name. Tests may drive other workspaces (the emulator, a real gateway), so src only.
    configs.push({
      files: [`${workspace.dir}/src/**`],
      rules: { 'no-restricted-imports': ['error', { patterns: crossPatterns }] },
    });
    if (!interiors.includes(workspace.dir)) continue;
    // A file gets the options of the last config naming the rule, so each layer repeats crossPatterns.
    configs.push(
      {
        files: [`${workspace.dir}/src/application/**`],
        rules: {
          'no-restricted-imports': [
            'error',
            { paths: ioPaths(), patterns: [...crossPatterns, ...ioPatterns()] },
          ],
        },
      },
      {
        files: [`${workspace.dir}/src/domain/**`],
        rules: {
          'no-restricted-imports': [
            'error',
            { paths: domainPaths(), patterns: [...crossPatterns, ...ioPatterns()] },
          ],
          ...DOMAIN_PURITY_RULES,
        },
      },
    );
  }
  const unknown = interiors.filter((dir) => !deployables.some((workspace) => workspace.dir === dir));
  if (unknown.length > 0) throw new Error(`import-boundaries: no workspace at ${unknown.join(', ')}`);
  return configs;
}
