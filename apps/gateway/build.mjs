// The production build (npm run build): the gateway and the operator's commands as plain
// JavaScript in apps/gateway/dist, run by `node` alone — no TypeScript at run time (infra/README.md).
//
//   dist/main.js            the gateway (apps/gateway/src/main.ts)
//   dist/db-backup.js       npm run db:backup      dist/db-restore.js     npm run db:restore
//   dist/audit-verify.js    npm run audit:verify   dist/audit-archive.js  npm run audit:archive
//   dist/migrations/*.js    the migrations, which MikroORM finds beside the code that runs them
//
// esbuild bundles our code — the gateway and the workspace packages it uses (@tsukasa/*) — and
// leaves every other package to node_modules (npm ci --omit=dev). Decorators are the legacy ones
// the tsconfig asks for, without metadata: every type-graphql and MikroORM type is explicit
// (STACK.md), as under tsx. Class names are kept: type-graphql names GraphQL types after them.
// One flat directory, because the code finds its neighbours from its own file (the migrations) and
// the product's root by walking up to the package.json with the workspaces (@tsukasa/db productRoot).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const migrations = `${root}packages/db/src/migrations/`;

/** Workspace packages are bundled; every other package is imported from node_modules at run time. */
const nodeModulesExternal = {
  name: 'node-modules-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@tsukasa/') ? undefined : { path: args.path, external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [nodeModulesExternal],
};

rmSync(dist, { recursive: true, force: true });
const started = performance.now();
await build({
  ...common,
  entryPoints: {
    main: `${root}apps/gateway/src/main.ts`,
    'db-backup': `${root}packages/db/src/cli/backup.ts`,
    'db-restore': `${root}packages/db/src/cli/restore.ts`,
    'audit-verify': `${root}packages/db/src/cli/audit-verify.ts`,
    'audit-archive': `${root}packages/db/src/cli/audit-archive.ts`,
  },
  outdir: dist,
});
const migrationFiles = readdirSync(migrations).filter((f) => /^Migration.*\.ts$/.test(f));
await build({ ...common, entryPoints: migrationFiles.map((f) => migrations + f), outdir: `${dist}migrations` });
console.log(`built apps/gateway/dist (5 entry points, ${migrationFiles.length} migrations) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
