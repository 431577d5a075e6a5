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
   * 'app': every pooled connection runs as the non-owner application role, so row-level
   * security applies to everything the gateway does. 'owner': migrations and seeding.
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
    // The role is a startup parameter of each connection: no code path can forget to set it.
    driverOptions: { options: `-c role=${opts.as === 'app' ? APP_ROLE : OWNER_ROLE} -c search_path=${SCHEMA}`, onPoolCreated: releaseLostConnections },
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
  return MikroORM.init(ormConfig(opts));
}

export type { MikroORM } from '@mikro-orm/postgresql';
