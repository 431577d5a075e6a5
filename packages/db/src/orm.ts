import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { allEntities } from './entities/index.ts';

export const APP_ROLE = 'tsukasa_app';
export const OWNER_ROLE = 'tsukasa_owner';
/** Every table lives in this schema (not `public`), so Tsukasa can share a database it is given. */
export const SCHEMA = 'tsukasa';

export interface OrmOptions {
  clientUrl: string;
  /**
   * 'app': `clientUrl` is the application's login (provision.ts appLoginUrl), checked at start to be
   * neither superuser nor owner nor able to become either: row-level security applies to everything
   * the gateway does. 'owner': `clientUrl` is the provisioning login, each connection switched to the
   * owner role (migrations, seeding, the operator's tools).
   */
  as: 'app' | 'owner';
  poolMax?: number;
  /** Called with every SQL statement; benchmarks and tests count statements with it. */
  onQuery?: (sql: string) => void;
}

export const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

export function ormConfig(opts: OrmOptions): Options {
  return {
    entities: allEntities,
    clientUrl: opts.clientUrl,
    schema: SCHEMA,
    // The owner role is a startup parameter of each provisioning connection: no code path can forget
    // it. The application connects as its own login: there is no role to switch to.
    driverOptions: {
      options: opts.as === 'owner' ? `-c role=${OWNER_ROLE} -c search_path=${SCHEMA}` : `-c search_path=${SCHEMA}`,
      onPoolCreated: releaseLostConnections,
    },
    pool: { min: 0, max: opts.poolMax ?? 10, idleTimeoutMillis: 10_000 },
    extensions: [Migrator],
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot-tsukasa',
      tableName: 'tsukasa.mikro_orm_migrations',
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `-${name}` : ''}`,
    },
    // RLS policies, triggers and functions are hand-written in migrations (…-security.ts): the
    // schema diff must leave them alone.
    schemaGenerator: { ignorePolicies: true, ignoreTriggers: true, ignoreRoutines: true },
    forceUtcTimezone: true,
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery ? (message: string) => opts.onQuery?.(message) : () => undefined,
    allowGlobalContext: false,
  };
}

/**
 * A connection that dies while checked out (PostgreSQL restarted, backend terminated, network cut)
 * goes back to the pool, which discards it. Without this, Kysely never releases it: after a failed
 * COMMIT or ROLLBACK it skips the release, and the pool slot stays taken for good — enough such
 * faults and every request waits forever for a connection (test/faults). A release that comes
 * later anyway is a no-op.
 */
export function releaseLostConnections(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  // Only the promise form (Kysely's); the callback form (pool.query) releases on errors itself.
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const lost = () => {
        if (released) return;
        released = true;
        release(new Error('connection lost while checked out'));
      };
      client.once('end', lost);
      client.release = (err?: Error | boolean) => {
        client.removeListener('end', lost);
        if (released) return;
        released = true;
        release(err);
      };
      return client;
    });
  };
}

export async function createOrm(opts: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(opts));
  if (opts.as === 'app') {
    try {
      await assertApplicationLogin(orm);
    } catch (e) {
      await orm.close(true);
      throw e;
    }
  }
  return orm;
}

export class UnsafeDatabaseLoginError extends Error {}

/**
 * The application's connections must not be able to leave row-level security: the login is the
 * application role itself — not a superuser, without CREATEROLE or BYPASSRLS, owning no table, and a
 * member of no other role (so SET ROLE has nowhere to go). Checked once, before the pool serves.
 */
export async function assertApplicationLogin(orm: MikroORM): Promise<void> {
  const [login] = await orm.em
    .getConnection()
    .execute<{ session_user: string; rolsuper: boolean; rolcreaterole: boolean; rolbypassrls: boolean; member_of: number; owns: number }[]>(
      `select session_user::text as session_user, r.rolsuper, r.rolcreaterole, r.rolbypassrls,
       (select count(*)::int from pg_auth_members m where m.member = r.oid) as member_of,
       (select count(*)::int from pg_class c where c.relowner = r.oid and c.relnamespace = '${SCHEMA}'::regnamespace) as owns
     from pg_roles r where r.rolname = session_user`,
    );
  const problems = [
    login?.session_user !== APP_ROLE && `logs in as ${login?.session_user ?? 'an unknown role'}, not ${APP_ROLE}`,
    login?.rolsuper && 'is a superuser',
    login?.rolcreaterole && 'may create roles',
    login?.rolbypassrls && 'bypasses row-level security',
    (login?.member_of ?? 0) > 0 && 'is a member of another role (SET ROLE could leave row-level security)',
    (login?.owns ?? 0) > 0 && 'owns tables',
  ].filter(Boolean);
  if (problems.length) throw new UnsafeDatabaseLoginError(`The application's database login ${problems.join(', ')}: refusing to serve.`);
}

export type { MikroORM } from '@mikro-orm/postgresql';
