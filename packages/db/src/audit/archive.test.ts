// npm run audit:archive and the verification that follows it: months archived to files with their
// anchors, the partitions gone, the chains in the database verifying from the anchors, the whole
// history verifying with the archive, a tampered archive reported, and every refusal changing
// nothing. Events are written in past months with explicit times (never by moving a clock).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isValidRuleId } from '@tsukasa/domain';
import { municipalityIdOf } from '../seed/demo-seeder.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { createTestDatabase } from '../testing/index.ts';
import { ArchiveRefusal, archiveAuditLog, archiveFileName, manifestFileName, verifyAuditHistory, type ArchiveManifest } from './archive.ts';
import { appendAt, inMonth, monthFromNow, partitionOf } from './test-events.ts';
import { verifyAuditChains } from './verify.ts';

const run = promisify(execFile);
const root = new URL('../../../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'tsukasa-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const M5 = monthFromNow(-5);
const M4 = monthFromNow(-4);
const M3 = monthFromNow(-3);

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
  await c.connect();
  return c;
}

/** Everything an archive run may change: partitions, anchors, events, chain heads, files. */
async function state(c: pg.ClientBase, dirs: string[]) {
  return {
    partitions: (
      await c.query(`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_event'::regclass order by 1`)
    ).rows.map((r) => r.relname as string),
    anchors: (await c.query('select count(*)::int as n from audit_chain_anchor')).rows[0].n as number,
    events: (await c.query(`select md5(string_agg(hash, ',' order by hash)) as h, count(*)::int as n from audit_event`)).rows[0],
    heads: (await c.query('select municipality_id, last_seq::text, last_hash from audit_chain_head order by 1')).rows,
    files: dirs.flatMap((d) =>
      existsSync(d)
        ? readdirSync(d).map(
            (f) =>
              `${d}/${f}:${createHash('sha256')
                .update(readFileSync(join(d, f)))
                .digest('hex')}`,
          )
        : [],
    ),
  };
}

