// The admin app's build is cached by turbo under a key of its inputs. Settings that do not change
// what the build produces (the port, the database, the browser of the tests, CI) must stay out of
// that key: otherwise `npm test` beside a running `npm start` (another PORT) rebuilds
// apps/admin/build under the running gateway.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');

/** The hash turbo would cache the admin build under, with these environment variables. */
function adminBuildHash(env: Record<string, string | undefined>): string {
  const out = execFileSync(process.execPath, [turbo, 'run', 'build', '--filter=@tsukasa/admin', '--dry=json'], {
    cwd: root,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  const plan = JSON.parse(out) as { tasks: { taskId: string; hash: string }[] };
  const task = plan.tasks.find((t) => t.taskId === '@tsukasa/admin#build');
  if (!task) throw new Error('turbo planned no admin build');
  return task.hash;
}

describe('the admin build’s cache key', () => {
  const base = { PORT: '4000', DATABASE_URL: undefined, CHROMIUM_PATH: undefined, CI: undefined, NODE_ENV: undefined };
  const reference = adminBuildHash(base);

  it.each([
    ['PORT', '4321'],
    ['DATABASE_URL', 'postgres://someone@db.example/tsukasa'],
    ['CHROMIUM_PATH', '/opt/chromium/chrome'],
    ['CI', 'true'],
  ])('does not depend on %s', (name, value) => {
    expect(adminBuildHash({ ...base, [name]: value })).toBe(reference);
    expect(adminBuildHash({ ...base, PORT: undefined, [name]: undefined })).toBe(reference);
  });

  it('depends on NODE_ENV, which changes what Vite builds', () => {
    expect(adminBuildHash({ ...base, NODE_ENV: 'development' })).not.toBe(reference);
  });
});
