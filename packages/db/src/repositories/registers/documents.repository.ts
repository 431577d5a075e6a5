// System documents (MNT-13-9, MNT-21, ARK-5, ARK-11): the registered versions of each system's documents, and
// the modifications completed on systems.
import type { RuleId } from '@tsukasa/domain';
import { sql as raw, type InferResult, type NotNull } from 'kysely';
import { anyOf, first, run, tables, type Db, type Stored } from '../sql.ts';
import { staffName, unitLabel } from './names.ts';

const documents = () =>
  tables
    .selectFrom('system_document_version as d')
    .innerJoin('system as s', 's.id', 'd.system_id')
    .select((eb) => [
      'd.id',
      'd.system_id',
      's.name as system_name',
      's.rulebook_id',
      'd.kind',
      'd.org_unit_id',
      unitLabel(eb.ref('d.org_unit_id')).as('org_unit_name'),
      'd.title',
      'd.version_label',
      'd.note',
      'd.registered_at',
      'd.registered_by_id',
      staffName(eb.ref('d.registered_by_id')).as('registered_by_name'),
      'd.rule_ids',
    ]);

/** A registered version of a system's document, with the names it is shown with. */
export type DocumentVersionRow = Stored<InferResult<ReturnType<typeof documents>>[number]>;

/** Every version of the documents of the given systems (all systems: null), newest first within a document. */
export async function documentVersions(db: Db, systemIds: readonly string[] | null): Promise<DocumentVersionRow[]> {
  return run(
    db,
    documents()
      .$if(systemIds != null, (q) => q.where('d.system_id', '=', anyOf(systemIds!, 'uuid')))
      .orderBy('s.name')
      .orderBy('d.system_id')
      .orderBy('d.kind')
      .orderBy('d.org_unit_id', (o) => o.asc().nullsFirst())
      .orderBy('d.registered_at', 'desc')
      .orderBy('d.id'),
  );
}

export async function documentVersionExists(
  db: Db,
  k: { systemId: string; kind: DocumentVersionRow['kind']; orgUnitId: string | null; versionLabel: string },
): Promise<boolean> {
  return !!(await first(
    db,
    tables
      .selectFrom('system_document_version')
      .select((eb) => eb.lit(1).as('found'))
      .where('system_id', '=', k.systemId)
      .where('kind', '=', k.kind)
      .where('org_unit_id', 'is not distinct from', raw<string | null>`${k.orgUnitId}::uuid`)
      .where('version_label', '=', k.versionLabel),
  ));
}

export async function insertDocumentVersion(
  db: Db,
  d: {
    id: string;
    municipalityId: string;
    systemId: string;
    kind: DocumentVersionRow['kind'];
    orgUnitId: string | null;
    title: string;
    versionLabel: string;
    note: string | null;
    by: string;
    onBehalfOf: string | null;
    at: Date;
    ruleIds: readonly RuleId[];
  },
): Promise<void> {
  await run(
    db,
    tables.insertInto('system_document_version').values({
      id: d.id,
      municipality_id: d.municipalityId,
      system_id: d.systemId,
      kind: d.kind,
      org_unit_id: d.orgUnitId,
      title: d.title,
      version_label: d.versionLabel,
      note: d.note,
      registered_at: d.at,
      registered_by_id: d.by,
      on_behalf_of_id: d.onBehalfOf,
      rule_ids: [...d.ruleIds],
    }),
  );
}

const modifications = () =>
  tables
    .selectFrom('request as r')
    .select(['r.system_id', 'r.number', 'r.decided_at'])
    .where('r.kind_key', '=', 'system_modification')
    .where('r.status', '=', 'approved')
    .where('r.decided_at', 'is not', null)
    .where('r.system_id', 'is not', null)
    .$narrowType<{ system_id: NotNull; decided_at: NotNull }>();

/** A completed modification of a system: its approved 改修 request. */
export type ModificationRow = Stored<InferResult<ReturnType<typeof modifications>>[number]>;

/** Modifications completed: approved 改修 requests (system_modification), by system. */
export async function completedModifications(db: Db, systemIds: readonly string[] | null): Promise<ModificationRow[]> {
  return run(
    db,
    modifications()
      .$if(systemIds != null, (q) => q.where('r.system_id', '=', anyOf(systemIds!, 'uuid')))
      .orderBy('r.decided_at'),
  );
}
