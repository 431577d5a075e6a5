import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE, SCHEMA, createOrm } from '../orm.ts';

export { SCHEMA };

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
};

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Replaces the database name of a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Replaces the user and password of a connection URL. */
export function withLogin(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * The application login's password when Tsukasa owns the cluster (the embedded PostgreSQL, test
 * clusters): derived from the superuser's, which is generated with the cluster and kept beside its
 * data (0600). Whoever knows the superuser's password could take any role anyway; the application,
 * which never sees it, cannot go the other way. External databases are given one (DATABASE_APP_PASSWORD).
 */
export function deriveAppPassword(adminUrl: string): string {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  if (!secret) throw new Error('The application login needs a password: set DATABASE_APP_PASSWORD (the provisioning URL has none to derive it from)');
  return createHmac('sha256', secret).update(`${APP_ROLE} login`).digest('base64url');
}

/** The URL the application logs in with: the database of `url`, as the application role. */
export function appLoginUrl(url: string, appPassword: string = deriveAppPassword(url)): string {
  return withLogin(url, APP_ROLE, appPassword);
}

/**
 * The SCRAM-SHA-256 verifier of a password, as PostgreSQL stores it (RFC 5802/7677): ALTER ROLE takes
 * the verifier, so the password itself is never in a statement a server log could keep.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Creates what the product needs in a PostgreSQL it is given (embedded or external, ≥ 15):
 * - the owner role (NOLOGIN): owns the schema and every table; migrations and seeding run as it
 *   through the provisioning login, which becomes a member;
 * - the application role, the one login the running product uses (gateway, workers, listeners):
 *   not a superuser, no CREATEROLE/CREATEDB/BYPASSRLS, owns nothing, a member of no role, so it
 *   cannot SET ROLE to anything that bypasses row-level security. Its password is set on every start
 *   (as a SCRAM verifier), from `appPassword` or derived from the provisioning login's;
 * - the database when asked to, and the `tsukasa` schema owned by the owner role.
 */
export async function provisionRolesAndSchema(
  adminUrl: string,
  opts: {
    createDatabase?: string;
    /** The application login's password; derived from the provisioning login's when absent; `null` leaves it as it is (a restore into a running cluster). */
    appPassword?: string | null;
  } = {},
): Promise<string> {
  let url = adminUrl;
  const appPassword = opts.appPassword === undefined ? deriveAppPassword(adminUrl) : opts.appPassword;
  await withClient(adminUrl, async (c) => {
    const owner = await c.query('select 1 from pg_roles where rolname = $1', [OWNER_ROLE]);
    if (owner.rowCount === 0) await c.query(`create role ${ident(OWNER_ROLE)} nologin noinherit nobypassrls`);
    await c.query(`grant ${ident(OWNER_ROLE)} to current_user`);
    const app = await c.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    // The verifier's characters are base64, digits, '$' and ':' only: safe inside a literal.
    const password = appPassword === null ? '' : ` password '${scramVerifier(appPassword)}'`;
    if (app.rowCount === 0) {
      await c.query(`create role ${ident(APP_ROLE)} login${password} nosuperuser nocreatedb nocreaterole noinherit nobypassrls noreplication`);
    } else if (appPassword !== null) {
      await c.query(`alter role ${ident(APP_ROLE)} with login${password}`);
    }
    // Tests and tools may act as the application role through the provisioning login; never the reverse.
    await c.query(`grant ${ident(APP_ROLE)} to current_user`);
    if (opts.createDatabase) {
      const db = await c.query('select 1 from pg_database where datname = $1', [opts.createDatabase]);
      if (db.rowCount === 0) await c.query(`create database ${ident(opts.createDatabase)} owner ${ident(OWNER_ROLE)}`);
      url = withDatabase(adminUrl, opts.createDatabase);
    }
  });
  await withClient(url, async (c) => {
    await c.query(`create schema if not exists ${SCHEMA} authorization ${ident(OWNER_ROLE)}`);
    await c.query(`grant usage on schema ${SCHEMA} to ${ident(APP_ROLE)}`);
    await c.query(`alter default privileges for role ${ident(OWNER_ROLE)} in schema ${SCHEMA} grant usage, select on sequences to ${ident(APP_ROLE)}`);
  });
  return url;
}

/** Months ahead of the current one whose audit log partitions every start creates. */
export const AUDIT_MONTHS_AHEAD = 3;

/** Applies pending migrations as the owner role, then makes sure the audit log has its next months' partitions. */
export async function migrate(url: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  const orm = await createOrm({ clientUrl: url, as: 'owner' });
  try {
    const applied = await orm.migrator.up();
    for (const m of applied) log(`migration applied: ${m.name}`);
    // The audit log's month partitions of this month and the next three exist before any event
    // needs them (events outside them wait in the default partition, and are moved here).
    const [ensured] = await orm.em.getConnection().execute<{ created: number }[]>(`select ${SCHEMA}.ensure_audit_partitions(${AUDIT_MONTHS_AHEAD}) as created`);
    if (ensured?.created) log(`audit log partitions created: ${ensured.created}`);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
