// Retention of the audit log, decided by an operator: `npm run audit:archive -- --before YYYY-MM
// --out DIR` moves every month partition entirely before that month out of the database, into a
// gzip'd JSON-lines file per month, and leaves in audit_chain_anchor the last event of each
// municipality in the month, so the chain left in the database still verifies (it starts at the
// anchor) and the archive with the anchors verifies end to end (`npm run audit:verify -- --archive
// DIR`). Nothing is ever archived automatically: the regulations transcribed here set no retention
// period for this log (Kawasaki refers retention to its document classification table, KWO-9-4),
// and the log is how access is recorded and monitored (MNT-4-1-7, MNT-19-3).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { OWNER_ROLE } from '../orm.ts';
import { canonicalJson, eventDigest, type DigestFields } from '../repositories/audit.repository.ts';
import { ChainWalker, chainEventOf, verifyAuditChains, type ChainProblem, type ChainReport, type VerifyOptions } from './verify.ts';
import { countOf } from '@tsukasa/domain';

export const ARCHIVE_FORMAT = 'tsukasa-audit-archive';
export const ARCHIVE_VERSION = 1;

/** audit_event_y2026m04 for '2026-04'. */
export const partitionName = (month: string) => `audit_event_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
export const archiveFileName = (month: string) => `${partitionName(month)}.jsonl.gz`;
export const manifestFileName = (month: string) => `${partitionName(month)}.manifest.json`;

/** What a month's manifest (beside its file) records. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** YYYY-MM, Japan time. */
  month: string;
  partition: string;
  file: string;
  /** SHA-256 of the file's bytes (the gzip stream), as recorded in audit_chain_anchor.file_sha256. */
  sha256: string;
  bytes: number;
  events: number;
  columns: string[];
  archivedAt: string;
  municipalities: { municipalityId: string; code: string; events: number; firstSeq: string; lastSeq: string; lastHash: string }[];
}

export type ArchiveRefusalCode = 'BAD_MONTH' | 'TOO_RECENT' | 'FILE_EXISTS' | 'CLOCK_BACKWARDS' | 'CHAIN_BROKEN';

/** The archive was refused before anything changed (message in English and Japanese). */
export class ArchiveRefusal extends Error {
  constructor(
    readonly code: ArchiveRefusalCode,
    message: string,
    readonly messageJa: string,
  ) {
    super(message);
    this.name = 'ArchiveRefusal';
  }
}

export interface ArchiveOptions {
  /** YYYY-MM: every month partition entirely before this month is archived. */
  before: string;
  outDir: string;
  log?: (line: string) => void;
}

export interface ArchivedMonth {
  month: string;
  file: string;
  manifest: string;
  sha256: string;
  events: number;
  /** One anchor per municipality with events in the month. */
  anchors: { municipalityId: string; code: string; seq: string; hash: string }[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const PARTITION = /^audit_event_y(\d{4})m(\d{2})$/;

/** The month after YYYY-MM. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The first instant of a month in Japan time. */
const monthStart = (month: string) => `${month}-01 00:00:00+09`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The month partitions that exist, oldest first. */
export async function monthPartitions(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'tsukasa.audit_event'::regclass order by c.relname`,
  );
  return rows
    .map((r) => PARTITION.exec(r.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2]}`);
}

/** The columns of audit_event in table order, each as written to the archive (bigints as text: JSON numbers lose precision). */
async function archiveColumns(client: pg.ClientBase): Promise<{ names: string[]; select: string }> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = 'tsukasa.audit_event'::regclass and attnum > 0 and not attisdropped order by attnum`,
  );
  return {
    names: rows.map((r) => r.name),
    select: rows.map((r) => (r.type === 'bigint' ? `${quoteIdent(r.name)}::text as ${quoteIdent(r.name)}` : quoteIdent(r.name))).join(', '),
  };
}

/**
 * Refusals that need the database, checked for every month before anything changes. A municipality
 * whose events in the month have a number greater than an event it keeps (a clock that went
 * backwards, an event filed under an earlier month) would be left with a chain that no longer
 * starts at its anchor.
 */
