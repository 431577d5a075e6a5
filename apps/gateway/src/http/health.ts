// Liveness and readiness for load balancers and orchestrators (infra/k8s: livenessProbe → /healthz,
// readinessProbe → /readyz). No authentication, and nothing in the bodies that could help an
// attacker: no host names, user names, versions or error texts — those go to the log, with the
// request id.
import { Router, type Request, type Response } from 'express';
import { exec, type MikroORM } from '@tsukasa/db';
import { describeError, type Log } from './logger.ts';
import type { ReplicaState } from '../graphql/read-replica.ts';

export interface HealthOptions {
  orm: MikroORM;
  log: Log;
  /** How long the database round-trip of /readyz may take before the gateway reports itself not ready. */
  timeoutMs?: number;
  /** The round-trip (default: `select 1` through the pool the requests use). */
  probe?: () => Promise<unknown>;
  /** The read replica's state (graphql/read-replica.ts): reported, never a reason to be unready. */
  replica?: () => ReplicaState;
}

export type CheckReason = 'timeout' | 'unreachable' | 'error';

export interface CheckResult {
  status: 'ok' | 'failed';
  latencyMs: number;
  /** Why the check failed, in a closed vocabulary. */
  reason?: CheckReason;
  /** SQLSTATE or socket error code (ECONNREFUSED …) — never the message, which may name hosts or users. */
  code?: string;
}

export interface Health {
  router: Router;
  /** From now on /readyz answers 503 `draining`: the load balancer stops sending new requests. */
  markDraining(): void;
  /** The readiness check itself (one database round-trip, bounded by the timeout). */
  checkDatabase(): Promise<CheckResult>;
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE']);

/** Classifies a failed round-trip without repeating its message. */
export function classifyDatabaseError(e: unknown): { reason: CheckReason; code?: string } {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return { reason: 'unreachable', code };
  const message = e instanceof Error ? e.message : String(e);
  if (/Connection terminated|connection.*(closed|ended)|not queryable/i.test(message)) return { reason: 'unreachable' };
  // SQLSTATE class 57 (operator intervention: shutdown, cannot connect now), 08 (connection exception).
  if (typeof code === 'string' && /^(57|08)[0-9A-Z]{3}$/.test(code)) return { reason: 'unreachable', code };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { reason: 'error', code };
  return { reason: 'error' };
}

const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');

export function healthRoutes(opts: HealthOptions): Health {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const probe = opts.probe ?? (() => exec(opts.orm.em.fork(), 'select 1'));
  const startedAt = Date.now();
  let draining = false;
  let lastReady: boolean | undefined;
  // At most one round-trip in flight: probes arriving while the database hangs wait on the same one
  // instead of piling up connections. One that has hung for five deadlines is given up (a
  // connection that will never answer must not keep the replica unready after the database is
  // back): at most one new round-trip per five deadlines while the database hangs.
  let inflight: Promise<void> | null = null;
  let inflightSince = 0;

  async function checkDatabase(): Promise<CheckResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    if (!inflight || Date.now() - inflightSince > timeoutMs * 5) {
      const current: Promise<void> = Promise.resolve()
        .then(probe)
        .then(() => undefined)
        .finally(() => {
          if (inflight === current) inflight = null;
        });
      inflight = current;
      inflightSince = Date.now();
    }
    const running = inflight;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((ok) => {
      timer = setTimeout(() => ok('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([running.then(() => 'ok' as const), timeout]);
      if (outcome === 'timeout') return { status: 'failed', latencyMs: elapsed(), reason: 'timeout' };
      return { status: 'ok', latencyMs: elapsed() };
    } catch (e) {
      const { reason, code } = classifyDatabaseError(e);
      if (lastReady !== false) opts.log('warn', 'readiness: database round-trip failed', { reason, ...(code ? { code } : {}), ...describeError(e) });
      return { status: 'failed', latencyMs: elapsed(), reason, ...(code ? { code } : {}) };
    } finally {
      clearTimeout(timer);
    }
  }

  const router = Router();
  // Liveness: the process runs and its event loop answers. It never touches the database, so a
  // database outage does not make the orchestrator restart every replica at once.
  router.get('/healthz', (_req: Request, res: Response) => {
    noStore(res);
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  // Readiness: may this replica take traffic now? A cheap round-trip through the same pool the
  // requests use, bounded by `timeoutMs`.
  router.get('/readyz', async (_req: Request, res: Response) => {
    noStore(res);
    const database = await checkDatabase();
    // Token queries fall back to the primary: a lagging or lost replica is degraded, not unready.
    const replica = opts.replica?.() ?? 'none';
    const ready = database.status === 'ok' && !draining;
    if (ready !== lastReady) {
      // Transitions only: a probe every few seconds must not flood the log.
      opts.log(ready ? 'info' : 'warn', ready ? 'readiness: ready' : 'readiness: not ready', {
        database: database.status,
        draining,
        ...(database.reason ? { reason: database.reason } : {}),
      });
      lastReady = ready;
    }
    if (draining) {
      res.status(503).json({ status: 'draining', failed: 'shutdown', checks: { database, replica } });
      return;
    }
    if (!ready) {
      res.status(503).json({ status: 'unavailable', failed: 'database', checks: { database, replica } });
      return;
    }
    res.json({ status: 'ready', checks: { database, replica } });
  });

  return {
    router,
    checkDatabase,
    markDraining() {
      draining = true;
    },
  };
}
