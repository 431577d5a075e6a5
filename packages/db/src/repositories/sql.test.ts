import { describe, expect, it } from 'vitest';
import { UnknownStoredRuleIdError } from '@tsukasa/domain';
import { anyOf, one, prepared, recordedRows, rows, tables, type SqlSession } from './sql.ts';

/** A request's connection that answers every statement with these rows. */
const session = (answer: Record<string, unknown>[]): SqlSession => ({ kind: 'sql-session', now: () => new Date(), query: async <T>() => answer as T[] });

describe('rule IDs read back from the database', () => {
  it('come back as the rulebooks have them: rule_ids, a contract clause and the notes of a route', async () => {
    const answer = [
      { id: 1, rule_ids: ['MNT-4-1-7', 'MNT-19-3'], clause_rule_id: 'ARK-6-1-10', route_notes: [{ message: { ja: '', en: '' }, ruleIds: ['KWO-8-1-2'] }] },
    ];
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

describe('a prepared query', () => {
  const build = (args: { ids: readonly string[]; after: Date }, shape: { named: boolean }) =>
    tables
      .selectFrom('system as s')
      .select(['s.id'])
      .$if(shape.named, (q) => q.select('s.name'))
      .where('s.id', '=', anyOf(args.ids, 'uuid'))
      .where('s.updated_at', '>', args.after)
      .where('s.lifecycle_status', '=', 'in_service');
  const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
  const after = new Date(Date.now() - 86_400_000);

  it('sends the statement and parameters that building it per call sends, for each shape', () => {
    const statement = prepared(build);
    for (const named of [false, true, false]) {
      const perCall = build({ ids, after }, { named }).compile();
      expect(statement.compile({ ids, after }, { named })).toEqual({ sql: perCall.sql, parameters: perCall.parameters });
    }
    const other = ['00000000-0000-4000-8000-000000000003'];
    expect(statement.compile({ ids: other, after }, { named: true }).parameters).toEqual([other, after, 'in_service']);
  });

  it('runs with the bound values and checks the rows like any read', async () => {
    const sent: unknown[][] = [];
    const db: SqlSession = {
      kind: 'sql-session',
      now: () => new Date(),
      query: async <T>(_sql: string, params: readonly unknown[]) => (sent.push([...params]), [{ id: ids[0], rule_ids: ['MNT-4-7'] }] as T[]),
    };
    await expect(prepared(build).run(db, { ids, after }, { named: false })).rejects.toThrow(UnknownStoredRuleIdError);
    expect(sent).toEqual([[ids, after, 'in_service']]);
  });

  it('refuses a builder that reads an argument instead of passing it into the query', () => {
    const reads = prepared((args: { name: string }) => tables.selectFrom('system as s').select('s.id').where('s.name', '=', `${args.name}%`));
    expect(() => reads.compile({ name: 'x' })).toThrow('argument "name" may only be passed into the query');
  });
});
