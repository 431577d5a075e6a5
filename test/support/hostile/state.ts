// What "nothing changed" means: every table of the tsukasa schema (row count and a checksum of its
// rows) and every municipality's audit chain head, read through a superuser connection (no RLS).
import type pg from 'pg';

export interface Fingerprint {
  tables: Record<string, { rows: number; md5: string }>;
  chainHeads: Record<string, string>;
}

export async function fingerprint(admin: pg.Client): Promise<Fingerprint> {
  const names = (
    await admin.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'tsukasa' and tablename not like 'mikro_orm%' order by 1`)
  ).rows.map((r) => r.name);
  const tables: Fingerprint['tables'] = {};
  for (const name of names) {
    const r = await admin.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from tsukasa."${name}" t`,
    );
    tables[name] = r.rows[0]!;
  }
  const heads = await admin.query<{ municipality: string; head: string }>(
    `select m.code as municipality, h.last_seq || ':' || h.last_hash as head from tsukasa.audit_chain_head h join tsukasa.municipality m on m.id = h.municipality_id order by 1`,
  );
  return { tables, chainHeads: Object.fromEntries(heads.rows.map((r) => [r.municipality, r.head])) };
}

/** What differs between two fingerprints, in words ([] when nothing). */
export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const a = before.tables[name];
    const b = after.tables[name];
    if (!a || !b) out.push(`table ${name} ${a ? 'disappeared' : 'appeared'}`);
    else if (a.rows !== b.rows) out.push(`${name}: ${a.rows} → ${b.rows} rows`);
    else if (a.md5 !== b.md5) out.push(`${name}: rows changed (same count ${a.rows})`);
  }
  for (const m of new Set([...Object.keys(before.chainHeads), ...Object.keys(after.chainHeads)])) {
    if (before.chainHeads[m] !== after.chainHeads[m]) out.push(`audit chain head of ${m}: ${before.chainHeads[m] ?? '—'} → ${after.chainHeads[m] ?? '—'}`);
  }
  return out;
}
