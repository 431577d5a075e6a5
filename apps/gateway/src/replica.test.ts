// Integrators' reads on a real streaming replica (graphql/read-replica.ts): a dedicated primary and a
// hot standby made from an online base backup (testing/streaming-replica.ts). Which database answered
// is shown by pausing the standby's replay: a change made on the primary is then missing only there.
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLoginUrl, createOrm, exec, type MikroORM } from '@tsukasa/db';
import { createGateway } from './app.ts';
import { readGatewayEnv } from './config/env.ts';
import { RequestDb } from './graphql/request-db.ts';
import { TenantPool } from './graphql/tenant-pool.ts';
import type { Log } from './http/logger.ts';
import { startStreamingReplica, type StreamingReplica } from './testing/streaming-replica.ts';

const MAX_LAG_MS = 3_000;
type Gql = <T>(
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
) => Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;

let rs: StreamingReplica;
let orm: MikroORM;
let readOrm: MikroORM;
let primary: pg.Client;
let standby: pg.Client;
const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const log: Log = (level, message, fields) => void logged.push({ level, message, fields });
const stops: (() => Promise<void>)[] = [];

async function start(fieldAuthorization: 'enforce' | 'audit-only' = 'enforce') {
  const gateway = await createGateway({
    orm,
    readOrm,
    replicaMaxLagMs: MAX_LAG_MS,
    log,
    sessionTtlHours: 8,
    secureCookies: false,
    fieldAuthorization,
    rateLimit: { perMinute: 0, burst: 1 },
  });
  const server: Server = createServer(gateway.app);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  stops.push(async () => {
    const closed = new Promise((ok) => server.close(ok));
    server.closeAllConnections();
    await closed;
    await gateway.stop();
  });
  const gql: Gql = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as never;
  };
  const readyz = async () => {
    const res = await fetch(`${url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; checks: { replica: string } } };
  };
  /** Polls /readyz until the replica is reported in `state`. */
  const replicaBecomes = async (state: string, ms = MAX_LAG_MS + 4_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = await readyz();
      if (r.body.checks.replica === state) return r;
      if (Date.now() > deadline) throw new Error(`replica not ${state}: ${JSON.stringify(r.body)}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  };
  return { gql, readyz, replicaBecomes };
}

let gw: Awaited<ReturnType<typeof start>>;
let staff: string;
let reader: string;
let writer: string;
let systemId: string;

const signIn = async (municipality: string) =>
  (
    await gw.gql<{ signIn: { token: string } }>(
      'mutation($m: String!) { signIn(municipality: $m, username: "admin", password: "demo-admin-pass") { token } }',
      { m: municipality },
    )
  ).data!.signIn.token;
const apiToken = async (session: string, scopes: string[]) =>
  (
    await gw.gql<{ createApiToken: { token: string } }>(
      'mutation($s: [String!]!) { createApiToken(input: { name: "連携", scopes: $s }) { token } }',
      { s: scopes },
      session,
    )
  ).data!.createApiToken.token;
const nameOf = async (token: string, id = systemId) =>
  (await gw.gql<{ system: { name: string } | null }>('query($id: ID!) { system(id: $id) { name } }', { id }, token)).data!.system?.name;
const rename = async (token: string, name: string, id = systemId) => {
  const { version } = (await primary.query('select version from system where id = $1', [id])).rows[0];
  const r = await gw.gql<{ updateSystem: { name: string } }>(
    'mutation($input: UpdateSystemInput!) { updateSystem(input: $input) { name } }',
    { input: { id, version, name } },
    token,
  );
  expect(r.errors).toBeUndefined();
};
/** Replay on the standby stops: from now on it misses whatever the primary commits. */
const paused = async <T>(fn: () => Promise<T>): Promise<T> => {
  await standby.query('select pg_wal_replay_pause()');
  try {
    return await fn();
  } finally {
    await standby.query('select pg_wal_replay_resume()');
  }
};

