// The seeder says what it changed: on an empty database the counts of what it added, on a second
// start over unchanged demo data that nothing changed, after an edit of demo data what it put back.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoMunicipalities } from '@tsukasa/seed';
import { SCHEMA, migrate, provisionRolesAndSchema, withDatabase } from '../runtime/provision.ts';
import { describeSeedReport, municipalityIdOf, seedDemo } from './demo-seeder.ts';
import { hashPassword } from './password.ts';

const kitami = demoMunicipalities.filter((m) => m.code === 'kitami');
const name = `t_seed_${randomBytes(4).toString('hex')}`;
let url: string;
const lines: string[] = [];
const seed = () => seedDemo(url, kitami, { hashPassword, demoPassword: 'demo-admin-pass', log: (line) => lines.push(line) });

beforeAll(async () => {
  url = await provisionRolesAndSchema(inject('pgAdminUrl'), { createDatabase: name });
  await migrate(url);
}, 120_000);
afterAll(async () => {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
});

describe('what the demo seeder reports', () => {
  it('on an empty database: the systems, staff and other records it added', async () => {
    const [report] = await seed();
    expect(report!.code).toBe('kitami');
    expect(report!.added['system']).toBe(kitami[0]!.systems.length);
    expect(report!.added['staff']).toBe(kitami[0]!.staff.length);
    expect(report!.updated).toBe(0);
    // Kitami has one system: the line says so in the singular.
    expect(kitami[0]!.systems).toHaveLength(1);
    expect(lines.at(-1)).toMatch(new RegExp(`^demo data of kitami: added 1 system, ${kitami[0]!.staff.length} staff members and [\\d,]+ other records$`));
  });

  it('on a second start: that nothing changed', async () => {
    const [report] = await seed();
    expect(report).toEqual({ code: 'kitami', added: {}, updated: 0 });
    expect(lines.at(-1)).toBe('demo data of kitami is up to date: nothing changed');
    // So for every municipality: their first seeding, then a second that writes nothing.
    await seedDemo(url, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
    const again = await seedDemo(url, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
    expect(again).toEqual(demoMunicipalities.map((m) => ({ code: m.code, added: {}, updated: 0 })));
  }, 120_000);

  it('after demo data was edited: what it put back', async () => {
    const c = new pg.Client({ connectionString: withDatabase(inject('pgAdminUrl'), name), options: `-c search_path=${SCHEMA}` });
    await c.connect();
    try {
      const edited = await c.query(
        `update org_unit set name = name || '（仮）' where id = (select id from org_unit where municipality_id = $1 order by id limit 1)`,
        [municipalityIdOf('kitami')],
      );
      expect(edited.rowCount).toBe(1);
    } finally {
      await c.end();
    }
    const [report] = await seed();
    expect(report).toEqual({ code: 'kitami', added: {}, updated: 1 });
    expect(lines.at(-1)).toBe('demo data of kitami: updated 1 record');
    expect(describeSeedReport({ code: 'x', added: { contractor: 2 }, updated: 3 })).toBe('demo data of x: added 2 records; updated 3 records');
  });
});