const cli = (script: string, args: string[], url: string) =>
  run(process.execPath, ['--import', 'tsx', `packages/db/src/cli/${script}`, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } }).catch(
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

it('cites rules that exist', () => {
  for (const id of ['MNT-4-1-7', 'MNT-19-3', 'KWO-9-4']) expect(isValidRuleId(id), id).toBe(true);
});

describe('npm run audit:archive, then npm run audit:verify', () => {
  let db: { url: string; drop(): Promise<void> };
  let c: pg.Client;
  const out = join(work, 'archive');

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgAdminUrl'));
    c = await connect(db.url);
    // Arakawa: 5 events five months ago, 4 four months ago, 3 three months ago, 2 now. Kitami: 3 five
    // months ago and 2 three months ago (none four months ago). Then the months' partitions.
    await appendAt(
      c,
      'arakawa',
      [1, 2, 3, 4, 28].map((d) => inMonth(M5, d)),
    );
    await appendAt(
      c,
      'arakawa',
      [1, 9, 10, 28].map((d) => inMonth(M4, d)),
    );
    await appendAt(c, 'arakawa', [inMonth(M3, 1, 0), inMonth(M3, 2), inMonth(M3, 3)]);
    await appendAt(c, 'arakawa', [new Date(Date.now() - 60_000), new Date()]);
    await appendAt(c, 'kitami', [inMonth(M5, 5), inMonth(M5, 6), inMonth(M5, 7)], ['KTM-13-1']);
    await appendAt(c, 'kitami', [inMonth(M3, 5), inMonth(M3, 6)], ['KTM-13-1']);
    await c.query('select ensure_audit_partitions(3)');
  });
  afterAll(async () => {
    await c.end();
    await db.drop();
  });

  it('refuses a month that is not at least one month in the past, or not a month, changing nothing', async () => {
    const before = await state(c, [out]);
    for (const [month, code] of [
      [monthFromNow(0), 'TOO_RECENT'],
      [monthFromNow(1), 'TOO_RECENT'],
      ['2026-13', 'BAD_MONTH'],
      ['last year', 'BAD_MONTH'],
    ] as const) {
      const e = await archiveAuditLog(c, { before: month, outDir: out }).catch((x: unknown) => x);
      expect(e, month).toBeInstanceOf(ArchiveRefusal);
      expect((e as ArchiveRefusal).code).toBe(code);
      expect((e as ArchiveRefusal).messageJa.length).toBeGreaterThan(10);
    }
    const failed = await cli('audit-archive.ts', ['--before', monthFromNow(0), '--out', out], db.url);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/refused: --before .* is not at least one month in the past/);
    expect((failed as { stderr: string }).stderr).toMatch(/拒否: --before .* は1か月以上前の年月ではありません/);
    expect(await state(c, [out])).toEqual(before);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses when the directory already holds a month's file, changing nothing", async () => {
    const taken = join(work, 'taken');
    mkdirSync(taken);
    writeFileSync(join(taken, archiveFileName(M4)), 'an earlier archive');
    const before = await state(c, [taken]);
    const e = await archiveAuditLog(c, { before: M3, outDir: taken }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArchiveRefusal);
    expect(e).toMatchObject({ code: 'FILE_EXISTS', message: expect.stringContaining(archiveFileName(M4)) });
    expect(await state(c, [taken])).toEqual(before);
    expect(readFileSync(join(taken, archiveFileName(M4)), 'utf8')).toBe('an earlier archive');
  });

  it('archives the months before --before: files and manifests, anchors, partitions dropped, the archive on the record', async () => {
    const { code, stdout } = await cli('audit-archive.ts', ['--before', M3, '--out', out], db.url).then((r) => ({ code: 0, ...r }));
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`archived ${M5}: 8 events of 2 municipalities`));
    expect(stdout).toMatch(new RegExp(`archived ${M4}: 4 events of 1 municipality`));

    // The files: one JSON object per event with every column, and a manifest with counts and the SHA-256.
    for (const [month, events] of [
      [M5, 8],
      [M4, 4],
    ] as const) {
      const file = readFileSync(join(out, archiveFileName(month)));
      const manifest = JSON.parse(readFileSync(join(out, manifestFileName(month)), 'utf8')) as ArchiveManifest;
      expect(manifest).toMatchObject({
        month,
        partition: partitionOf(month),
        events,
        sha256: createHash('sha256').update(file).digest('hex'),
        bytes: file.length,
      });
      const lines = gunzipSync(file)
        .toString('utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(events);
      expect(Object.keys(lines[0]!)).toEqual(manifest.columns);
      expect(manifest.columns).toEqual(
        expect.arrayContaining([
          'id',
          'municipality_id',
          'seq',
          'occurred_at',
          'before',
          'after',
          'rule_ids',
          'prev_hash',
          'hash',
          'hash_version',
          'target_ids',
        ]),
      );
    }
    const m5 = JSON.parse(readFileSync(join(out, manifestFileName(M5)), 'utf8')) as ArchiveManifest;
    expect(m5.municipalities.map((m) => [m.code, m.events, m.firstSeq, m.lastSeq]).sort()).toEqual([
      ['arakawa', 5, '1', '5'],
      ['kitami', 3, '1', '3'],
    ]);

    // Anchors: the last event of each municipality in each month.
    const anchors = (
      await c.query(
        `select m.code, a.seq::text, a.hash, to_char(a.archived_month, 'YYYY-MM') as month, a.file_sha256 from audit_chain_anchor a join municipality m on m.id = a.municipality_id order by 4, 1`,
      )
    ).rows;
    expect(anchors.map((a) => [a.month, a.code, a.seq])).toEqual([
      [M5, 'arakawa', '5'],
      [M5, 'kitami', '3'],
      [M4, 'arakawa', '9'],
    ]);
    expect(anchors[0].file_sha256).toBe(m5.sha256);
    const hashOf = m5.municipalities.find((m) => m.code === 'arakawa')!.lastHash;
    expect(anchors[0].hash).toBe(hashOf);

    const parts = (await state(c, [])).partitions;
    expect(parts).not.toContain(partitionOf(M5));
    expect(parts).not.toContain(partitionOf(M4));
    expect(parts).toContain(partitionOf(M3));
    expect((await c.query(`select count(*)::int as n from audit_event where occurred_at < $1`, [inMonth(M3, 1, 0)])).rows[0].n).toBe(0);

    // The archive appended an event to each chain it shortened.
    const recorded = (
      await c.query(
        `select m.code, e.target_id, e.after from audit_event e join municipality m on m.id = e.municipality_id where e.action = 'audit.archive' order by e.target_id, m.code`,
      )
    ).rows;
    expect(recorded.map((r) => [r.code, r.target_id])).toEqual([
      ['arakawa', partitionOf(M5)],
      ['kitami', partitionOf(M5)],
      ['arakawa', partitionOf(M4)],
    ]);
    expect(recorded[0].after).toMatchObject({ month: M5, events: 5, anchorSeq: '5', fileSha256: m5.sha256 });
  });

  it('verifies the chains in the database from their anchors', async () => {
    const reports = await verifyAuditChains(c, { batchSize: 2 });
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(reports.find((r) => r.code === 'arakawa')).toMatchObject({ ok: true, archivedThrough: M4, events: 3 + 2 + 2 });
    expect(reports.find((r) => r.code === 'kitami')).toMatchObject({ ok: true, archivedThrough: M5, events: 2 + 1 });
    expect(reports.find((r) => r.code === 'minato')).not.toHaveProperty('archivedThrough');
    const { stdout } = (await cli('audit-verify.ts', [], db.url)) as { stdout: string };
    expect(stdout).toMatch(new RegExp(`ok\\s+arakawa\\s+7 events, chain intact, from the anchor of ${M4}`));
  });

  it('verifies the whole history with --archive', async () => {
    const reports = await verifyAuditHistory(c, { archiveDir: out });
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    expect(reports.find((r) => r.code === 'arakawa')).toMatchObject({ ok: true, archivedEvents: 9, events: 7 });
    expect(reports.find((r) => r.code === 'kitami')).toMatchObject({ ok: true, archivedEvents: 3, events: 3 });
    const { stdout } = (await cli('audit-verify.ts', ['--archive', out], db.url)) as { stdout: string };
    expect(stdout).toMatch(new RegExp(`ok\\s+arakawa\\s+7 events, chain intact, from the anchor of ${M4} \\(archive: 9 events verified\\)`));
  });

  it('reports an archive file that was changed, or is missing (exit code 1)', async () => {
    const file = join(out, archiveFileName(M4));
    const original = readFileSync(file);
    const lines = gunzipSync(original).toString('utf8').trim().split('\n');
    const edited = JSON.parse(lines[1]!) as Record<string, unknown>;
    edited.after = { ...(edited.after as object), i: 99 };
    lines[1] = JSON.stringify(edited);
    writeFileSync(file, gzipSync(lines.join('\n') + '\n'));
    try {
      const reports = await verifyAuditHistory(c, { archiveDir: out });
      expect(reports.find((r) => r.code === 'arakawa')).toMatchObject({
        ok: false,
        problem: { kind: 'edited', seq: '7', detail: expect.stringContaining(`(archive ${archiveFileName(M4)})`) },
      });
      expect(reports.find((r) => r.code === 'kitami')!.ok).toBe(true); // no event of Kitami's in that month
      const failed = (await cli('audit-verify.ts', ['--archive', out], db.url)) as { code: number; stdout: string };
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/BROKEN\s+arakawa\s+edited: event 7 was changed after it was written/);
      // Without the archive, the database's part still verifies on its own.
      expect((await verifyAuditChains(c)).filter((r) => !r.ok)).toEqual([]);

      // The same events, compressed again: the chain holds, but it is not the file that was archived.
      writeFileSync(file, gzipSync(gunzipSync(original), { level: 1 }));
      expect((await verifyAuditHistory(c, { archiveDir: out })).find((r) => r.code === 'arakawa')!.problem).toMatchObject({
        kind: 'edited',
        detail: expect.stringContaining('is not the file archived'),
      });

      renameSync(file, `${file}.away`);
      expect((await verifyAuditHistory(c, { archiveDir: out })).find((r) => r.code === 'arakawa')!.problem).toMatchObject({
        kind: 'deleted',
        detail: expect.stringContaining('is missing'),
      });
      renameSync(`${file}.away`, file);
    } finally {
      writeFileSync(file, original);
    }
    expect((await verifyAuditHistory(c, { archiveDir: out })).filter((r) => !r.ok)).toEqual([]);
  });

  it('an anchor that was changed breaks the chain it starts', async () => {
    const mid = municipalityIdOf('arakawa');
    const [anchor] = (
      await c.query(
        `select seq::text, hash, archived_month::text, archived_at, file_sha256 from audit_chain_anchor where municipality_id = $1 order by audit_chain_anchor.seq desc limit 1`,
        [mid],
      )
    ).rows;
    await c.query(`update audit_chain_anchor set hash = repeat('f', 64) where municipality_id = $1 and seq = $2`, [mid, anchor.seq]);
    try {
      expect((await verifyAuditChains(c)).find((r) => r.code === 'arakawa')!.problem).toMatchObject({ kind: 'reordered', seq: '10' });
    } finally {
      await c.query(`update audit_chain_anchor set hash = $3 where municipality_id = $1 and seq = $2`, [mid, anchor.seq, anchor.hash]);
    }
    await c.query(`delete from audit_chain_anchor where municipality_id = $1 and seq = $2`, [mid, anchor.seq]);
    try {
      expect((await verifyAuditChains(c)).find((r) => r.code === 'arakawa')!.problem).toMatchObject({
        kind: 'deleted',
        detail: 'event 6 is missing (next is 10)',
      });
    } finally {
      await c.query(
        `insert into audit_chain_anchor (municipality_id, seq, hash, archived_month, archived_at, file_sha256) values ($1, $2, $3, $4::date, $5, $6)`,
        [mid, anchor.seq, anchor.hash, anchor.archived_month, anchor.archived_at, anchor.file_sha256],
      );
    }
    expect((await verifyAuditChains(c)).filter((r) => !r.ok)).toEqual([]);
  });

  it('finds nothing more to archive before the same month; an archived month is never written twice', async () => {
    const again = join(work, 'again');
    expect(await archiveAuditLog(c, { before: M3, outDir: again })).toEqual([]);
    expect(existsSync(again)).toBe(false);
  });
});

