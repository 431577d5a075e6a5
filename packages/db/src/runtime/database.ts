import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.ts';
import { migrate, provisionRolesAndSchema } from './provision.ts';

export interface DatabaseTarget {
  /** URL the product connects with (roles are switched per connection). */
  url: string;
  /** Present when the product started its own embedded PostgreSQL. */
  embedded?: EmbeddedPostgresHandle;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` set: use that PostgreSQL (≥ 15), creating the roles and schema it needs.
 * Otherwise start the embedded PostgreSQL whose data persists in `dataDir` (git-ignored).
 * Either way, apply pending migrations.
 */
export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<DatabaseTarget> {
  const log = opts.log ?? (() => undefined);
  if (opts.databaseUrl) {
    const url = await provisionRolesAndSchema(opts.databaseUrl);
    await migrate(url, log);
    return { url, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: true });
  log(`embedded PostgreSQL listening on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  const url = await provisionRolesAndSchema(embedded.adminUrl, { createDatabase: 'tsukasa' });
  await migrate(url, log);
  return { url, embedded, stop: () => embedded.stop() };
}
