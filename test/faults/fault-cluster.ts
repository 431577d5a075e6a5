// Faults for the fault tests: a PostgreSQL of their own that can be stopped and started again on
// the same port and data, and one-shot connection kills aimed at a chosen SQL statement of the
// gateway (the statement-level hook runs in this process, where the gateway runs).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demoMunicipalities } from '@tsukasa/seed';
import { APP_ROLE, freePort, hashPassword, migrate, provisionRolesAndSchema, seedDemo, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@tsukasa/db';
import { TEMPLATE_DB } from '@tsukasa/db/testing';

/**
 * A persistent embedded cluster with the seeded template database `startTestGateway` copies.
 * `stopServer()` shuts PostgreSQL down (every connection is cut); `startServer()` brings it back on
 * the same port with the same data, as after a restart or a fail-over to the same address.
 */
export async function startFaultCluster() {
  const dir = await mkdtemp(join(tmpdir(), 'tsukasa-faults-'));
  const port = await freePort();
  let server: EmbeddedPostgresHandle | null = await startEmbeddedPostgres({ dataDir: dir, persistent: true, port });
  const adminUrl = server.adminUrl;
  const template = await provisionRolesAndSchema(adminUrl, { createDatabase: TEMPLATE_DB });
  await migrate(template);
  await seedDemo(template, demoMunicipalities, { hashPassword, demoPassword: 'demo-admin-pass' });
  return {
    adminUrl,
    async stopServer() {
      await server?.stop();
      server = null;
    },
    async startServer() {
      server = await startEmbeddedPostgres({ dataDir: dir, persistent: true, port });
    },
    /** The postmaster's process id (SIGSTOP makes it a database that accepts and never answers). */
    async postmasterPid(): Promise<number> {
      return Number((await readFile(join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    },
    async stop() {
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type FaultCluster = Awaited<ReturnType<typeof startFaultCluster>>;

/** A short-lived superuser connection (survives nothing: open one per use). */
export async function withSuperuser<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, options: '-c search_path=tsukasa' });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

type Query = (...args: unknown[]) => unknown;

/** The gateway's pooled connections: they log in as the application role. */
export const isGatewayClient = (c: pg.Client): boolean =>
  (c as unknown as { connectionParameters?: { user?: string } }).connectionParameters?.user === APP_ROLE;

/**
 * Arms one-shot faults on the gateway's connections. `killBefore(re, nth)`: the nth next statement
 * matching `re` finds its connection terminated (pg_terminate_backend, waiting until the backend is
 * gone) — the transaction it belonged to dies half-way. `loseCommitAck()`: the next COMMIT is
 * applied by PostgreSQL, then the connection is cut before the gateway hears back — the ambiguous
 * outcome a client cannot tell from a failure.
 */
export function faultInjector(terminate: (pid: number) => Promise<unknown>) {
  let armed: { match: RegExp; mode: 'before' | 'after'; skip: number; fired: string[] } | null = null;
  const original = pg.Client.prototype.query as unknown as Query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : String((first as { text?: string } | undefined)?.text ?? '');
    const fault = armed;
    if (!fault || !isGatewayClient(this) || !fault.match.test(sql)) return original.apply(this, args);
    if (fault.skip-- > 0) return original.apply(this, args);
    armed = null;
    fault.fired.push(sql);
    const pid = (this as unknown as { processID: number }).processID;
    if (fault.mode === 'before') {
      return (async () => {
        await terminate(pid);
        return original.apply(this, args);
      })();
    }
    return (async () => {
      await original.apply(this, args);
      await terminate(pid);
      throw new Error('Connection terminated unexpectedly');
    })();
  } as typeof pg.Client.prototype.query;

  function arm(match: RegExp, mode: 'before' | 'after', nth = 1) {
    const fired: string[] = [];
    armed = { match, mode, skip: nth - 1, fired };
    /** The statements the fault hit (one, once it fired). */
    return { fired };
  }
  return {
    killBefore: (match: RegExp, nth = 1) => arm(match, 'before', nth),
    loseCommitAck: () => arm(/^\s*commit\b/i, 'after'),
    restore() {
      armed = null;
      pg.Client.prototype.query = original as unknown as typeof pg.Client.prototype.query;
    },
  };
}
