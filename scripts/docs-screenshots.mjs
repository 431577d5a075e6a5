// Refreshes the documentation's pictures: docs/screenshots/*.png and docs/request-form-sample.pdf.
// Builds the admin app if needed, then runs the browser tests with TSUKASA_DOCS=1, in which mode
// they save what the README shows (a normal test run writes nothing into the working tree).
//   npm run docs:screenshots                           every spec
//   npm run docs:screenshots -- e2e/audit.spec.ts      only some
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(new URL('../test/package.json', import.meta.url));

function run(args, cwd, env = process.env) {
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([require.resolve('turbo/bin/turbo'), 'run', 'build', '--filter=@tsukasa/admin', '--output-logs=errors-only'], root);
run([require.resolve('@playwright/test/cli'), 'test', ...process.argv.slice(2)], fileURLToPath(new URL('../test/', import.meta.url)), {
  ...process.env,
  TSUKASA_DOCS: '1',
});
console.log('Refreshed docs/screenshots/ and docs/request-form-sample.pdf (review them with `git diff --stat docs/`).');