beforeAll(async () => {
  rs = await startStreamingReplica();
  orm = await createOrm({ clientUrl: appLoginUrl(rs.primaryUrl), as: 'app', poolMax: 20 });
  readOrm = await createOrm({ clientUrl: appLoginUrl(rs.replicaUrl), as: 'app', poolMax: 20 });
  primary = new pg.Client({ connectionString: rs.primaryUrl, options: '-c search_path=tsukasa' });
  standby = new pg.Client({ connectionString: rs.replicaUrl, options: '-c search_path=tsukasa' });
  standby.on('error', () => undefined);
  await primary.connect();
  await standby.connect();
  gw = await start();
  staff = await signIn('arakawa');
  reader = await apiToken(staff, ['registry:read']);
  writer = await apiToken(staff, ['registry:read', 'registry:write']);
  systemId = (await primary.query(`select id from system where key = 'ark.sys.resident-record'`)).rows[0].id;
  await rs.caughtUp();
  await gw.replicaBecomes('ok');
}, 90_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await standby?.end().catch(() => undefined);
  await primary?.end().catch(() => undefined);
  await readOrm?.close(true);
  await orm?.close(true);
  await rs?.stop();
});

describe('API token queries on the read replica', () => {
  it('are answered by the replica while it is within the bound, then by the primary; staff always read the primary', async () => {
    expect((await gw.readyz()).body.checks.replica).toBe('ok');
    await paused(async () => {
      await rename(staff, '住民記録システム（更新1）');
      // The staff session reads the primary: its own change at once.
      expect(await nameOf(staff)).toBe('住民記録システム（更新1）');
      // The token reads the replica, which has not replayed the change: still within the bound.
      expect(await nameOf(reader)).toBe('住民記録システム');
      // Past the bound the replica is lagging: /readyz still 200, the token reads the primary.
      const lagging = await gw.replicaBecomes('lagging');
      expect(lagging.status).toBe(200);
      expect(await nameOf(reader)).toBe('住民記録システム（更新1）');
    });
    await gw.replicaBecomes('ok');
    expect(await nameOf(reader)).toBe('住民記録システム（更新1）');
    const switches = logged.filter((l) => l.message.startsWith('read replica: token queries routed')).map((l) => l.message);
    expect(switches.slice(-2)).toEqual(['read replica: token queries routed to the primary', 'read replica: token queries routed to the replica']);
  });

  it('gives a token that wrote its own write at once, while other tokens still read the replica', async () => {
    await paused(async () => {
      await rename(writer, '住民記録システム（更新2）');
      expect(await nameOf(writer)).toBe('住民記録システム（更新2）');
      expect(await nameOf(reader)).toBe('住民記録システム（更新1）');
      expect((await gw.readyz()).body.checks.replica).toBe('ok');
    });
    await rs.caughtUp();
    expect(await nameOf(reader)).toBe('住民記録システム（更新2）');
  });

  it('keeps row-level security on the replica: a token of another municipality cannot read the system by id', async () => {
    const kawasakiStaff = await signIn('kawasaki');
    const kawasaki = await apiToken(kawasakiStaff, ['registry:read']);
    const { id: own, name } = (
      await primary.query(`select s.id, s.name from system s join municipality m on m.id = s.municipality_id where m.code = 'kawasaki' order by s.key limit 1`)
    ).rows[0];
    await rs.caughtUp();
    await paused(async () => {
      // The replica answers this token: it does not see the change its municipality just made …
      await rename(kawasakiStaff, `${name}（更新）`, own);
      expect(await nameOf(kawasaki, own)).toBe(name);
      // … and, there too, nothing of another municipality.
      expect(await nameOf(kawasaki)).toBeUndefined();
      const list = await gw.gql<{ systems: { totalCount: number } }>('{ systems(first: 1) { totalCount } }', {}, kawasaki);
      const expected = (
        await primary.query(`select count(*)::int as n from system s join municipality m on m.id = s.municipality_id where m.code = 'kawasaki'`)
      ).rows[0].n;
      expect(list.data!.systems.totalCount).toBe(expected);
    });
  });

  it('writes the audit of a replica-routed read on the primary before answering (no audit, no data)', async () => {
    // Tokens are never given protected fields in the product; the benchmark's audit-only mode audits
    // every read, which exercises the one path on which a token query writes.
    const audited = await start('audit-only');
    await audited.replicaBecomes('ok');
    await rs.caughtUp();
    await paused(async () => {
      await rename(staff, '住民記録システム（更新3）');
      const r = await audited.gql<{ system: { name: string; networkDescription: string } }>(
        'query($id: ID!) { system(id: $id) { name networkDescription } }',
        { id: systemId },
        reader,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.system.name).toBe('住民記録システム（更新2）'); // the replica's snapshot
      expect(r.data!.system.networkDescription).toContain('VLAN');
      const reads = await primary.query(`select fields from audit_event where action = 'read' and target_id = $1 and actor_token_id is not null`, [systemId]);
      expect(reads.rows.map((row) => row.fields)).toEqual([['networkDescription']]);
    });
    // A write that reaches the replica's transaction is refused loudly, not lost.
    const municipalityId = (await primary.query(`select id from municipality where code = 'arakawa'`)).rows[0].id;
    const tenants = await TenantPool.open(orm);
    const db = new RequestDb(tenants, municipalityId);
    db.readFromReplica(readOrm);
    await expect(exec(await db.em(), `update system set name = name where id = $1`, [systemId])).rejects.toThrow(/write reached the read replica/);
    await db.finish(false);
    await tenants.end();
  });

  it('falls back to the primary when the replica is stopped; /readyz stays 200 and says it is down', async () => {
    await rs.stopReplica();
    const down = await gw.replicaBecomes('down');
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('ready');
    expect(await nameOf(reader)).toBe('住民記録システム（更新3）');
    expect(logged.at(-1)?.message).not.toBe('read replica: token queries routed to the replica');
  });
});

