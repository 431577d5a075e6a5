// Every rule ID the repository writes names a rule the rulebooks have: in code, tests, comments,
// messages, documentation, manifests and demo data. The compiler checks the IDs the code passes
// around (the type RuleId); this reads everything else — a comment citing MNT-4-1-7, a README
// paragraph, a test's expectation, a Japanese message — in every file git tracks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isValidRuleId } from '@tsukasa/domain';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Text shaped like a rule ID: a rulebook's prefix, an article (a branch article keeps its の: ARK-3の2), a paragraph, an item. */
const RULE_ID_SHAPED = /\b(?:MNT|KWW|KWO|KTM|ARK)-\d+(?:の\d+)?(?:-\d+){0,2}\b/g;

/** Files that are not ours to correct: npm's lock file, and the schema emitted from the resolvers' descriptions (scanned at their source; a test fails when it drifts). */
const NOT_SCANNED = new Set(['package-lock.json', 'apps/gateway/schema.graphql']);

/**
 * IDs written on purpose because the rulebooks lack them: tests that the product refuses them. Each
 * must still occur in its file and still be unknown, so the list cannot go stale.
 */
const UNKNOWN_ON_PURPOSE: Record<string, readonly string[]> = {
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
const THIS_FILE = 'test/infra/rule-citations.test.ts';

interface Citation {
  file: string;
  line: number;
  ruleId: string;
}

/** The rule-ID-shaped strings of a text, with their line numbers. */
function citationsIn(file: string, text: string): Citation[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(RULE_ID_SHAPED)].map((m) => ({ file, line: i + 1, ruleId: m[0] })));
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
}

function scan(): Citation[] {
  return trackedFiles()
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

describe('rule IDs cited across the repository', () => {
  const citations = scan();

  it('reads rule IDs at every level, branch articles included', () => {
    // Built from parts, so that this file cites no unknown rule itself.
    const unknown = ['KWO', '8', '2'].join('-');
    expect(citationsIn('x.md', `- (KWO-8-1-2 ア) ARK-3の2-1、MNT-11\n${unknown}: 四つの目`)).toEqual([
      { file: 'x.md', line: 1, ruleId: 'KWO-8-1-2' },
      { file: 'x.md', line: 1, ruleId: 'ARK-3の2-1' },
      { file: 'x.md', line: 1, ruleId: 'MNT-11' },
      { file: 'x.md', line: 2, ruleId: unknown },
    ]);
    // Code, tests, docs, manifests and the demo data all cite rules.
    for (const where of ['apps/gateway/src/', 'packages/seed/src/', 'packages/db/src/', 'README.md', 'apps/admin/src/', 'test/']) {
      expect(
        citations.some((c) => c.file.startsWith(where)),
        where,
      ).toBe(true);
    }
  });

  it('names only rules the rulebooks have', () => {
    const listed = new Set(Object.values(UNKNOWN_ON_PURPOSE).flat());
    const onPurpose = (c: Citation) => UNKNOWN_ON_PURPOSE[c.file]?.includes(c.ruleId) || (c.file === THIS_FILE && listed.has(c.ruleId));
    const wrong = citations.filter((c) => !isValidRuleId(c.ruleId) && !onPurpose(c)).map((c) => `${c.file}:${c.line}: ${c.ruleId}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the list of IDs unknown on purpose current', () => {
    for (const [file, ids] of Object.entries(UNKNOWN_ON_PURPOSE)) {
      for (const id of ids) {
        expect(isValidRuleId(id), `${file}: ${id} is a rule now`).toBe(false);
        expect(
          citations.some((c) => c.file === file && c.ruleId === id),
          `${file} no longer cites ${id}`,
        ).toBe(true);
      }
    }
  });
});
