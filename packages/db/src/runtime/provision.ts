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

/**
 * Creates what the product needs in a PostgreSQL it is given (embedded or external, ≥ 15):
 * the owner and application roles (NOLOGIN; the connecting user becomes a member), the database
 * when asked to, and the `tsukasa` schema owned by the owner role.
 */
export async function provisionRolesAndSchema(adminUrl: string, opts: { createDatabase?: string } = {}): Promise<string> {
  let url = adminUrl;
  await withClient(adminUrl, async (c) => {
    for (const role of [OWNER_ROLE, APP_ROLE]) {
      const exists = await c.query('select 1 from pg_roles where rolname = $1', [role]);
      if (exists.rowCount === 0) await c.query(`create role ${ident(role)} nologin noinherit nobypassrls`);
      await c.query(`grant ${ident(role)} to current_user`);
    }
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
