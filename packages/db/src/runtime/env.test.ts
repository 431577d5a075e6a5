import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productRoot } from './env.ts';

describe('productRoot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsukasa-root-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // A product laid out as the container lays it out: the root package.json declares the
  // workspaces, the gateway's own package.json (in between) does not.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tsukasa', workspaces: ['apps/*'] }));
  mkdirSync(join(dir, 'apps/gateway/dist/migrations'), { recursive: true });
  mkdirSync(join(dir, 'apps/gateway/src'), { recursive: true });
  writeFileSync(join(dir, 'apps/gateway/package.json'), JSON.stringify({ name: '@tsukasa/gateway' }));

  it('is the nearest directory above whose package.json declares the workspaces, from the build and from the sources', () => {
    expect(productRoot(join(dir, 'apps/gateway/dist'))).toBe(dir);
    expect(productRoot(join(dir, 'apps/gateway/dist/migrations'))).toBe(dir);
    expect(productRoot(join(dir, 'apps/gateway/src'))).toBe(dir);
    expect(productRoot(dir)).toBe(dir);
  });

  it('is this checkout from this package’s sources', () => {
    expect(productRoot(import.meta.dirname)).toBe(join(import.meta.dirname, '../../../..'));
  });

  it('is the working directory when no package.json above declares workspaces', () => {
    const lone = mkdtempSync(join(tmpdir(), 'tsukasa-lone-'));
    try {
      expect(productRoot(lone)).toBe(process.cwd());
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});