describe('refusing to archive a month whose events come after events that are kept (a clock that went backwards)', () => {
  let db: { url: string; drop(): Promise<void> };
  let c: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgAdminUrl'));
    c = await connect(db.url);
    // Minato's events 1–2 five months ago, 3 three months ago, then 4 dated four months ago.
    await appendAt(c, 'minato', [inMonth(M5, 3), inMonth(M5, 4)], ['MNT-19-3']);
    await appendAt(c, 'minato', [inMonth(M3, 3)], ['MNT-19-3']);
    await appendAt(c, 'minato', [inMonth(M4, 3)], ['MNT-19-3']);
    await appendAt(c, 'arakawa', [inMonth(M5, 3)]);
    await c.query('select ensure_audit_partitions(3)');
  });
  afterAll(async () => {
    await c.end();
    await db.drop();
  });

  it('names the municipality and the events, and changes nothing', async () => {
    const out = join(work, 'backwards');
    const before = await state(c, [out]);
    const e = await archiveAuditLog(c, { before: M3, outDir: out }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArchiveRefusal);
    expect(e).toMatchObject({ code: 'CLOCK_BACKWARDS', message: expect.stringContaining(`minato (event 4 in ${M4}, event 3 kept)`) });
    expect((e as ArchiveRefusal).messageJa).toContain('時計が戻った');
    expect(await state(c, [out])).toEqual(before);
    expect(existsSync(out)).toBe(false);
    // Months before the disorder can still be archived.
    const done = await archiveAuditLog(c, { before: M4, outDir: out });
    expect(done.map((m) => [m.month, m.events])).toEqual([[M5, 3]]);
    expect((await verifyAuditHistory(c, { archiveDir: out })).filter((r) => !r.ok)).toEqual([]);
  });
});
