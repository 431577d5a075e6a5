import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { createOrm, type MikroORM } from '@tsukasa/db';
import { settableClock } from '@tsukasa/domain/testing';
import { createTestDatabase } from '@tsukasa/db/testing';
import { createGateway } from '../app.ts';
import { jsonLogger } from '../http/logger.ts';
import type { RateLimitSettings } from '../http/rate-limit.ts';
import type { QueryLimits } from '../graphql/limits.ts';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface TestGateway {
  url: string;
  orm: MikroORM;
  /** Superuser connection to the test database, for assertions and tampering (bypasses RLS). */
  admin: pg.Client;
  /** The test database's provisioning URL (what the demo data is loaded with). */
  databaseUrl: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  signIn(municipality: string, username?: string, password?: string): Promise<string>;
  /** Moves the gateway's clock, the product's one source of time (null: the real time again). Sessions end by it too. */
  setNow(at: Date | null): void;
  /** The gateway's clock. */
  now(): Date;
  /** Counts SQL statements the gateway sends while `fn` runs. */
  countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  stop(): Promise<void>;
}

/** A real gateway over real HTTP on a fresh copy of the seeded demo database. */
export async function startTestGateway(
  pgAdminUrl: string,
  opts: {
    adminBuildDir?: string;
    fieldAuthorization?: 'enforce' | 'audit-only' | 'off';
    /** Off unless given: suites and the benchmark send requests flat out with one token. */
    rateLimit?: RateLimitSettings;
    queryLimits?: QueryLimits;
    /** Sessions end this long after sign-in on the gateway's clock (default 8, the product's). A story that moves the clock over weeks signs in for longer. */
    sessionTtlHours?: number;
  } = {},
): Promise<TestGateway> {
  const database = await createTestDatabase(pgAdminUrl);
  let recording: string[] | null = null;
  const orm = await createOrm({ clientUrl: database.appUrl, as: 'app', poolMax: 60 });
  const clock = settableClock();
  const gateway = await createGateway({
    orm,
    log: jsonLogger(true),
    sessionTtlHours: opts.sessionTtlHours ?? 8,
    secureCookies: false,
    adminBuildDir: opts.adminBuildDir,
    clock: clock.now,
    fieldAuthorization: opts.fieldAuthorization,
    rateLimit: opts.rateLimit ?? { perMinute: 0, burst: 1 },
    queryLimits: opts.queryLimits,
  });
  const server: Server = createServer(gateway.app);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const admin = new pg.Client({ connectionString: database.url, options: '-c search_path=tsukasa' });
  await admin.connect();
  admin.on('error', () => undefined); // the cluster may go away first at teardown
  // Every statement any pooled connection sends is recorded while countStatements runs.
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (recording && this !== admin) {
      const first = args[0];
      const text = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '');
      // BEGIN, the tenant and the epoch travel in one round trip (graphql/request-db.ts): each counts.
      recording.push(...(text.startsWith('begin') ? text.split('; ') : [text]));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;

  const gql: TestGateway['gql'] = async (query, variables, o = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResult, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...body } as never;
  };
  return {
    url,
    orm,
    admin,
    databaseUrl: database.url,
    gql,
    async signIn(municipality, username = 'admin', password = 'demo-admin-pass') {
      const r = await gql<{ signIn: { token: string } }>(
        'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token } }',
        { m: municipality, u: username, p: password },
      );
      if (!r.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(r.errors)}`);
      return r.data.signIn.token;
    },
    setNow(at) {
      clock.set(at);
    },
    now: clock.now,
    async countStatements(fn) {
      recording = [];
      try {
        const result = await fn();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
    async stop() {
      // Keep-alive connections (a browser's) would hold close() open forever.
      const closed = new Promise((ok) => server.close(ok));
      server.closeAllConnections();
      await closed;
      await gateway.stop();
      await orm.close(true);
      await admin.end();
      pg.Client.prototype.query = original;
      await database.drop();
    },
  };
}
