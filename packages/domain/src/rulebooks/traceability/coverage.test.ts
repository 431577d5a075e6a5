import { describe, expect, it } from 'vitest';
import { findRule, rulebookIds, ruleIdsOf } from '../index.ts';
import { RULE_CLASSES } from './coverage.types.ts';
import { coverageOf, ruleCoverage } from './index.ts';

describe('rule coverage', () => {
  it('classifies every rule of every rulebook exactly once, and nothing else', () => {
    for (const book of rulebookIds) {
      const ids = ruleIdsOf(book);
      expect(Object.keys(ruleCoverage[book]).sort(), book).toEqual([...ids].sort());
    }
  });

  it('splits by parts only an article or a paragraph that has parts', () => {
    for (const book of rulebookIds) {
      for (const id of ruleIdsOf(book)) {
        if (coverageOf(id).class !== 'byParts') continue;
        const rule = findRule(id);
        const parts = rule.level === 'article' ? rule.article.paragraphs.length : rule.level === 'paragraph' ? (rule.paragraph?.items?.length ?? 0) : 0;
        expect(parts, id).toBeGreaterThan(0);
      }
    }
  });

  it('uses the known classes, and gives a one-line reason for what no software acts on', () => {
    for (const book of rulebookIds) {
      for (const id of ruleIdsOf(book)) {
        const entry = coverageOf(id);
        expect([...RULE_CLASSES, 'byParts'], id).toContain(entry.class);
        if (entry.class === 'notSoftware') {
          expect(entry.reason.trim(), id).not.toBe('');
          expect(entry.reason, id).not.toContain('\n');
        }
      }
    }
  });

  it('classes the purpose and definition articles as such', () => {
    expect(coverageOf('KWO-1-1').class).toBe('purpose');
    expect(coverageOf('ARK-2-1-5').class).toBe('definition');
    expect(coverageOf('MNT-2-1-1').class).toBe('definition');
  });
});
