// Every rule ID the repository writes names a rule the rulebooks have: in code, tests, comments,
// messages, documentation, manifests and demo data. The compiler checks the IDs the code passes
// around (the type RuleId); this reads everything else — a comment citing MNT-4-1-7, a README
// paragraph, a test's expectation, a Japanese message — in every file git tracks. The scanner and
// the list of IDs unknown on purpose live in scripts/rule-citations.ts, which `npm run
// rules:coverage` reads too.
import { describe, expect, it } from 'vitest';
import { isValidRuleId } from '@tsukasa/domain';
import { citationsIn, isUnknownOnPurpose, scanCitations, UNKNOWN_ON_PURPOSE } from '../../scripts/rule-citations.ts';

describe('rule IDs cited across the repository', () => {
  const citations = scanCitations();

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
    const wrong = citations.filter((c) => !isValidRuleId(c.ruleId) && !isUnknownOnPurpose(c)).map((c) => `${c.file}:${c.line}: ${c.ruleId}`);
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
