// PostgreSQL goes away and comes back: stopped (every connection cut, new ones refused), and hung
// (the postmaster stopped with SIGSTOP: connections are accepted by the kernel and never answered).
// The gateway stays up (liveness), says it is not ready (readiness, 503), answers requests with a
// typed INTERNAL error, and recovers by itself when the database is back: /readyz 200, sign-in
// and queries work, and sessions signed in before the outage are still valid (they are rows).
// Two gateway replicas on one database share those sessions (infra/compose.yaml, infra/k8s).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { appLoginUrl, createOrm, deriveAppPassword, openDatabase, verifyAuditChains, withDatabase, type MikroORM } from '@tsukasa/db';
import { createGateway } from '@tsukasa/gateway';
import { startTestGateway, type TestGateway } from '@tsukasa/gateway/testing';
import { startFaultCluster, withSuperuser, type FaultCluster } from './fault-cluster.ts';

let cluster: FaultCluster;
let gw: TestGateway;
let dbUrl: string;
let stderr: MockInstance | undefined;

beforeAll(async () => {
  // The gateway logs every failed request as an error line: kept out of the test output.
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  cluster = await startFaultCluster();
  gw = await startTestGateway(cluster.adminUrl);
  dbUrl = withDatabase(cluster.adminUrl, gw.admin.database!);
});
afterAll(async () => {
  await gw?.stop();
  await cluster?.stop();
  stderr?.mockRestore();
});

const get = async (path: string) => {
  const res = await fetch(`${gw.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const SYSTEMS = '{ systems(first: 1) { totalCount } }';

async function waitUntilReady(ms = 15_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const r = await get('/readyz');
    if (r.status === 200) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`not ready after ${ms} ms: ${JSON.stringify(r.body)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe('PostgreSQL stopped and started again', () => {
  let token: string;

  it('before: ready, and a signed-in integrator reads the registry', async () => {
    expect((await get('/readyz')).status).toBe(200);
    token = await gw.signIn('arakawa');
    const r = await gw.gql<{ systems: { totalCount: number } }>(SYSTEMS, {}, { token });
    expect(r.data?.systems.totalCount).toBe(117);
  });

  it('while it is down: alive, not ready (503 naming the database), and requests get INTERNAL with their reference', async () => {
    await cluster.stopServer();
    const live = await get('/healthz');
    expect(live).toEqual({ status: 200, body: { status: 'ok', uptimeSeconds: expect.any(Number) } });
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', failed: 'database', checks: { database: { status: 'failed', reason: 'unreachable' } } });
    expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|postgres|password/i);

    for (const attempt of [
      () => gw.gql(SYSTEMS, {}, { token }),
      () => gw.gql('mutation { signIn(municipality: "arakawa", username: "admin", password: "demo-admin-pass") { token } }'),
    ]) {
      const r = await attempt();
      const e = r.errors?.[0];
      expect(e?.extensions?.code, JSON.stringify(r.errors)).toBe('INTERNAL');
      expect(e?.extensions?.requestId).toBe(r.headers.get('x-request-id'));
      expect(String(e?.extensions?.messageJa)).toContain('問い合わせ番号');
      expect(JSON.stringify(r.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    }
  });

  it('when it is back: ready again by itself, the session from before still valid, sign-in and queries work', async () => {
    await cluster.startServer();
    const waited = await waitUntilReady();
    expect(waited).toBeLessThan(15_000);
    const before = await gw.gql<{ systems: { totalCount: number } }>(SYSTEMS, {}, { token });
    expect(before.errors, JSON.stringify(before.errors)).toBeUndefined();
    expect(before.data!.systems.totalCount).toBe(117);
    const fresh = await gw.signIn('kitami');
    const r = await gw.gql<{ systems: { totalCount: number } }>(SYSTEMS, {}, { token: fresh });
    expect(r.data!.systems.totalCount).toBe(1);
    // Every sign-in wrote its audit event; the chains still verify.
    const chains = await withSuperuser(dbUrl, (c) => verifyAuditChains(c));
    expect(chains.filter((c) => !c.ok)).toEqual([]);
  });
});

describe('PostgreSQL hung (accepts connections, never answers)', () => {
  it('readiness answers 503 `timeout` within its deadline instead of hanging, and 200 once the database answers again', async () => {
    await waitUntilReady();
    const pid = await cluster.postmasterPid();
    // No pooled connection survives (they would still answer): cut them, then freeze the postmaster.
    await withSuperuser(dbUrl, (c) =>
      c.query(
        `select pg_terminate_backend(pid, 5000) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      ),
    );
    process.kill(pid, 'SIGSTOP');
    try {
      const started = performance.now();
      const r = await get('/readyz');
      const took = performance.now() - started;
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'unavailable', failed: 'database', checks: { database: { status: 'failed', reason: 'timeout' } } });
      expect(took).toBeGreaterThanOrEqual(1900); // the default deadline, 2 s
      expect(took).toBeLessThan(5000);
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await waitUntilReady();
    const token = await gw.signIn('minato');
    expect((await gw.gql<{ systems: { totalCount: number } }>(SYSTEMS, {}, { token })).data!.systems.totalCount).toBe(1);
  });
});

describe('two gateway replicas on one database', () => {
  let orm: MikroORM;
  let server: Server;
  let stopReplica: () => Promise<void>;
  let replicaUrl: string;

  beforeAll(async () => {
    orm = await createOrm({ clientUrl: appLoginUrl(dbUrl), as: 'app', poolMax: 5 });
    const replica = await createGateway({ orm, log: () => undefined, sessionTtlHours: 8, secureCookies: false });
    server = createServer(replica.app);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    replicaUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    stopReplica = async () => {
      const closed = new Promise((ok) => server.close(ok));
      server.closeAllConnections();
      await closed;
      await replica.stop();
      await orm.close(true);
    };
  });
  afterAll(() => stopReplica?.());

  it('starting together on a new database, provision and migrate one at a time (an advisory lock), and all start', async () => {
    const fresh = withDatabase(cluster.adminUrl, 'replicas_start');
    await withSuperuser(cluster.adminUrl, (c) => c.query('create database replicas_start'));
    try {
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => openDatabase({ databaseUrl: fresh, appPassword: deriveAppPassword(fresh), dataDir: '/nonexistent' })),
      );
      expect(started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason)))).toEqual(['started', 'started', 'started']);
      const migrations = await withSuperuser(fresh, (c) =>
        c.query<{ name: string; n: number }>('select name, count(*)::int as n from mikro_orm_migrations group by name having count(*) > 1'),
      );
      expect(migrations.rows).toEqual([]);
    } finally {
      await withSuperuser(cluster.adminUrl, (c) => c.query('drop database if exists replicas_start with (force)'));
    }
  });

  it('share sessions (rows in PostgreSQL): signed in on one, served and signed out on the other', async () => {
    const token = await gw.signIn('arakawa');
    const onReplica = async (query: string) => {
      const res = await fetch(`${replicaUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await onReplica(SYSTEMS)).data).toEqual({ systems: { totalCount: 117 } });
    expect((await onReplica('mutation { signOut }')).errors).toBeUndefined();
    const after = await gw.gql(SYSTEMS, {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${replicaUrl}/readyz`)).status).toBe(200);
  });
});
