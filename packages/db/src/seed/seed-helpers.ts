// Helpers shared by the demo seeders of incidents, maintenance windows and registers.
import type pg from 'pg';
import type { RuleId } from '@tsukasa/domain';
import type { MunicipalitySeed } from '@tsukasa/seed';

/**
 * A row to seed. The columns that cite rules take rule IDs, so demo data citing a rule the
 * rulebooks lack does not compile.
 */
export type Row = Record<string, unknown> & { rule_ids?: readonly RuleId[]; clause_rule_id?: RuleId };

/** Inserts rows that are not there yet; an existing row is left as it is (what staff did since wins). */
export async function insertOnce(client: pg.ClientBase, table: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    await client.query(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) on conflict do nothing`,
      columns.map((c) => row[c] ?? null),
    );
  }
}

/** The key of the staff member holding a demo position now. */
export function holderOf(m: MunicipalitySeed, positionKey: string): string | undefined {
  return m.staff.find((s) => s.tenures.some((t) => t.positionKey === positionKey && !t.to))?.key;
}
