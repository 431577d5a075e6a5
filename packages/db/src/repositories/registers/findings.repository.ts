// Findings (KWW-10-2, KWO-3-3, ARK-29): findings and improvement requests, their responses, closing and notes.
import type { RuleId } from '@tsukasa/domain';
import type { InferResult } from 'kysely';
import { anyOf, first, run, tables, type Db, type Stored } from '../sql.ts';
import { isoDay, staffName } from './names.ts';

const findingRows = () =>
  tables
    .selectFrom('finding as f')
    .innerJoin('position as ap', 'ap.id', 'f.addressee_position_id')
    .leftJoin('system as s', 's.id', 'f.system_id')
    .select((eb) => [
      'f.id',
      'f.rulebook_id',
      'f.source',
      'f.inspection_id',
      'f.system_id',
      's.name as system_name',
      'f.addressee_position_id',
      'ap.name as addressee_position_name',
      'ap.org_unit_id as addressee_org_unit_id',
      'f.title',
      'f.detail',
      isoDay(eb.ref('f.due_on')).as('due_on'),
      'f.status',
      'f.raised_by_id',
      staffName(eb.ref('f.raised_by_id')).as('raised_by_name'),
      'f.raised_at',
      'f.response',
      'f.responded_at',
      staffName(eb.ref('f.responded_by_id')).as('responded_by_name'),
      'f.closed_at',
      staffName(eb.ref('f.closed_by_id')).as('closed_by_name'),
      'f.close_note',
      'f.rule_ids',
      'f.version',
    ]);

/** A finding or an improvement request, with the names it is shown with. */
export type FindingRow = Stored<InferResult<ReturnType<typeof findingRows>>[number]>;

export async function findings(db: Db, filter: { statuses?: readonly FindingRow['status'][] | null }): Promise<FindingRow[]> {
  return run(
    db,
    findingRows()
      .$if(filter.statuses != null, (q) => q.where('f.status', '=', anyOf(filter.statuses!, 'text')))
      .orderBy('f.due_on')
      .orderBy('f.raised_at'),
  );
}

export async function findingById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<FindingRow | undefined> {
  return first(
    db,
    findingRows()
      .where('f.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate('f')),
  );
}

export async function insertFinding(
  db: Db,
  f: {
    id: string;
    municipalityId: string;
    rulebookId: string;
    source: FindingRow['source'];
    inspectionId: string | null;
    systemId: string | null;
    addresseePositionId: string;
    title: string;
    detail: string;
    dueOn: string;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('finding').values({
      id: f.id,
      municipality_id: f.municipalityId,
      rulebook_id: f.rulebookId,
      source: f.source,
      inspection_id: f.inspectionId,
      system_id: f.systemId,
      addressee_position_id: f.addresseePositionId,
      title: f.title,
      detail: f.detail,
      due_on: f.dueOn,
      status: 'open',
      raised_by_id: f.by,
      raised_on_behalf_of_id: f.onBehalfOf,
      raised_at: f.at,
      rule_ids: [...f.ruleIds],
    }),
  );
}

export async function respondToFinding(db: Db, id: string, r: { response: string; by: string; at: Date }): Promise<void> {
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ status: 'responded', response: r.response, responded_by_id: r.by, responded_at: r.at, version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', id),
  );
}

export async function closeFinding(db: Db, id: string, c: { note: string | null; by: string; at: Date }): Promise<void> {
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ status: 'closed', close_note: c.note, closed_by_id: c.by, closed_at: c.at, version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', id),
  );
}

const findingNotes = () =>
  tables.selectFrom('finding_note as n').select((eb) => ['n.id', 'n.finding_id', staffName(eb.ref('n.author_id')).as('author_name'), 'n.body', 'n.created_at']);

/** A note on a finding, with its author's name. */
export type FindingNoteRow = Stored<InferResult<ReturnType<typeof findingNotes>>[number]>;

export async function notesOfFindings(db: Db, findingIds: readonly string[]): Promise<FindingNoteRow[]> {
  return run(db, findingNotes().where('n.finding_id', '=', anyOf(findingIds, 'uuid')).orderBy('n.finding_id').orderBy('n.created_at').orderBy('n.id'));
}

export async function insertFindingNote(db: Db, n: { municipalityId: string; findingId: string; by: string; body: string; at: Date }): Promise<void> {
  await run(
    db,
    tables.insertInto('finding_note').values((eb) => ({
      id: eb.fn<string>('gen_random_uuid'),
      municipality_id: n.municipalityId,
      finding_id: n.findingId,
      author_id: n.by,
      body: n.body,
      created_at: n.at,
    })),
  );
  await run(
    db,
    tables
      .updateTable('finding as f')
      .set({ version: (eb) => eb(eb.ref('f.version'), '+', 1) })
      .where('f.id', '=', n.findingId),
  );
}
