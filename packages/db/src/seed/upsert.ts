import type pg from 'pg';
import type { Row } from './seed-helpers.ts';

/**
 * Inserts rows in batches; on conflict of `conflict` columns updates the other columns, except
 * those listed in `keep` (e.g. a password hash set once) — and only where they differ, so a row
 * already as given is not written again (a second seeding writes nothing). One statement per 500 rows. On a tenant
 * table (rows with municipality_id) the conflict target gets municipality_id appended, as every key
 * of such a table ends with it (migration …170000-citus-keys, infra/citus/README.md §3).
 */
export async function upsertMany(client: pg.ClientBase, table: string, rows: Row[], conflict: string[], keep: string[] = []): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (columns.includes('municipality_id') && !conflict.includes('municipality_id')) conflict = [...conflict, 'municipality_id'];
  const updatable = columns.filter((c) => !conflict.includes(c) && !keep.includes(c));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const params: unknown[] = [];
    const values = batch.map((row) => `(${columns.map((c) => (params.push(row[c] ?? null), `$${params.length}`)).join(', ')})`).join(', ');
    const onConflict = updatable.length
      ? `do update set ${updatable.map((c) => `"${c}" = excluded."${c}"`).join(', ')} ` +
        `where (${updatable.map((c) => `t."${c}"`).join(', ')}, null) is distinct from (${updatable.map((c) => `excluded."${c}"`).join(', ')}, null)`
      : 'do nothing';
    await client.query(
      `insert into "${table}" as t (${columns.map((c) => `"${c}"`).join(', ')}) values ${values} on conflict (${conflict.map((c) => `"${c}"`).join(', ')}) ${onConflict}`,
      params,
    );
  }
}
