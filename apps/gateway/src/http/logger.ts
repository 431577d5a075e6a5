/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), written by pino. A line
 * written while a request is served carries its `requestId` (the one in the `X-Request-Id` header
 * and in INTERNAL errors) without the caller passing it, and — when tracing is on — its `traceId`
 * and `spanId` (pino's mixin). Each line has `time` (ISO 8601), `level` (info, warn, error) and
 * `message`, then the caller's fields.
 *
 * Tracing without a tracing library: no OpenTelemetry package is installed, so with `TRACE_LOG=1`
 * (or `OTEL_ENABLED=true`) the gateway continues the caller's W3C `traceparent`, answers with its
 * own span in `traceresponse`, and logs each request as a span (name, ids, start, duration) —
 * lines a collector can turn into spans. Off by default.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { pino } from 'pino';
import { requestScope } from './request-context.ts';

export type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface TraceContext {
  traceId: string;
  spanId: string;
  /** The caller's span, when the request came with a valid `traceparent`. */
  parentSpanId?: string;
  sampled: boolean;
}

/** The span of the request being served (only when tracing is on). */
export const traceScope = new AsyncLocalStorage<TraceContext>();

/** The correlation fields of the request being served, for every log line. */
function correlation(): Record<string, string> {
  const requestId = requestScope.getStore()?.requestId;
  const trace = traceScope.getStore();
  return {
    ...(requestId ? { requestId } : {}),
    ...(trace ? { traceId: trace.traceId, spanId: trace.spanId } : {}),
  };
}

/**
 * The gateway's log: pino, errors to stderr and the rest to stdout (one stream per level, each line
 * to one of them). `silent`: errors only (the test harness).
 */
export const jsonLogger = (silent = false): Log => {
  const logger = pino(
    {
      level: silent ? 'error' : 'info',
      messageKey: 'message',
      base: undefined, // no pid nor hostname: the platform's log collector knows where a line came from
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The call's own fields win over the correlation fields (the request log passes its request id).
      mixin: correlation,
    },
    pino.multistream(
      [
        { level: 'info', stream: process.stdout },
        { level: 'error', stream: process.stderr },
      ],
      { dedupe: true },
    ),
  );
  return (level, message, fields = {}) => logger[level](fields, message);
};

export function describeError(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { error: e.message, stack: e.stack } : { error: String(e) };
}

/** `TRACE_LOG=1` or `OTEL_ENABLED=true` turns span lines and `traceparent` propagation on. */
export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const on = (v: string | undefined) => ['1', 'true', 'yes', 'on'].includes(v?.trim().toLowerCase() ?? '');
  return on(env.TRACE_LOG) || on(env.OTEL_ENABLED);
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Parses a W3C `traceparent` header (version 00; later versions are read by their first four
 * fields, as the recommendation asks). Invalid or all-zero ids: undefined, and a new trace starts.
 */
export function parseTraceparent(header: string | undefined): { traceId: string; parentSpanId: string; sampled: boolean } | undefined {
  const m = header?.trim().toLowerCase().match(TRACEPARENT);
  if (!m) return undefined;
  const [, version, traceId, parentSpanId, flags, rest] = m;
  if (version === 'ff' || (version === '00' && rest)) return undefined;
  if (/^0+$/.test(traceId!) || /^0+$/.test(parentSpanId!)) return undefined;
  return { traceId: traceId!, parentSpanId: parentSpanId!, sampled: (parseInt(flags!, 16) & 1) === 1 };
}

export const formatTraceparent = (t: Pick<TraceContext, 'traceId' | 'spanId' | 'sampled'>) => `00-${t.traceId}-${t.spanId}-${t.sampled ? '01' : '00'}`;

/** Liveness and readiness probes: their changes are logged by http/health.ts, not every probe. */
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Express middleware: one `http request` line per API request when its response is finished
 * (method, path without the query string, status, duration, GraphQL operation name); with tracing
 * on, the line is the request's span. The admin app's files are logged only when they fail (or
 * when tracing), probes never. Mount it after the request id is set.
 */
export function requestLog(log: Log, opts: { trace?: boolean } = {}) {
  return (req: Request, res: Response, next: () => void) => {
    const started = performance.now();
    const startTime = new Date().toISOString();
    const requestId = requestScope.getStore()?.requestId;
    const path = req.path.slice(0, 200); // now: mounted routers rewrite req.url while they run
    const finish = (trace?: TraceContext) => {
      // 'finish' may fire outside the request's async context: the ids are passed explicitly.
      res.once('finish', () => {
        if (PROBES.has(path)) return;
        if (!path.startsWith('/graphql') && !trace && res.statusCode < 400) return;
        // The caller's words, bounded: a log line is not a place for a 6 MB string.
        const named = (req.body as { operationName?: unknown } | undefined)?.operationName;
        const operationName = typeof named === 'string' ? named.slice(0, 100) : undefined;
        log(res.statusCode >= 500 ? 'warn' : 'info', 'http request', {
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          ...(operationName ? { operationName } : {}),
          ...(requestId ? { requestId } : {}),
          ...(trace
            ? {
                traceId: trace.traceId,
                spanId: trace.spanId,
                span: `${req.method} ${path}`,
                startTime,
                ...(trace.parentSpanId ? { parentSpanId: trace.parentSpanId } : {}),
              }
            : {}),
        });
      });
    };
    if (!opts.trace) {
      finish();
      next();
      return;
    }
    const parent = parseTraceparent(req.headers.traceparent as string | undefined);
    const trace: TraceContext = {
      traceId: parent?.traceId ?? randomBytes(16).toString('hex'),
      spanId: randomBytes(8).toString('hex'),
      ...(parent ? { parentSpanId: parent.parentSpanId } : {}),
      sampled: parent?.sampled ?? true,
    };
    // W3C Trace Context Level 2: the server's span, for a caller that wants to link to it.
    res.setHeader('traceresponse', formatTraceparent(trace));
    traceScope.run(trace, () => {
      finish(trace);
      next();
    });
  };
}
