// Whether the schema could be distributed by municipality on Citus (infra/citus/README.md): read from
// pg_catalog of a migrated database. A table with `municipality_id` is to be distributed by it and
// co-located with the others; every other table must be declared a reference or a local table in
// infra/citus/exceptions.json. What Citus requires of a distributed table and what this reports:
//
// - primary-key / unique / exclusion: every primary key, unique constraint, unique index and
//   exclusion constraint includes the distribution column (uniqueness is enforced per shard);
// - foreign-key: a foreign key to another distributed table includes municipality_id on both sides,
//   matched to each other (co-located joins and checks never leave a shard); foreign keys to
//   reference tables are free;
// - reference-to-distributed: a reference or local table does not point at a distributed one;
// - distribution-column: municipality_id is `uuid not null` everywhere (one co-location group);
// - rls: row-level security is on and a policy names municipality_id (the tenant guard holds on
//   every shard);
// - unclassified: a table without municipality_id that exceptions.json does not classify.
import type pg from 'pg';

export type FindingKind = 'primary-key' | 'unique' | 'exclusion' | 'foreign-key' | 'reference-to-distributed' | 'distribution-column' | 'rls' | 'unclassified';

export interface Finding {
  kind: FindingKind;
  table: string;
  /** The constraint or index concerned (absent for table-level findings). */
  constraint?: string;
  /** What is there now, for the report. */
  detail: string;
}

export interface ReadinessReport {
  distributed: string[];
  nonDistributed: string[];
  findings: Finding[];
}

export const DISTRIBUTION_COLUMN = 'municipality_id';

// Rows of pg_catalog, which the entities' Database type does not describe: raw SQL, typed here at the boundary.
interface TableCatalog {
  oid: number;
  name: string;
  has_m: boolean;
  m_type: string | null;
  m_not_null: boolean | null;
  rls: boolean;
  policy_on_m: boolean;
}
interface KeyCatalog {
  table: string;
  name: string;
  type: 'p' | 'u' | 'x' | 'i';
  columns: string[];
}
interface FkCatalog {
  table: string;
  name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
}

const parse = (json: string) => JSON.parse(json) as string[];

export async function citusReadiness(client: pg.ClientBase, schema: string, classified: ReadonlySet<string>): Promise<ReadinessReport> {
  const tables = (
    await client.query<Omit<TableCatalog, 'policy_on_m'> & { policies: string }>(
      `select c.oid::int as oid, c.relname as name, a.attname is not null as has_m, format_type(a.atttypid, a.atttypmod) as m_type, a.attnotnull as m_not_null,
            c.relrowsecurity as rls,
            coalesce((select string_agg(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''), ' ')
                        from pg_policy p where p.polrelid = c.oid), '') as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       left join pg_attribute a on a.attrelid = c.oid and a.attname = $2 and not a.attisdropped
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
      [schema, DISTRIBUTION_COLUMN],
    )
  ).rows.map((t) => ({ ...t, policy_on_m: new RegExp(`\\b${DISTRIBUTION_COLUMN}\\b`).test(t.policies) }));
  const distributed = new Set(tables.filter((t) => t.has_m).map((t) => t.name));
  const keys = (
    await client.query<Omit<KeyCatalog, 'columns'> & { columns: string }>(
      `select t.relname as table, con.conname as name, con.contype::text as type,
            to_json(array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord))::text as columns
       from pg_constraint con join pg_class t on t.oid = con.conrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and con.contype in ('p', 'u', 'x')
     union all
     -- unique indexes that back no constraint (CREATE UNIQUE INDEX …)
     select t.relname, i.relname, 'i',
            to_json(array(select coalesce(a.attname::text, '(expression)') from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)
                            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum order by k.ord))::text
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and x.indisunique and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by 1, 2`,
      [schema],
    )
  ).rows.map((k) => ({ ...k, columns: parse(k.columns) }));
  const fks = (
    await client.query<{ table: string; name: string; columns: string; ref_table: string; ref_columns: string }>(
      `select t.relname as table, con.conname as name, r.relname as ref_table,
            to_json(array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord))::text as columns,
            to_json(array(select a.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
                            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord))::text as ref_columns
       from pg_constraint con join pg_class t on t.oid = con.conrelid join pg_class r on r.oid = con.confrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and con.contype = 'f'
      order by 1, 2`,
      [schema],
    )
  ).rows.map((f): FkCatalog => ({ ...f, columns: parse(f.columns), ref_columns: parse(f.ref_columns) }));

  const findings: Finding[] = [];
  for (const t of tables) {
    if (!t.has_m) {
      if (!classified.has(t.name))
        findings.push({ kind: 'unclassified', table: t.name, detail: `no ${DISTRIBUTION_COLUMN}, and not declared a reference or local table` });
      continue;
    }
    if (t.m_type !== 'uuid' || !t.m_not_null)
      findings.push({ kind: 'distribution-column', table: t.name, detail: `${DISTRIBUTION_COLUMN} is ${t.m_type}${t.m_not_null ? ' not null' : ' nullable'}` });
    if (!t.rls || !t.policy_on_m)
      findings.push({ kind: 'rls', table: t.name, detail: t.rls ? `no policy names ${DISTRIBUTION_COLUMN}` : 'row-level security is off' });
  }
  const kindOf = { p: 'primary-key', u: 'unique', i: 'unique', x: 'exclusion' } as const;
  for (const k of keys) {
    if (!distributed.has(k.table) || k.columns.includes(DISTRIBUTION_COLUMN)) continue;
    findings.push({ kind: kindOf[k.type], table: k.table, constraint: k.name, detail: `(${k.columns.join(', ')})` });
  }
  for (const f of fks) {
    const from = distributed.has(f.table);
    const to = distributed.has(f.ref_table);
    if (!from && to) {
      findings.push({
        kind: 'reference-to-distributed',
        table: f.table,
        constraint: f.name,
        detail: `(${f.columns.join(', ')}) → ${f.ref_table}(${f.ref_columns.join(', ')})`,
      });
      continue;
    }
    if (!from || !to) continue; // to a reference table, or between reference/local tables
    const i = f.columns.indexOf(DISTRIBUTION_COLUMN);
    if (i < 0 || f.ref_columns[i] !== DISTRIBUTION_COLUMN) {
      findings.push({
        kind: 'foreign-key',
        table: f.table,
        constraint: f.name,
        detail: `(${f.columns.join(', ')}) → ${f.ref_table}(${f.ref_columns.join(', ')})`,
      });
    }
  }
  return { distributed: [...distributed], nonDistributed: tables.filter((t) => !t.has_m).map((t) => t.name), findings };
}

/** The identity of a finding, as exceptions.json lists it. */
export const findingKey = (f: Pick<Finding, 'kind' | 'table' | 'constraint'>) => `${f.kind} ${f.table}${f.constraint ? ` ${f.constraint}` : ''}`;
