// The schema check of infra/citus/README.md against the migrated database: what would stop Citus
// from distributing the tables by municipality_id. The gaps that exist today are listed, each with
// its reason, in infra/citus/exceptions.json; this test fails on any new gap (a new table or
// constraint that ignores the tenant) and on any listed gap that has been closed (delete its entry),
// so the list is always exact and only shrinks.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCHEMA } from '../runtime/provision.ts';
import { citusReadiness, findingKey, type FindingKind, type ReadinessReport } from './citus-readiness.ts';
import { createTestDatabase } from './index.ts';

interface Exceptions {
  nonDistributed: Record<string, { as: 'reference' | 'local'; reason: string }>;
  exceptions: { kind: FindingKind; table: string; constraint?: string; reason: string }[];
}

const file = new URL('../../../../infra/citus/exceptions.json', import.meta.url);
const listed = JSON.parse(readFileSync(file, 'utf8')) as Exceptions;

let db: { url: string; drop(): Promise<void> };
let client: pg.Client;
let report: ReadinessReport;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  report = await citusReadiness(client, SCHEMA, new Set(Object.keys(listed.nonDistributed)));
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

describe('Citus readiness of the schema (distribution column municipality_id)', () => {
  it('every table is distributed by municipality_id, or declared a reference or local table with a reason', () => {
    expect(report.distributed.length).toBeGreaterThan(40);
    for (const [table, entry] of Object.entries(listed.nonDistributed)) {
      expect(report.nonDistributed, `${table} is listed as ${entry.as} but is not a table without municipality_id`).toContain(table);
      expect(['reference', 'local']).toContain(entry.as);
      expect(entry.reason.length, table).toBeGreaterThan(30);
    }
    expect(report.findings.filter((f) => f.kind === 'unclassified')).toEqual([]);
    // The tenant table itself is the reference table every distributed table points at.
    expect(listed.nonDistributed.municipality?.as).toBe('reference');
  });

  it('the distribution column is uuid not null everywhere, and row-level security names it on every distributed table', () => {
    expect(report.findings.filter((f) => f.kind === 'distribution-column' || f.kind === 'rls')).toEqual([]);
  });

  it('no reference or local table points at a distributed one', () => {
    expect(report.findings.filter((f) => f.kind === 'reference-to-distributed')).toEqual([]);
  });

  it('keys and foreign keys without municipality_id are exactly those listed in infra/citus/exceptions.json, each with its reason', () => {
    const found = new Map(report.findings.map((f) => [findingKey(f), f]));
    const allowed = new Map(listed.exceptions.map((e) => [findingKey(e), e]));
    const unlisted = [...found.keys()].filter((k) => !allowed.has(k)).map((k) => `${k} ${found.get(k)!.detail}`);
    const closed = [...allowed.keys()].filter((k) => !found.has(k));
    expect(unlisted, 'new gaps: include municipality_id in these keys (or, if it cannot be done yet, list them with a reason)').toEqual([]);
    expect(closed, 'closed gaps: delete these entries from infra/citus/exceptions.json').toEqual([]);
    expect(allowed.size, 'an entry is listed twice').toBe(listed.exceptions.length);
    for (const e of listed.exceptions) expect(e.reason.length, findingKey(e)).toBeGreaterThan(40);
  });
});
