// Liveness, readiness and the structured request log, over real HTTP on a real database.
import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createOrm, type MikroORM } from '@tsukasa/db';
import { createTestDatabase, type TestDatabase } from '@tsukasa/db/testing';
import { createGateway } from '../app.ts';
import { healthRoutes } from './health.ts';
import { jsonLogger, parseTraceparent, type Log } from './logger.ts';
import { requestScope } from './request-context.ts';

type Line = { level: string; message: string } & Record<string, unknown>;

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(app);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

let db: TestDatabase;
let orm: MikroORM;
let stop: () => Promise<void>;
let url: string;
const lines: Line[] = [];
const capture: Log = (level, message, fields = {}) => {
  lines.push({ level, message, ...fields });
};

beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  orm = await createOrm({ clientUrl: db.appUrl, as: 'app', poolMax: 4 });
  const gateway = await createGateway({ orm, log: capture, sessionTtlHours: 8, secureCookies: false, trace: true });
  const server = await listen(gateway.app);
  url = server.url;
  stop = async () => {
    await server.close();
    await gateway.stop();
  };
});
afterAll(async () => {
  await stop();
  await orm.close(true);
  await db.drop();
});

describe('GET /healthz (liveness)', () => {
  it('answers 200 without authentication and without touching the database', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });
});

describe('GET /readyz (readiness)', () => {
  it('answers 200 with the database check when a round-trip succeeds', async () => {
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: { status: 'ok', latencyMs: expect.any(Number) }, replica: 'none' } });
  });

  async function readyzWith(probe: () => Promise<unknown>, timeoutMs = 5000) {
    const logged: Line[] = [];
    const health = healthRoutes({ orm, log: (level, message, fields) => logged.push({ level, message, ...fields }), timeoutMs, probe });
    const app = express();
    app.use(health.router);
    const server = await listen(app);
    return { health, logged, get: () => fetch(`${server.url}/readyz`), close: server.close };
  }

  it('answers 503 naming the failed check, and no host, user or password, when the database refuses connections', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432 (user tsukasa, password hunter2)'), { code: 'ECONNREFUSED' });
    const r = await readyzWith(() => Promise.reject(refused));
    try {
      const res = await r.get();
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        status: 'unavailable',
        failed: 'database',
        checks: { database: { status: 'failed', reason: 'unreachable', code: 'ECONNREFUSED', latencyMs: expect.any(Number) }, replica: 'none' },
      });
      expect(text).not.toMatch(/10\.1\.2\.3|hunter2|tsukasa|5432/);
      // The details are in the log, for the operator.
      expect(r.logged.some((l) => l.level === 'warn' && String(l.error).includes('ECONNREFUSED'))).toBe(true);
    } finally {
      await r.close();
    }
  });

  it('answers 503 `timeout` within its deadline when the database hangs, with one round-trip in flight however often it is probed', async () => {
    let calls = 0;
    const r = await readyzWith(() => {
      calls++;
      return new Promise(() => undefined); // never answers
    }, 150);
    try {
      const started = performance.now();
      const answers = await Promise.all([r.get(), r.get(), r.get()]);
      expect(performance.now() - started).toBeLessThan(2000);
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(((await res.json()) as { checks: { database: { reason: string } } }).checks.database.reason).toBe('timeout');
      }
      expect(calls).toBe(1);
    } finally {
      await r.close();
    }
  });

  it('gives up a round-trip that never answers, so the replica is ready again once the database is', async () => {
    let calls = 0;
    const r = await readyzWith(() => (++calls === 1 ? new Promise(() => undefined) : Promise.resolve()), 50);
    try {
      expect((await r.get()).status).toBe(503); // the first round-trip hangs for good
      expect((await r.get()).status).toBe(503); // still waiting on it: no second connection yet
      expect(calls).toBe(1);
      await new Promise((ok) => setTimeout(ok, 300)); // five deadlines later it is given up
      expect((await r.get()).status).toBe(200);
      expect(calls).toBe(2);
    } finally {
      await r.close();
    }
  });

  it('answers 503 `draining` once shutdown has begun, though the database is fine', async () => {
    const r = await readyzWith(() => Promise.resolve());
    try {
      expect((await r.get()).status).toBe(200);
      r.health.markDraining();
      const res = await r.get();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'draining', failed: 'shutdown', checks: { database: { status: 'ok' } } });
      // Readiness changes are logged once per transition, not on every probe.
      await r.get();
      expect(r.logged.filter((l) => l.message === 'readiness: not ready')).toHaveLength(1);
    } finally {
      await r.close();
    }
  });
});

describe('structured logs', () => {
  it('writes one JSON line per request carrying its request id, and continues the caller’s W3C trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: 'query Probe { __typename }', operationName: 'Probe' }),
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    const traceresponse = parseTraceparent(res.headers.get('traceresponse') ?? undefined);
    expect(traceresponse?.traceId).toBe(traceId);
    await vi.waitFor(() => expect(lines.some((l) => l.requestId === requestId)).toBe(true));
    const line = lines.find((l) => l.requestId === requestId)!;
    expect(line).toMatchObject({
      level: 'info',
      message: 'http request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Probe',
      traceId,
      parentSpanId: '00f067aa0ba902b7',
      spanId: traceresponse!.parentSpanId,
      span: 'POST /graphql',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it('starts a new trace for a malformed traceparent, and leaves probes out of the request log', async () => {
    const before = lines.length;
    const res = await fetch(`${url}/healthz`, { headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' } });
    expect(res.status).toBe(200);
    const t = parseTraceparent(res.headers.get('traceresponse') ?? undefined);
    expect(t?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(t?.traceId).not.toBe('00000000000000000000000000000000');
    expect(lines.slice(before).filter((l) => l.path === '/healthz')).toEqual([]);
  });

  it('adds the request id to every line logged while the request is served', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      requestScope.run({ requestId: 'req-123' }, () => jsonLogger()('info', 'inside', { n: 1 }));
      jsonLogger()('info', 'outside');
    } finally {
      spy.mockRestore();
    }
    const [inside, outside] = written.map((w) => JSON.parse(w) as Record<string, unknown>);
    expect(inside).toMatchObject({ level: 'info', message: 'inside', requestId: 'req-123', n: 1, time: expect.any(String) });
    expect(outside).not.toHaveProperty('requestId');
  });
});
