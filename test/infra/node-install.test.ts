// One way to bring Node 24, said the same way by the README, by the check every npm script runs
// first (scripts/check-node.mjs) and by CI (.ci/run).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const INSTALL = 'npm install --prefix .tools/node node@24';
const BIN = '.tools/node/node_modules/.bin';

describe('installing Node 24 into .tools/node', () => {
  it('the README, the Node check and CI agree on the command and the PATH entry', () => {
    const readme = read('README.md').replace(/\s+/g, ' ');
    expect(readme).toContain(`\`${INSTALL}\``);
    expect(readme).toContain(`\`${BIN}\``);
    const check = read('scripts/check-node.mjs');
    expect(check).toContain(`\`${INSTALL}\``);
    expect(check).toContain(BIN);
    expect(check).not.toMatch(/--prefix \.tools node@|\.tools\/node_modules\/\.bin/);
    const ci = read('.ci/run');
    expect(ci).toContain('npm install --prefix .tools/node');
    expect(ci).toContain('.tools/node/node_modules/.bin');
  });
});
