// A rebuild of the admin app under a running gateway: the page still loads, under a policy whose
// hash is that of the inline script it carries, and names modules that exist.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing/harness.ts';
import { inlineScriptHashes } from './security-headers.ts';

/** What SvelteKit's static adapter writes: a shell whose inline script names this build's entry. */
async function writeBuild(dir: string, version: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, '_app', 'immutable', 'entry'), { recursive: true });
  await writeFile(join(dir, '_app', 'immutable', 'entry', `start.${version}.js`), `export const version = '${version}';\n`);
  await writeFile(
    join(dir, '200.html'),
    `<!doctype html><html><head><link href="/_app/immutable/entry/start.${version}.js" rel="modulepreload"></head>` +
      `<body><script>\n  { __sveltekit_${version} = { version: "${version}" }; import("/_app/immutable/entry/start.${version}.js"); }\n</script></body></html>`,
  );
}

/** The page at an app path, checked as a browser would run it. */
async function load(url: string, path: string) {
  const res = await fetch(`${url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await res.text();
  const scriptSrc = res.headers
    .get('content-security-policy')!
    .split('; ')
    .find((d) => d.startsWith('script-src'))!;
  const hashes = inlineScriptHashes(html);
  expect(hashes).toHaveLength(1);
  // The browser runs the inline script only if its hash is allowed.
  expect(scriptSrc).toBe(`script-src 'self' ${hashes[0]}`);
  // … and the modules it names are there.
  for (const [, module] of html.matchAll(/import\("([^"]+)"\)/g)) expect((await fetch(`${url}${module}`)).status).toBe(200);
  return html;
}

let dir: string;
let gw: TestGateway;
beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'tsukasa-admin-')), 'build');
  await writeBuild(dir, 'first');
  gw = await startTestGateway(inject('pgAdminUrl'), { adminBuildDir: dir });
});
afterAll(async () => {
  await gw.stop();
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('the admin app rebuilt under a running gateway', () => {
  it('is served as it is now, under the hash of the inline script it carries', async () => {
    expect(await load(gw.url, '/systems')).toContain('start.first.js');

    await writeBuild(dir, 'second');
    for (const path of ['/', '/systems', '/audit?action=read', '/200.html']) {
      const html = await load(gw.url, path);
      expect(html).toContain('start.second.js');
      expect(html).not.toContain('start.first.js');
    }
  });

  it('while a rebuild has emptied the directory, serves the last shell with its own hash', async () => {
    await writeBuild(dir, 'third');
    expect(await load(gw.url, '/systems')).toContain('start.third.js');
    await rm(join(dir, '200.html'));
    const res = await fetch(`${gw.url}/systems`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('start.third.js');
    expect(res.headers.get('content-security-policy')).toContain(inlineScriptHashes(html)[0]);
  });
});
