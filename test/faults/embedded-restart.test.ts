// npm start's embedded PostgreSQL dies under the running product (killed, out of memory): it is
// started again on its data, the gateway's pools reconnect, /readyz is 200 again, and what was
// committed before is there. Without supervision /readyz answered 503 for as long as the process ran.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let product: ChildProcessWithoutNullStreams;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tsukasa-npm-start-'));
  product = spawn(process.execPath, ['--import', 'tsx', 'apps/gateway/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TSUKASA_DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      TSUKASA_SEED_DEMO: 'false',
      TSUKASA_ADMIN_BUILD_DIR: join(dir, 'no-admin-build'),
      DATABASE_URL: '',
    },
  });
  for (const stream of [product.stdout, product.stderr]) createInterface({ input: stream }).on('line', (l) => lines.push(l));
  const deadline = Date.now() + 90_000;
  for (;;) {
    const url = lines.map((l) => /GraphQL API: (http:\/\/\S+)\/graphql/.exec(l)?.[1]).find(Boolean);
    if (url) {
      base = url;
      break;
    }
    if (product.exitCode !== null || Date.now() > deadline) throw new Error(`the product did not start:\n${lines.join('\n')}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}, 120_000);

afterAll(async () => {
  if (product && product.exitCode === null) {
    const exited = once(product, 'exit');
    product.kill('SIGTERM');
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

const readyz = async () => {
  try {
    return (await fetch(`${base}/readyz`)).status;
  } catch {
    return 0;
  }
};

describe('npm start: the embedded PostgreSQL is supervised', () => {
  it('is restarted after it is killed, and the product is ready again by itself', async () => {
    expect(await readyz()).toBe(200);
    const postmaster = Number((await readFile(join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const seen = new Set<number>();
    const deadline = Date.now() + 45_000;
    for (;;) {
      const status = await readyz();
      seen.add(status);
      if (status === 200 && seen.has(503)) break;
      if (Date.now() > deadline) throw new Error(`not ready again: ${[...seen]} \n${lines.slice(-20).join('\n')}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(lines.some((l) => l.includes('embedded PostgreSQL stopped unexpectedly'))).toBe(true);
    expect(lines.some((l) => l.includes('embedded PostgreSQL restarted'))).toBe(true);
    expect(product.exitCode).toBeNull();
    // Requests reach the database again: a sign-in is looked up and refused as such, not INTERNAL.
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(municipality: "arakawa", username: "admin", password: "wrong-password") { token } }' }),
    });
    const body = (await r.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('stops cleanly on SIGTERM afterwards (exit code 0)', async () => {
    const exited = once(product, 'exit');
    product.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  }, 30_000);
});
