// The database the operator's commands (db:backup, audit:verify, audit:archive) act on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../runtime/database.ts';
import { productRoot, readDatabaseEnv } from '../runtime/env.ts';
import { withDatabase } from '../runtime/provision.ts';

/**
 * The database the product runs on: `DATABASE_URL` when set; otherwise the embedded PostgreSQL of
 * a running `npm start` (its port from postmaster.pid, its superuser password beside the data);
 * otherwise that embedded PostgreSQL started for the occasion (stop() stops it again).
 */
export async function productDatabase(root = productRoot(import.meta.dirname)): Promise<{ url: string; stop(): Promise<void> }> {
  const env = readDatabaseEnv(process.env, root);
  if (env.databaseUrl) return { url: env.databaseUrl, stop: async () => undefined };
  const pid = join(env.dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pid)) {
    const port = readFileSync(pid, 'utf8').split('\n')[3]?.trim();
    const { password } = JSON.parse(readFileSync(join(env.dataDir, 'superuser.json'), 'utf8')) as { password: string };
    return { url: withDatabase(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, 'tsukasa'), stop: async () => undefined };
  }
  const db = await openDatabase({ databaseUrl: undefined, dataDir: env.dataDir });
  return { url: db.url, stop: db.stop };
}