describe('DATABASE_READ_URL', () => {
  it('is read with DATABASE_URL, and refused when it is not a postgres:// URL or has no primary to be a replica of', () => {
    const primaryUrl = 'postgres://u:p@db:5432/tsukasa';
    const DATABASE_APP_PASSWORD = 'a-password-of-the-app-login';
    expect(
      readGatewayEnv({ DATABASE_URL: primaryUrl, DATABASE_APP_PASSWORD, DATABASE_READ_URL: ' postgres://u:p@replica:5432/tsukasa ' }, '/tmp').databaseReadUrl,
    ).toBe('postgres://u:p@replica:5432/tsukasa');
    expect(readGatewayEnv({ DATABASE_URL: primaryUrl, DATABASE_APP_PASSWORD }, '/tmp').databaseReadUrl).toBeUndefined();
    expect(() => readGatewayEnv({ DATABASE_URL: primaryUrl, DATABASE_APP_PASSWORD, DATABASE_READ_URL: 'mysql://replica/tsukasa' }, '/tmp')).toThrow(
      /DATABASE_READ_URL must be a postgres/,
    );
    expect(() => readGatewayEnv({ DATABASE_READ_URL: 'postgres://u:p@replica:5432/tsukasa' }, '/tmp')).toThrow(/needs DATABASE_URL/);
  });

  it('DATABASE_URL comes with the password of the application login, which has no default', () => {
    expect(() => readGatewayEnv({ DATABASE_URL: 'postgres://u:p@db:5432/tsukasa' }, '/tmp')).toThrow(/needs DATABASE_APP_PASSWORD/);
    expect(() => readGatewayEnv({ DATABASE_URL: 'postgres://u:p@db:5432/tsukasa', DATABASE_APP_PASSWORD: 'short' }, '/tmp')).toThrow(/at least 16 characters/);
  });
});
