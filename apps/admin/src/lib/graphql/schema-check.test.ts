/// <reference types="node" />
// The admin's documents are typed from apps/gateway/schema.graphql and checked by its typecheck
// script. These tests run that script on a copy of the app against a schema with one thing the app
// uses renamed, as a change to the API would: the check fails and names it.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const admin = fileURLToPath(new URL('../../../', import.meta.url));
const repository = join(admin, '..', '..');
const schemaFile = join(repository, 'apps', 'gateway', 'schema.graphql');

/** `type Name { … }` (or `enum`, `input`) of an SDL, with the line of `member` renamed. */
function renameMember(schema: string, kind: 'type' | 'enum', name: string, member: string, to: string): string {
  const block = new RegExp(`^${kind} ${name} \\{\\n[\\s\\S]*?^\\}`, 'm').exec(schema)?.[0];
  if (!block) throw new Error(`the schema has no ${kind} ${name}`);
  const renamed = block.replace(new RegExp(`^(\\s+)${member}\\b`, 'm'), `$1${to}`);
  if (renamed === block) throw new Error(`${kind} ${name} has no ${member}`);
  return schema.replace(block, renamed);
}

describe('documents', () => {
  it('are written with graphql() in src/lib/graphql, where gql.tada check validates them', async () => {
    const src = join(admin, 'src');
    const documentsFolder = join(src, 'lib', 'graphql');
    const outside: string[] = [];
    for (const entry of await readdir(src, { recursive: true })) {
      if (!/\.(ts|svelte)$/.test(entry) || entry.endsWith('.d.ts')) continue;
      const path = join(src, entry);
      if (dirname(path) === documentsFolder && /(^|[\\/])(graphql|[\w-]+\.graphql)\.ts$/.test(path)) continue;
      const text = await readFile(path, 'utf8');
      const makesDocuments =
        /import\s*\{[^}]*\bgraphql\b[^}]*\}\s*from\s*'[^']*graphql\.ts'/.test(text) || /from\s*'gql\.tada'/.test(text) || /\bgql\s*[`<(]/.test(text);
      if (makesDocuments) outside.push(entry);
    }
    expect(outside).toEqual([]);
  });
});

describe('the admin typecheck against a changed schema', () => {
  let root: string;
  let copy: string;
  let schema: string;

  /** Runs the admin's own `npm run typecheck` in the copy, against `sdl` as the gateway's schema. */
  async function typecheckAgainst(sdl: string): Promise<{ failed: boolean; output: string }> {
    await writeFile(join(root, 'apps', 'gateway', 'schema.graphql'), sdl);
    return new Promise((resolve) => {
      execFile('npm', ['run', 'typecheck'], { cwd: copy, env: process.env, maxBuffer: 64 * 1024 * 1024, timeout: 280_000 }, (error, stdout, stderr) =>
        resolve({ failed: error !== null, output: `${stdout}\n${stderr}` }),
      );
    });
  }

  beforeAll(async () => {
    schema = await readFile(schemaFile, 'utf8');
    // The repository's layout: apps/admin beside apps/gateway/schema.graphql, the installed
    // packages at the root; svelte-kit sync writes the copy's own node_modules/$app.
    root = await mkdtemp(join(tmpdir(), 'tsukasa-admin-typecheck-'));
    copy = join(root, 'apps', 'admin');
    await mkdir(join(root, 'apps', 'gateway'), { recursive: true });
    await mkdir(join(copy, 'node_modules'), { recursive: true });
    await symlink(join(repository, 'node_modules'), join(root, 'node_modules'), 'dir');
    for (const entry of ['package.json', 'tsconfig.json', 'vite.config.ts', 'src']) {
      await cp(join(admin, entry), join(copy, entry), {
        recursive: true,
        filter: (source) => !source.endsWith('graphql-env.d.ts'),
      });
    }
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('passes against the committed schema', async () => {
    const { failed, output } = await typecheckAgainst(schema);
    expect(output).toContain('svelte-check found 0 errors');
    expect(failed).toBe(false);
  }, 300_000);

  it('fails on a renamed field the app queries, naming it', async () => {
    const { failed, output } = await typecheckAgainst(renameMember(schema, 'type', 'System', 'businessContent', 'businessSummary'));
    expect(failed).toBe(true);
    expect(output).toContain('Cannot query field "businessContent" on type "System"');
  }, 300_000);

  it('fails on a renamed type the app names in a fragment, naming it', async () => {
    const { failed, output } = await typecheckAgainst(schema.replaceAll(/\bRequest\b/g, 'Application'));
    expect(failed).toBe(true);
    expect(output).toContain('Unknown type "Request"');
  }, 300_000);

  it('fails on a renamed enum value the app offers, naming it', async () => {
    const { failed, output } = await typecheckAgainst(renameMember(schema, 'enum', 'LifecycleStatus', 'RETIRED', 'DECOMMISSIONED'));
    expect(failed).toBe(true);
    expect(output).toMatch(/enums\.ts[\s\S]*"RETIRED"/);
  }, 300_000);
});
