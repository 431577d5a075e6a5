import { describe, expect, it } from 'vitest';
import { rulebookIds, ruleIdsOf } from '../index.ts';
import { coverageOf } from './index.ts';
import { COVERAGE_COLUMNS, coverageSummary } from './summary.ts';

describe('coverage summary', () => {
  it('counts each class, and the share of behaviour rules executed or recorded', () => {
    const summary = coverageSummary(['KWO-1', 'KWO-1-1', 'KWO-2-1', 'KWO-2-2', 'KWO-3-3', 'KWO-5-4', 'KWO-5-5', 'KWO-10-1-1']);
    expect(summary).toEqual({
      counts: { executed: 1, recorded: 1, judgement: 1, notSoftware: 1, definition: 1, purpose: 1, gap: 1, byParts: 1 },
      behaviour: 5,
      executedOrRecorded: 2,
      executedOrRecordedPercent: 40,
    });
  });

  it('counts a rule once, and rounds the percentage to one decimal', () => {
    const summary = coverageSummary(['KWO-2-2', 'KWO-2-2', 'KWO-5-4', 'KWO-5-5']);
    expect(summary.counts.executed).toBe(1);
    expect(summary.behaviour).toBe(3);
    expect(summary.executedOrRecordedPercent).toBe(33.3);
  });

  it('has no percentage where no rule prescribes behaviour', () => {
    const summary = coverageSummary(['KWO-1', 'KWO-1-1', 'KWO-2-1']);
    expect(summary.behaviour).toBe(0);
    expect(summary.executedOrRecordedPercent).toBeNull();
    expect(coverageSummary([]).counts).toEqual(Object.fromEntries(COVERAGE_COLUMNS.map((c) => [c, 0])));
  });

  it('accounts for every rule of every rulebook', () => {
    for (const book of rulebookIds) {
      const ids = ruleIdsOf(book);
      const summary = coverageSummary(ids);
      expect(
        Object.values(summary.counts).reduce((a, b) => a + b, 0),
        book,
      ).toBe(ids.length);
      expect(summary.executedOrRecorded, book).toBe(ids.filter((id) => ['executed', 'recorded'].includes(coverageOf(id).class)).length);
      expect(summary.behaviour, book).toBeGreaterThan(0);
      expect(summary.executedOrRecordedPercent, book).toBeCloseTo((100 * summary.executedOrRecorded) / summary.behaviour, 1);
    }
  });
});