async function clockCheck(client: pg.ClientBase, month: string): Promise<{ code: string; archived: string; kept: string }[]> {
  const { rows } = await client.query<{ code: string; archived: string; kept: string }>(
    `select m.code, a.mx::text as archived, k.mn::text as kept
       from (select municipality_id, max(seq) as mx from tsukasa.${quoteIdent(partitionName(month))} group by municipality_id) a
       join tsukasa.municipality m on m.id = a.municipality_id
       cross join lateral (select min(seq) as mn from (
           (select seq from tsukasa.audit_event e where e.municipality_id = a.municipality_id and e.occurred_at >= $1::timestamptz order by seq limit 1)
           union all
           (select seq from tsukasa.audit_event_default d where d.municipality_id = a.municipality_id and d.occurred_at < $1::timestamptz order by seq limit 1)) s) k
      where k.mn < a.mx order by m.code`,
    [monthStart(nextMonth(month))],
  );
  return rows;
}

/**
 * Archives every month partition entirely before `before` (at least one month in the past), oldest
 * first, each in one transaction after its file is on disk: the file and its manifest are written
 * and fsynced, then the anchors are inserted, an `audit.archive` event is appended to each
 * municipality's chain, and the partition is detached and dropped. Refusals (ArchiveRefusal) are
 * raised before anything changes.
 */
export async function archiveAuditMonths(client: pg.ClientBase, opts: ArchiveOptions): Promise<ArchivedMonth[]> {
  const log = opts.log ?? (() => undefined);
  const outDir = resolve(opts.outDir);
  if (!MONTH.test(opts.before)) {
    throw new ArchiveRefusal(
      'BAD_MONTH',
      `--before must be a month as YYYY-MM (got ${opts.before})`,
      `--before は YYYY-MM 形式の年月で指定してください（指定値: ${opts.before}）`,
    );
  }
  const current = (await client.query<{ m: string }>(`select to_char(now() at time zone 'Asia/Tokyo', 'YYYY-MM') as m`)).rows[0]!.m;
  if (nextMonth(opts.before) > current) {
    throw new ArchiveRefusal(
      'TOO_RECENT',
      `--before ${opts.before} is not at least one month in the past (this month is ${current}): only months that ended well ago are archived`,
      `--before ${opts.before} は1か月以上前の年月ではありません（今月は ${current}）。十分に過去の月だけを保管できます`,
    );
  }
  const months = (await monthPartitions(client)).filter((m) => m < opts.before);
  if (months.length === 0) {
    log(`no month partition before ${opts.before}: nothing to archive`);
    return [];
  }
  const existing = months.flatMap((m) => [archiveFileName(m), manifestFileName(m)]).filter((f) => existsSync(join(outDir, f)));
  if (existing.length) {
    throw new ArchiveRefusal(
      'FILE_EXISTS',
      `${outDir} already holds ${existing.join(', ')}: an archive is never overwritten; choose another directory`,
      `${outDir} には既に ${existing.join('、')} があります。保管ファイルは上書きしません。別のディレクトリを指定してください`,
    );
  }
  for (const month of months) {
    const backwards = await clockCheck(client, month);
    if (backwards.length) {
      const list = backwards.map((b) => `${b.code} (event ${b.archived} in ${month}, event ${b.kept} kept)`).join(', ');
      const listJa = backwards.map((b) => `${b.code}（${month} のイベント ${b.archived}、残るイベント ${b.kept}）`).join('、');
      throw new ArchiveRefusal(
        'CLOCK_BACKWARDS',
        `events of ${month} come after events that would be kept — the clock went backwards: ${list}. Nothing was archived.`,
        `${month} のイベントに、残るイベントより後の番号のものがあります（時計が戻った可能性）: ${listJa}。何も保管していません`,
      );
    }
  }
  await mkdir(outDir, { recursive: true });
  const done: ArchivedMonth[] = [];
  for (const month of months) {
    done.push(await archiveMonth(client, month, outDir, log));
  }
  return done;
}

/** The key of the advisory lock that runs one archive at a time. */
export const ARCHIVE_LOCK = 7_261_121_160;

/** archiveAuditMonths, one run at a time: a second run waits, then finds the months gone or their files there. */
export async function archiveAuditLog(client: pg.ClientBase, opts: ArchiveOptions): Promise<ArchivedMonth[]> {
  await client.query('select pg_advisory_lock($1)', [ARCHIVE_LOCK]);
  try {
    return await archiveAuditMonths(client, opts);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [ARCHIVE_LOCK]).catch(() => undefined);
  }
}

