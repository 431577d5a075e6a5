// Rule-ID-shaped text in every file git tracks: code, tests, comments, messages, documentation,
// manifests and demo data. Read by test/infra/rule-citations.test.ts (every ID cited names a rule)
// and by scripts/rules-coverage.ts (which rules are implemented and tested where).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Text shaped like a rule ID: a rulebook's prefix, an article (a branch article keeps its の: ARK-3の2), a paragraph, an item. */
export const RULE_ID_SHAPED = /\b(?:MNT|KWW|KWO|KTM|ARK)-\d+(?:の\d+)?(?:-\d+){0,2}\b/g;

/** Files that are not ours to correct: npm's lock file, and the schema emitted from the resolvers' descriptions (scanned at their source; a test fails when it drifts). */
export const NOT_SCANNED: ReadonlySet<string> = new Set(['package-lock.json', 'apps/gateway/schema.graphql']);

/**
 * IDs written on purpose because the rulebooks lack them: tests that the product refuses them. Each
 * must still occur in its file and still be unknown, so the list cannot go stale.
 */
export const UNKNOWN_ON_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  // Lookups that must answer "no such rule": past the last article, paragraph and item, and a branch article ARK lacks.
  'packages/domain/src/rulebooks/rulebooks.test.ts': ['ARK-33', 'ARK-12-6', 'ARK-2-1-23', 'MNT-9-1-1', 'ARK-3の3'],
  // The type RuleId refuses them at compile time, and parsing refuses them at run time.
  'packages/domain/src/rulebooks/rule-id.test.ts': ['KWO-8-2', 'KTM-10-4-5', 'ARK-16-1-10'],
  // A row citing a rule the rulebooks lack fails the read; the audit log reads as recorded.
  'packages/db/src/repositories/sql.test.ts': ['KTM-10-4-5', 'ARK-6-1-11', 'MNT-4-7'],
  // API input naming a rule that does not exist is refused (or, for rule(id:), has no text).
  'apps/gateway/src/modules/registers/plans-documents.test.ts': ['ARK-6-1-11'],
  'apps/gateway/src/modules/committees/meetings.test.ts': ['ARK-16-1-10'],
  'packages/domain/src/committees/meeting-transitions.test.ts': ['ARK-99-9'],
  'apps/gateway/src/modules/registry/registry-queries.test.ts': ['KWO-8-2'],
};

/** This file names the IDs of that list, which are unknown on purpose too. */
export const THIS_FILE = 'scripts/rule-citations.ts';

export interface Citation {
  file: string;
  line: number;
  ruleId: string;
}

/** The rule-ID-shaped strings of a text, with their line numbers. */
export function citationsIn(file: string, text: string): Citation[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(RULE_ID_SHAPED)].map((m) => ({ file, line: i + 1, ruleId: m[0] })));
}

export function trackedFiles(root: string = repositoryRoot): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
}

/** Every rule-ID-shaped string in the files git tracks (but those not scanned), in file order. */
export function scanCitations(root: string = repositoryRoot): Citation[] {
  return trackedFiles(root)
    .filter((file) => !NOT_SCANNED.has(file))
    .flatMap((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, file));
      } catch {
        return []; // deleted in the working tree, not yet in git
      }
      if (bytes.includes(0)) return []; // images, PDFs
      return citationsIn(file, bytes.toString('utf8'));
    });
}

/** A citation of an ID the rulebooks lack written on purpose: listed above for its file, or this file's own list. */
export function isUnknownOnPurpose(c: Citation): boolean {
  if (UNKNOWN_ON_PURPOSE[c.file]?.includes(c.ruleId)) return true;
  return c.file === THIS_FILE && Object.values(UNKNOWN_ON_PURPOSE).some((ids) => ids.includes(c.ruleId));
}
