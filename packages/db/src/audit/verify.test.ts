import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm } from '../orm.ts';
import { GENESIS_HASH, appendAuditEvents, chainHash, eventDigest, type DigestFields } from '../repositories/audit.repository.ts';
import { municipalityIdOf } from '../seed/demo-seeder.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { verifyAuditChains, type VerifyProgress } from './verify.ts';

const run = promisify(execFile);
const root = new URL('../../../..', import.meta.url).pathname;

let db: TestDatabase;
let owner: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  owner = new pg.Client({ connectionString: db.url, options: `-c search_path=${SCHEMA}` });
  await owner.connect();
  // Kitami's chain starts with two events written under hash version 1 (before the upgrade), as a
  // database migrated from an earlier release holds them; version-2 events follow.
  const kitami = municipalityIdOf('kitami');
  let prev = GENESIS_HASH;
  for (const seq of ['1', '2']) {
    const occurredAt = new Date(Date.UTC(2026, 3, 1, 0, 0, Number(seq))).toISOString();
    const e = {
      municipalityId: kitami,
      seq,
      occurredAt,
      actorStaffId: null,
      actorTokenId: null,
      onBehalfOfStaffId: null,
      action: 'system.update',
      targetType: 'system',
      targetId: `v1-${seq}`,
      fields: null,
      before: { a: 1 },
      after: { a: 2 },
      ruleIds: ['KTM-13-1'],
      requestId: null,
    };
    const hash = chainHash(prev, e);
    await owner.query(
      `insert into audit_event (municipality_id, seq, occurred_at, action, target_type, target_id, before, after, rule_ids, prev_hash, hash, hash_version)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)`,
      [kitami, seq, occurredAt, e.action, e.targetType, e.targetId, e.before, e.after, e.ruleIds, prev, hash],
    );
    prev = hash;
  }
  await owner.query('update audit_chain_head set last_seq = 2, last_hash = $2 where municipality_id = $1', [kitami, prev]);
  // A history to protect: events appended the way the gateway appends them, as the application role.
  const orm = await createOrm({ clientUrl: db.appUrl, as: 'app' });
  for (const code of ['arakawa', 'kitami']) {
    const em = orm.em.fork();
    em.setSessionContext({ variables: { 'app.municipality_id': municipalityIdOf(code) } });
    await em.begin();
    for (let i = 0; i < 5; i++) {
      await appendAuditEvents(em, municipalityIdOf(code), [
        {
          actorStaffId: null,
          action: 'system.update',
          targetType: 'system',
          targetId: `s${i}`,
          before: { name: `旧${i}`, n: i },
          after: { name: `新${i}`, nested: { b: 1, a: [1, 2] } },
          ruleIds: ['ARK-4'],
        },
        { actorStaffId: null, action: 'read', targetType: 'staff', targetId: `p${i}`, fields: ['personalPhone'], ruleIds: ['ARK-14-1'] },
      ]);
    }
    await em.commit();
  }
  await orm.close(true);
});
afterAll(async () => {
  await owner.end();
  await db.drop();
});

/** Tampering needs the owner to switch the append-only trigger off first — as an attacker with the owner's password would. */
async function tamper(sql: string, params: unknown[] = []) {
  await owner.query('alter table audit_event disable trigger audit_event_no_update');
  try {
    await owner.query(sql, params);
  } finally {
    await owner.query('alter table audit_event enable trigger audit_event_no_update');
  }
}

const ark = () => municipalityIdOf('arakawa');
const reportOf = async (code: string) => (await verifyAuditChains(owner)).find((r) => r.code === code)!;

describe('npm run audit:verify', () => {
  it('verifies a chain that spans both hash versions', async () => {
    const kitami = await reportOf('kitami');
    expect(kitami).toMatchObject({ ok: true, events: 12 });
    const versions = (
      await owner.query(`select hash_version, count(*)::int as n from audit_event where municipality_id = $1 group by 1 order by 1`, [
        municipalityIdOf('kitami'),
      ])
    ).rows;
    expect(versions).toEqual([
      { hash_version: 1, n: 2 },
      { hash_version: 2, n: 10 },
    ]);
  });

  it('finds every chain intact, and says so with exit code 0', async () => {
    const reports = await verifyAuditChains(owner);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/audit-verify.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    expect(stdout).toMatch(/ok\s+arakawa\s+10 events, chain intact/);
  });

  it('detects an edited event (exit code 1)', async () => {
    const before = (await owner.query(`select after from audit_event where municipality_id = $1 and seq = 3`, [ark()])).rows[0].after;
    await tamper(`update audit_event set after = jsonb_set(after, '{name}', '"改ざん"') where municipality_id = $1 and seq = 3`, [ark()]);
    expect((await reportOf('arakawa')).problem).toMatchObject({ kind: 'edited', seq: '3' });
    expect((await reportOf('kitami')).ok).toBe(true);
    const failed = await run(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/audit-verify.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    }).catch((e: { code: number; stdout: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stdout: string }).stdout).toMatch(/BROKEN\s+arakawa\s+edited: event 3 was changed/);
    await tamper(`update audit_event set after = $2 where municipality_id = $1 and seq = 3`, [ark(), before]);
    expect((await reportOf('arakawa')).ok).toBe(true);
  });

  it('detects a deleted event, in the middle or at the end', async () => {
    const row = (await owner.query(`select * from audit_event where municipality_id = $1 and seq = 5`, [ark()])).rows[0];
    await tamper(`delete from audit_event where municipality_id = $1 and seq = 5`, [ark()]);
    expect((await reportOf('arakawa')).problem).toMatchObject({ kind: 'deleted', seq: '6' });
    await tamper(`insert into audit_event select * from json_populate_record(null::audit_event, $1)`, [JSON.stringify(row)]);
    expect((await reportOf('arakawa')).ok).toBe(true);
    const last = (await owner.query(`select * from audit_event where municipality_id = $1 and seq = 10`, [ark()])).rows[0];
    await tamper(`delete from audit_event where municipality_id = $1 and seq = 10`, [ark()]);
    expect((await reportOf('arakawa')).problem).toMatchObject({ kind: 'deleted' });
    await tamper(`insert into audit_event select * from json_populate_record(null::audit_event, $1)`, [JSON.stringify(last)]);
  });

  it('prints how fast it went', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'packages/db/src/cli/audit-verify.ts', '--batch-size', '3'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    expect(stdout).toMatch(/ok\s+kitami\s+12 events, chain intact/);
    expect(stdout).toMatch(/^\d[\d,]* events in \d+\.\d s \([\d,]+ events\/s\)$/m);
  });

  it('detects reordered events', async () => {
    await tamper(`update audit_event set seq = -seq where municipality_id = $1 and seq in (7, 8)`, [ark()]);
    await tamper(`update audit_event set seq = case seq when -7 then 8 else 7 end where municipality_id = $1 and seq in (-7, -8)`, [ark()]);
    expect((await reportOf('arakawa')).problem).toMatchObject({ kind: 'reordered', seq: '7' });
  });
});