async function archiveMonth(client: pg.ClientBase, month: string, outDir: string, log: (line: string) => void): Promise<ArchivedMonth> {
  const partition = partitionName(month);
  const file = join(outDir, archiveFileName(month));
  const manifestFile = join(outDir, manifestFileName(month));
  const written: string[] = [];
  const streams: { destroy(): void }[] = [];
  await client.query('begin');
  try {
    await client.query(`set local role ${quoteIdent(OWNER_ROLE)}`);
    await client.query(`set local timezone = 'UTC'`);
    await client.query(`set local search_path = tsukasa`);
    // No event lands in the month while it is read (an append dated in it waits, then goes to the default partition).
    await client.query(`lock table tsukasa.${quoteIdent(partition)} in share mode`);
    const columns = await archiveColumns(client);
    const codes = new Map((await client.query<{ id: string; code: string }>('select id, code from tsukasa.municipality')).rows.map((r) => [r.id, r.code]));
    // Where each municipality's chain stands before this month: its newest anchor, or the genesis.
    const previous = new Map(
      (
        await client.query<{ municipality_id: string; seq: string; hash: string }>(
          `select distinct on (municipality_id) municipality_id, seq::text as seq, hash from tsukasa.audit_chain_anchor a order by municipality_id, a.seq desc`,
        )
      ).rows.map((r) => [r.municipality_id, r]),
    );

    // The file: written under a temporary name, fsynced, renamed, the directory fsynced.
    const tmp = `${file}.partial`;
    await rm(tmp, { force: true }); // left by an attempt that died: incomplete by its name
    const sha = createHash('sha256');
    let bytes = 0;
    const out = createWriteStream(tmp, { mode: 0o600, flags: 'wx' });
    written.push(tmp);
    const gzip = createGzip();
    streams.push(gzip, out);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        sha.update(chunk);
        bytes += chunk.length;
        cb(null, chunk);
      },
    });
    const finished = new Promise<void>((ok, fail) => {
      out.on('finish', ok);
      out.on('error', fail);
      gzip.on('error', fail);
      counter.on('error', fail);
    });
    finished.catch(() => undefined); // awaited below; an error before then must not go unhandled
    gzip.pipe(counter).pipe(out);
    const summary: ArchiveManifest['municipalities'] = [];
    let walker: ChainWalker | undefined;
    let first = '';
    const close = () => {
      if (!walker || walker.count === 0) return;
      summary.push({
        municipalityId: walker.municipalityId,
        code: codes.get(walker.municipalityId) ?? '',
        events: walker.count,
        firstSeq: first,
        lastSeq: String(walker.lastSeq),
        lastHash: walker.prev,
      });
    };
    let events = 0;
    await client.query(`declare archive_cursor no scroll cursor for
      select row_to_json(r)::text as line from (select ${columns.select} from tsukasa.${quoteIdent(partition)} p order by p.municipality_id, p.seq, p.occurred_at) r`);
    for (;;) {
      const batch = await client.query<{ line: string }>('fetch 2000 from archive_cursor');
      for (const { line } of batch.rows) {
        const row = JSON.parse(line) as Record<string, unknown>;
        const mid = row.municipality_id as string;
        if (walker?.municipalityId !== mid) {
          close();
          const start = previous.get(mid);
          walker = new ChainWalker(mid, start ?? null);
          first = String(row.seq);
        }
        // An anchor only ever certifies a chain that verifies.
        if (!walker.push(chainEventOf(row))) {
          const p = walker.problem!;
          throw new ArchiveRefusal(
            'CHAIN_BROKEN',
            `the audit chain of ${codes.get(mid)} is broken in ${month} (${p.kind}: ${p.detail}); run npm run audit:verify. ${month} and later months were not archived.`,
            `${codes.get(mid)} の監査ログの連鎖が ${month} で壊れています（${p.kind}: ${p.detail}）。npm run audit:verify で確認してください。${month} 以降の月は保管していません`,
          );
        }
        if (!gzip.write(line + '\n')) await once(gzip, 'drain');
        events++;
      }
      if (batch.rows.length < 2000) break;
    }
    close();
    await client.query('close archive_cursor');
    gzip.end();
    await finished;
    await fsyncPath(tmp);
    await rename(tmp, file);
    written.splice(written.indexOf(tmp), 1, file);
    await fsyncPath(outDir);
    const sha256 = sha.digest('hex');
    const archivedAt = new Date().toISOString();
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      month,
      partition,
      file: archiveFileName(month),
      sha256,
      bytes,
      events,
      columns: columns.names,
      archivedAt,
      municipalities: summary,
    };
    const manifestTmp = `${manifestFile}.partial`;
    await rm(manifestTmp, { force: true });
    const mh = await open(manifestTmp, 'wx', 0o600);
    written.push(manifestTmp);
    try {
      await mh.writeFile(JSON.stringify(manifest, null, 2) + '\n');
      await mh.sync();
    } finally {
      await mh.close();
    }
    await rename(manifestTmp, manifestFile);
    written.splice(written.indexOf(manifestTmp), 1, manifestFile);
    await fsyncPath(outDir);

    for (const s of summary) {
      await client.query(
        `insert into tsukasa.audit_chain_anchor (municipality_id, seq, hash, archived_month, archived_at, file_sha256) values ($1, $2::bigint, $3, $4::date, $5, $6)`,
        [s.municipalityId, s.lastSeq, s.lastHash, `${month}-01`, archivedAt, sha256],
      );
      // The archive is itself on the record, in the chain it shortens. No rule prescribes it (the
      // regulations are silent on retention), so no rule ID is cited.
      const event: DigestFields = {
        municipalityId: s.municipalityId,
        occurredAt: archivedAt,
        actorStaffId: null,
        actorTokenId: null,
        onBehalfOfStaffId: null,
        action: 'audit.archive',
        targetType: 'audit_partition',
        targetId: partition,
        targetIds: null,
        fields: null,
        before: null,
        after: JSON.parse(
          canonicalJson({
            month,
            file: archiveFileName(month),
            fileSha256: sha256,
            events: s.events,
            firstSeq: s.firstSeq,
            anchorSeq: s.lastSeq,
            anchorHash: s.lastHash,
          }),
        ),
        ruleIds: [],
        requestId: null,
      };
      await client.query('select tsukasa.append_audit_events($1, $2::jsonb)', [s.municipalityId, JSON.stringify([{ ...event, digest: eventDigest(event) }])]);
    }
    await client.query(`alter table tsukasa.audit_event detach partition tsukasa.${quoteIdent(partition)}`);
    await client.query(`drop table tsukasa.${quoteIdent(partition)}`);
    await client.query('commit');
    log(`archived ${month}: ${countOf(events, 'event')} of ${countOf(summary.length, 'municipality', 'municipalities')} → ${file} (sha256 ${sha256})`);
    return {
      month,
      file,
      manifest: manifestFile,
      sha256,
      events,
      anchors: summary.map((s) => ({ municipalityId: s.municipalityId, code: s.code, seq: s.lastSeq, hash: s.lastHash })),
    };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    for (const st of streams) st.destroy();
    // The partition is still there: the files of this attempt go, so that it can be run again.
    for (const f of written) await rm(f, { force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Verifying the archive against the anchors

export interface ArchiveCheck {
  /** Archived events verified, per municipality. */
  events: Map<string, number>;
  /** The first problem per municipality (the earliest month first). */
  problems: Map<string, ChainProblem>;
  files: number;
}

async function* archiveLines(file: string, onBytes: (b: Buffer) => void): AsyncGenerator<string> {
  const raw = createReadStream(file);
  raw.on('data', (b) => onBytes(b as Buffer));
  try {
    const lines = createInterface({ input: raw.pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield line;
  } finally {
    raw.destroy();
  }
}

/**
 * Verifies every archived month against audit_chain_anchor: the file's SHA-256, and each
 * municipality's events in it as a chain that starts where the previous month's anchor (or the
 * genesis) left off and ends exactly at this month's anchor. Streams each file.
 */
export async function verifyArchive(client: pg.ClientBase, dir: string): Promise<ArchiveCheck> {
  const anchors = (
    await client.query<{ municipality_id: string; seq: string; hash: string; month: string; file_sha256: string }>(
      `select municipality_id, seq::text as seq, hash, to_char(archived_month, 'YYYY-MM') as month, file_sha256
       from audit_chain_anchor order by archived_month, municipality_id`,
    )
  ).rows;
  const result: ArchiveCheck = { events: new Map(), problems: new Map(), files: 0 };
  const fail = (mid: string, p: ChainProblem) => {
    if (!result.problems.has(mid)) result.problems.set(mid, p);
  };
  const previous = new Map<string, { seq: string; hash: string }>();
  const months = [...new Set(anchors.map((a) => a.month))];
  for (const month of months) {
    const ofMonth = new Map(anchors.filter((a) => a.month === month).map((a) => [a.municipality_id, a]));
    const name = archiveFileName(month);
    const file = join(resolve(dir), name);
    if (!existsSync(file)) {
      for (const [mid, a] of ofMonth) fail(mid, { seq: a.seq, kind: 'deleted', detail: `the archive file ${name} of ${month} is missing from ${dir}` });
    } else {
      result.files++;
      const sha = createHash('sha256');
      const seen = new Set<string>();
      let walker: ChainWalker | undefined;
      const finish = () => {
        if (!walker) return;
        const mid = walker.municipalityId;
        const a = ofMonth.get(mid);
        result.events.set(mid, (result.events.get(mid) ?? 0) + walker.count);
        if (walker.problem) fail(mid, { ...walker.problem, detail: `${walker.problem.detail} (archive ${name})` });
        else if (!a) fail(mid, { seq: String(walker.lastSeq), kind: 'edited', detail: `the archive ${name} holds events no anchor of ${month} accounts for` });
        else if (String(walker.lastSeq) !== a.seq)
          fail(mid, { seq: a.seq, kind: 'deleted', detail: `the archive ${name} ends at event ${walker.lastSeq}, the anchor of ${month} at event ${a.seq}` });
        else if (walker.prev !== a.hash) fail(mid, { seq: a.seq, kind: 'edited', detail: `event ${a.seq} in the archive ${name} does not match its anchor` });
      };
      try {
        for await (const line of archiveLines(file, (b) => sha.update(b))) {
          const row = JSON.parse(line) as Record<string, unknown>;
          const mid = row.municipality_id as string;
          if (walker?.municipalityId !== mid) {
            finish();
            if (seen.has(mid))
              fail(mid, { seq: String(row.seq), kind: 'reordered', detail: `the archive ${name} holds this municipality's events out of order` });
            seen.add(mid);
            walker = new ChainWalker(mid, previous.get(mid) ?? null);
          }
          walker.push(chainEventOf(row));
        }
        finish();
      } catch (e) {
        for (const [mid, a] of ofMonth) fail(mid, { seq: a.seq, kind: 'edited', detail: `the archive file ${name} cannot be read (${(e as Error).message})` });
      }
      for (const [mid, a] of ofMonth) {
        if (!seen.has(mid)) fail(mid, { seq: a.seq, kind: 'deleted', detail: `the archive ${name} holds no event of the anchor of ${month}` });
      }
      const digest = sha.digest('hex');
      for (const [mid, a] of ofMonth) {
        if (a.file_sha256 !== digest)
          fail(mid, { seq: a.seq, kind: 'edited', detail: `the archive file ${name} is not the file archived (SHA-256 ${digest}, recorded ${a.file_sha256})` });
      }
    }
    for (const [mid, a] of ofMonth) previous.set(mid, { seq: a.seq, hash: a.hash });
  }
  return result;
}

/**
 * `npm run audit:verify [-- --archive DIR]`: the chains in the database from their anchors, and with
 * an archive directory the archived months too, so the whole history verifies end to end. A problem
 * in the archive comes first (it is earlier in the chain).
 */
export async function verifyAuditHistory(client: pg.ClientBase, opts: VerifyOptions & { archiveDir?: string } = {}): Promise<ChainReport[]> {
  const reports = await verifyAuditChains(client, opts);
  if (!opts.archiveDir) return reports;
  const archive = await verifyArchive(client, opts.archiveDir);
  return reports.map((r) => {
    const problem = archive.problems.get(r.municipalityId);
    const archivedEvents = archive.events.get(r.municipalityId) ?? 0;
    return problem ? { ...r, archivedEvents, ok: false, problem } : { ...r, archivedEvents };
  });
}
