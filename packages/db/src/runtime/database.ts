import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle, type SupervisionOptions } from './embedded-postgres.ts';
import { appLoginUrl, migrate, provisionRolesAndSchema } from './provision.ts';

export interface DatabaseTarget {
  /** The provisioning login's URL: migrations, seeding and the operator's tools (as the owner role). */
  url: string;
  /** The application's login (gateway, workers, listeners): row-level security applies to all it does. */
  appUrl: string;
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
  /** The application login's password on an external database (DATABASE_APP_PASSWORD). */
  appPassword?: string;
  dataDir: string;
  log?: (line: string) => void;
  /** Restart the embedded PostgreSQL when it dies (npm start); ignored with DATABASE_URL. */
  supervise?: SupervisionOptions;
}): Promise<DatabaseTarget> {
  const log = opts.log ?? (() => undefined);
  if (opts.databaseUrl) {
    if (!opts.appPassword) throw new Error('DATABASE_URL needs DATABASE_APP_PASSWORD: the password of the login the application uses');
    const appPassword = opts.appPassword;
    const url = await oneAtATime(opts.databaseUrl, async () => {
      const provisioned = await provisionRolesAndSchema(opts.databaseUrl!, { appPassword });
      await migrate(provisioned, log);
      return provisioned;
    });
    return { url, appUrl: appLoginUrl(url, appPassword), stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: true, supervise: opts.supervise });
  log(`embedded PostgreSQL listening on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  const url = await provisionRolesAndSchema(embedded.adminUrl, { createDatabase: 'tsukasa' });
  await migrate(url, log);
  return { url, appUrl: appLoginUrl(url), embedded, stop: () => embedded.stop() };
}

/** The key of the advisory lock replicas take to provision and migrate one at a time. */
export const PROVISION_LOCK = 7_261_120_001;

/**
 * Gateway replicas starting together (compose, a Kubernetes rollout) share one database: one at a
 * time provisions and migrates under a session advisory lock, the next finds nothing left to do.
 * Without it two of them create the same schema or apply the same migration and fail.
 */
async function oneAtATime<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [PROVISION_LOCK]);
    return await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [PROVISION_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