describe('streaming verification: batches of 7 over a chain of 300 events', () => {
  const min = () => municipalityIdOf('minato');
  const BATCH = 7;
  const minato = async () => (await verifyAuditChains(owner, { batchSize: BATCH })).find((r) => r.code === 'minato')!;

  beforeAll(async () => {
    // Appended through append_audit_events in 6 calls of 50, one second apart in time.
    let seq = 0;
    for (let call = 0; call < 6; call++) {
      const events = Array.from({ length: 50 }, () => {
        seq++;
        const fields: DigestFields = {
          municipalityId: min(),
          occurredAt: new Date(Date.now() - (300 - seq) * 1000).toISOString(),
          actorStaffId: null,
          actorTokenId: null,
          onBehalfOfStaffId: null,
          action: 'system.update',
          targetType: 'system',
          targetId: `m${seq}`,
          targetIds: null,
          fields: null,
          before: { n: seq },
          after: { n: seq + 1 },
          ruleIds: ['MNT-19-3'],
          requestId: null,
        };
        return { ...fields, digest: eventDigest(fields) };
      });
      await owner.query('select append_audit_events($1, $2::jsonb)', [min(), JSON.stringify(events)]);
    }
  });

  it('verifies the whole chain across 43 batches, reporting progress after each', async () => {
    const progress: VerifyProgress[] = [];
    const reports = await verifyAuditChains(owner, { batchSize: BATCH, onProgress: (p) => progress.push(p) });
    expect(reports.find((r) => r.code === 'minato')).toMatchObject({ ok: true, events: 300 });
    const mine = progress.filter((p) => p.code === 'minato');
    expect(
      mine
        .filter((p) => !p.done)
        .map((p) => p.events)
        .slice(0, 3),
    ).toEqual([7, 14, 21]);
    expect(mine.filter((p) => !p.done).length).toBe(Math.ceil(301 / BATCH));
    expect(mine.at(-1)).toMatchObject({ done: true, events: 300 });
  });

  // Batches hold events 1–7, 8–14, 15–21 …: event 14 ends a batch, event 15 starts the next.
  it('detects an edit of the last event of a batch', async () => {
    await tamper(`update audit_event set after = '{"n": 999}' where municipality_id = $1 and seq = 14`, [min()]);
    expect((await minato()).problem).toMatchObject({ kind: 'edited', seq: '14' });
    await tamper(`update audit_event set after = '{"n": 15}' where municipality_id = $1 and seq = 14`, [min()]);
    expect((await minato()).ok).toBe(true);
  });

  it('detects the deletion of the first event of a batch', async () => {
    const row = (await owner.query(`select * from audit_event where municipality_id = $1 and seq = 15`, [min()])).rows[0];
    await tamper(`delete from audit_event where municipality_id = $1 and seq = 15`, [min()]);
    expect((await minato()).problem).toMatchObject({ kind: 'deleted', seq: '16', detail: 'event 15 is missing (next is 16)' });
    await tamper(`insert into audit_event select * from json_populate_record(null::audit_event, $1)`, [JSON.stringify(row)]);
    expect((await minato()).ok).toBe(true);
  });

  it('detects two events swapped across a batch boundary', async () => {
    await tamper(`update audit_event set seq = -seq where municipality_id = $1 and seq in (14, 15)`, [min()]);
    await tamper(`update audit_event set seq = case seq when -14 then 15 else 14 end where municipality_id = $1 and seq in (-14, -15)`, [min()]);
    expect((await minato()).problem).toMatchObject({ kind: 'reordered', seq: '14' });
    await tamper(`update audit_event set seq = -seq where municipality_id = $1 and seq in (14, 15)`, [min()]);
    await tamper(`update audit_event set seq = case seq when -14 then 15 else 14 end where municipality_id = $1 and seq in (-14, -15)`, [min()]);
    expect((await minato()).ok).toBe(true);
  });

  it('detects a number used twice (the primary key includes occurred_at, so only the chain can tell)', async () => {
    await tamper(
      `insert into audit_event (municipality_id, seq, occurred_at, action, target_type, target_id, rule_ids, prev_hash, hash)
      select municipality_id, seq, occurred_at + interval '1 millisecond', action, target_type, 'forged', rule_ids, prev_hash, hash from audit_event where municipality_id = $1 and seq = 21`,
      [min()],
    );
    expect((await minato()).problem).toMatchObject({ kind: 'reordered', seq: '21', detail: 'event 21 appears again after event 21' });
  });
});
