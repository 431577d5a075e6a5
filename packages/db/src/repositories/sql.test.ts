import { describe, expect, it } from 'vitest';
import { UnknownStoredRuleIdError } from '@tsukasa/domain';
import { one, recordedRows, rows, type SqlSession } from './sql.ts';

/** A request's connection that answers every statement with these rows. */
const session = (answer: Record<string, unknown>[]): SqlSession => ({ kind: 'sql-session', now: () => new Date(), query: async <T>() => answer as T[] });

describe('rule IDs read back from the database', () => {
  it('come back as the rulebooks have them: rule_ids, a contract clause and the notes of a route', async () => {
    const answer = [{ id: 1, rule_ids: ['MNT-4-1-7', 'MNT-19-3'], clause_rule_id: 'ARK-6-1-10', route_notes: [{ message: { ja: '', en: '' }, ruleIds: ['KWO-8-1-2'] }] }];
    expect(await rows(session(answer), 'select * from x')).toEqual(answer);
  });

  it('fail the read, naming the ID and the statement, when one names no rule', async () => {
    const read = (row: Record<string, unknown>) => one(session([row]), 'select rule_ids from notification where target_id = $1');
    await expect(read({ rule_ids: ['KTM-10-5', 'KTM-10-4-5'] })).rejects.toThrow(UnknownStoredRuleIdError);
    await expect(read({ rule_ids: ['KTM-10-4-5'] })).rejects.toThrow('a row of select rule_ids from notification where target_id = $1 cites "KTM-10-4-5"');
    await expect(read({ clause_rule_id: 'ARK-6-1-11' })).rejects.toThrow('"ARK-6-1-11"');
    await expect(read({ route_notes: [{ ruleIds: ['MNT-4-7'] }] })).rejects.toThrow('"MNT-4-7"');
  });

  it('are read as recorded from the audit log, whose events cite the rules as they stood', async () => {
    const answer = [{ rule_ids: ['MNT-4-7'] }];
    expect(await recordedRows(session(answer), 'select rule_ids from audit_event')).toEqual(answer);
  });
});
