// The browser tests leave the working tree as they found it: they write nothing that git tracks
// (or would track). Only `npm run docs:screenshots` (TSUKASA_DOCS=1) refreshes the documentation's
// screenshots and sample PDF under docs/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This run refreshes the docs' screenshots and sample documents. */
export const DOCS_MODE = process.env.TSUKASA_DOCS === '1';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** What a docs run may change: the screenshots and the sample request form. */
export const isDocsFile = (path: string): boolean => path.startsWith('docs/screenshots/') || path === 'docs/request-form-sample.pdf';

/**
 * Every path git reports as changed or untracked (not ignored), with its status and a digest of its
 * content; null when this is not a git work tree (a release tarball has nothing to compare).
 */
export function treeState(): Map<string, string> | null {
  let out: string;
  try {
    out = execFileSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
  const state = new Map<string, string>();
  const entries = out.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const path = entry.slice(3);
    if (status[0] === 'R' || status[0] === 'C') i++; // the original path follows
    state.set(path, `${status} ${digest(join(root, path))}`);
  }
  return state;
}

function digest(path: string): string {
  try {
    return statSync(path).isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'not a file';
  } catch {
    return 'absent';
  }
}

/** The paths whose state differs between two snapshots. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort();
}
