// The production build (npm run build; infra/Dockerfile runs it) started as the container starts
// it: plain `node` on apps/gateway/dist, without tsx and with Node's own TypeScript stripping
// turned off — nothing written in TypeScript can load — with NODE_ENV=production on a PostgreSQL
// given by DATABASE_URL (here a throw-away embedded one). It migrates, loads the demo data when
// asked, becomes ready, serves the committed schema, and the operator's commands run from it too.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, withDatabase, type EmbeddedPostgresHandle } from '@tsukasa/db';
import { DEMO_PASSWORD } from '@tsukasa/seed';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'apps/gateway/dist');
/** Node as the container runs it: no loader, no type stripping (a .ts file would fail to load). */
const NODE = [process.execPath, '--no-experimental-strip-types', '--enable-source-maps'] as const;

/** The modules a file of the build imports from outside itself: Node's own and packages in node_modules. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = [
    ...code.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)";$/gm),
    ...code.matchAll(/^import\s*"([^"]+)";$/gm),
    ...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]!);
  return [...new Set(found)];
}

/** The package a bare import names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

let dir: string;
let pgDir: string;
let cluster: EmbeddedPostgresHandle;
let databaseUrl: string;
let product: ChildProcessWithoutNullStreams;
let base: string;
const lines: string[] = [];

function productEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_URL: databaseUrl, ...extra };
}

async function gql<T>(query: string, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

beforeAll(async () => {
  // What `npm run build` runs in the gateway's workspace (turbo runs it beside the admin app's build).
  expect(JSON.parse(readFileSync(join(root, 'apps/gateway/package.json'), 'utf8')).scripts.build).toBe('node build.mjs');
  const built = await run(process.execPath, ['apps/gateway/build.mjs'], { cwd: root });
  expect(built.stdout).toMatch(/built apps\/gateway\/dist/);
  dir = await mkdtemp(join(tmpdir(), 'tsukasa-production-'));
  pgDir = await mkdtemp(join(tmpdir(), 'tsukasa-production-pg-'));
  cluster = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false });
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('create database tsukasa');
  await admin.end();
  databaseUrl = withDatabase(cluster.adminUrl, 'tsukasa');
  product = spawn(NODE[0], [...NODE.slice(1), join(dist, 'main.js')], {
    cwd: root,
    env: productEnv({
      DATABASE_APP_PASSWORD: randomBytes(18).toString('base64url'),
      TSUKASA_SEED_DEMO: 'true',
      TSUKASA_SECURE_COOKIES: 'false',
      TSUKASA_MAIL_DIR: join(dir, 'mail'),
      HOST: '127.0.0.1',
      PORT: '0',
    }),
  });
  for (const stream of [product.stdout, product.stderr]) createInterface({ input: stream }).on('line', (l) => lines.push(l));
  const deadline = Date.now() + 100_000;
  for (;;) {
    const url = lines.map((l) => /GraphQL API: (http:\/\/\S+)\/graphql/.exec(l)?.[1]).find(Boolean);
    if (url) {
      base = url;
      break;
    }
    if (product.exitCode !== null || Date.now() > deadline) throw new Error(`the production build did not start:\n${lines.join('\n')}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}, 180_000);

afterAll(async () => {
  if (product && product.exitCode === null) {
    const exited = once(product, 'exit');
    product.kill('SIGKILL');
    await exited;
  }
  await cluster?.stop();
  for (const d of [dir, pgDir]) if (d) await rm(d, { recursive: true, force: true });
}, 60_000);

describe('the production build', () => {
  it('is JavaScript only, with the migrations beside it', () => {
    const files = readdirSync(dist, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['main.js', 'db-backup.js', 'db-restore.js', 'audit-verify.js', 'audit-archive.js']));
    const sources = readdirSync(join(root, 'packages/db/src/migrations')).filter((f) => /^Migration.*\.ts$/.test(f));
    expect(
      readdirSync(join(dist, 'migrations'))
        .filter((f) => f.endsWith('.js'))
        .sort(),
    ).toEqual(sources.map((f) => f.replace(/\.ts$/, '.js')).sort());
    // The workspace packages are inside the bundle; nothing points back at their sources or at tsx.
    const main = readFileSync(join(dist, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from\s*["']@tsukasa\/|from\s*["']tsx/);
  });

  it('imports only Node’s modules and production dependencies, which `npm prune --omit=dev` keeps (infra/Dockerfile)', () => {
    const files = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    const imported = new Set(files.flatMap((f) => importsOf(join(dist, f))));
    expect(imported).toContain('type-graphql');
    expect(imported).toContain('@mikro-orm/migrations');
    const packages = [...imported].filter((s) => !isBuiltin(s)).map(packageOf);
    expect(packages.filter((p) => p.startsWith('.') || p.startsWith('/') || p.startsWith('@tsukasa/'))).toEqual([]);
    // The font of the PDFs is looked up by name at run time (packages/documents/src/fonts.ts).
    expect(readFileSync(join(dist, 'main.js'), 'utf8')).toContain('@expo-google-fonts/noto-sans-jp/');
    packages.push('@expo-google-fonts/noto-sans-jp');
    // Hoisted to the root node_modules (where apps/gateway/dist resolves them) and not dev-only.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
    const notInProduction = [...new Set(packages)].filter((p) => {
      const entry = lock.packages[`node_modules/${p}`];
      return !entry || entry.dev === true || entry.devOptional === true;
    });
    expect(notInProduction).toEqual([]);
  });

  it('is a plain node process: no loader, no NODE_OPTIONS, the build’s main.js', () => {
    const argv = readFileSync(`/proc/${product.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(argv).toEqual([...NODE, join(dist, 'main.js')]);
    const environ = readFileSync(`/proc/${product.pid}/environ`, 'utf8').split('\0');
    expect(environ.filter((v) => v.startsWith('NODE_OPTIONS='))).toEqual([]);
  });

  it('migrated the database, loaded the demo data and is ready', async () => {
    expect(lines.join('\n')).toMatch(/migration applied: Migration\d+-schema/);
    expect(lines.join('\n')).toMatch(/demo data of arakawa: added/);
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: { status: 'ok' } } });
  });

  it('answers GraphQL: sign-in, the registry under row-level security, the rulebooks', async () => {
    const { signIn } = await gql<{ signIn: { token: string } }>(
      `mutation { signIn(municipality: "arakawa", username: "admin", password: "${DEMO_PASSWORD}") { token } }`,
    );
    const data = await gql<{ systems: { totalCount: number }; rule: { articleNumber: string } }>(
      '{ systems(first: 5) { totalCount } rule(id: "ARK-12-2") { articleNumber } }',
      signIn.token,
    );
    expect(data).toEqual({ systems: { totalCount: 117 }, rule: { articleNumber: '第12条' } });
  });

  it('serves exactly the committed schema (type-graphql names types after classes: the bundle keeps them)', async () => {
    const { signIn } = await gql<{ signIn: { token: string } }>(
      `mutation { signIn(municipality: "kitami", username: "admin", password: "${DEMO_PASSWORD}") { token } }`,
    );
    const introspection = await gql<IntrospectionQuery>(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
      signIn.token,
    );
    const served = printSchema(lexicographicSortSchema(buildClientSchema(introspection))) + '\n';
    expect(served).toBe(readFileSync(join(root, 'apps/gateway/schema.graphql'), 'utf8'));
  });

  it.skipIf(!existsSync(join(root, 'apps/admin/build/200.html')))('serves the admin app it finds from its own place in the tree', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('runs the operator’s commands: each command is its own entry point', async () => {
    const verified = await run(NODE[0], [...NODE.slice(1), join(dist, 'audit-verify.js')], { cwd: root, env: productEnv() });
    expect(verified.stdout).toMatch(/arakawa/);
    const out = join(dir, 'backup.dump');
    const backup = await run(NODE[0], [...NODE.slice(1), join(dist, 'db-backup.js'), '--out', out, '--format', 'logical'], { cwd: root, env: productEnv() });
    expect(backup.stdout).toMatch(/backup written: .*logical format/);
    expect(existsSync(out)).toBe(true);
    // Without arguments, the restore command answers with its own usage — not with the backup's.
    const usage = await run(NODE[0], [...NODE.slice(1), join(dist, 'db-restore.js')], { cwd: root, env: productEnv() }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: npm run db:restore/) });
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const exited = once(product, 'exit');
    product.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
