// The form ledger (KWO-5-2): the forms each section keeps, where, for how long, and their disposal.
import type { RuleId } from '@tsukasa/domain';
import type { InferResult } from 'kysely';
import { first, run, tables, type Db, type Stored } from '../sql.ts';
import { isoDay, staffName, unitLabel } from './names.ts';

const ledgerRows = () =>
  tables
    .selectFrom('form_ledger_entry as e')
    .select((eb) => [
      'e.id',
      'e.org_unit_id',
      unitLabel(eb.ref('e.org_unit_id')).as('org_unit_name'),
      'e.form_name',
      'e.information',
      'e.storage_place',
      isoDay(eb.ref('e.created_on')).as('created_on'),
      'e.retention_years',
      'e.disposal_method',
      'e.disposal_note',
      isoDay(eb.ref('e.disposed_on')).as('disposed_on'),
      staffName(eb.ref('e.disposed_by_id')).as('disposed_by_name'),
      staffName(eb.ref('e.recorded_by_id')).as('recorded_by_name'),
      'e.recorded_at',
      'e.rule_ids',
      'e.version',
    ]);

/** An entry of the form ledger, with the names it is shown with. */
export type LedgerEntryRow = Stored<InferResult<ReturnType<typeof ledgerRows>>[number]>;

export async function ledgerEntries(db: Db, filter: { orgUnitId?: string | null; undisposedOnly?: boolean }): Promise<LedgerEntryRow[]> {
  return run(
    db,
    ledgerRows()
      .$if(filter.orgUnitId != null, (q) => q.where('e.org_unit_id', '=', filter.orgUnitId!))
      .$if(filter.undisposedOnly === true, (q) => q.where('e.disposed_on', 'is', null))
      .orderBy('e.org_unit_id')
      .orderBy('e.created_on')
      .orderBy('e.form_name'),
  );
}

export async function ledgerEntryById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<LedgerEntryRow | undefined> {
  return first(
    db,
    ledgerRows()
      .where('e.id', '=', id)
      .$if(opts.lock === true, (q) => q.forUpdate()),
  );
}

export async function insertLedgerEntry(
  db: Db,
  e: {
    id: string;
    municipalityId: string;
    orgUnitId: string;
    formName: string;
    information: string;
    storagePlace: string;
    createdOn: string;
    retentionYears: number | null;
    by: string;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('form_ledger_entry').values({
      id: e.id,
      municipality_id: e.municipalityId,
      org_unit_id: e.orgUnitId,
      form_name: e.formName,
      information: e.information,
      storage_place: e.storagePlace,
      created_on: e.createdOn,
      retention_years: e.retentionYears,
      recorded_by_id: e.by,
      recorded_at: e.at,
      rule_ids: [...e.ruleIds],
    }),
  );
}

export async function recordDisposal(
  db: Db,
  id: string,
  d: { method: NonNullable<LedgerEntryRow['disposal_method']>; note: string | null; disposedOn: string; by: string },
): Promise<void> {
  await run(
    db,
    tables
      .updateTable('form_ledger_entry as e')
      .set({
        disposal_method: d.method,
        disposal_note: d.note,
        disposed_on: d.disposedOn,
        disposed_by_id: d.by,
        version: (eb) => eb(eb.ref('e.version'), '+', 1),
      })
      .where('e.id', '=', id),
  );
}
