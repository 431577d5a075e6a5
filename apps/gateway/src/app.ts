import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA, type MikroORM } from '@tsukasa/db';
import { systemClock, type Clock } from '@tsukasa/domain';
import type { Context, FieldAuthorizationMode } from './graphql/context.ts';
import { formatError } from './graphql/error-format.ts';
import { createLoaders } from './graphql/loaders.ts';
import { RequestDb } from './graphql/request-db.ts';
import { TenantPool } from './graphql/tenant-pool.ts';
import { ReadReplica } from './graphql/read-replica.ts';
import { buildGatewaySchema } from './graphql/schema.ts';
import { checkRootFieldsRuled } from './graphql/rules.ts';
import { DEFAULT_QUERY_LIMITS, documentGuard, queryLimitRules, queryLimitsPlugin, type QueryLimits } from './graphql/limits.ts';
import { inputGuardPlugin } from './graphql/input-guard.ts';
import { DEFAULT_RATE_LIMIT, SharedRateLimiter, clientAddress, enforceRateLimit, type RateLimitSettings } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { AppShell } from './http/app-shell.ts';
import { healthRoutes } from './http/health.ts';
import { describeError, requestLog, type Log } from './http/logger.ts';
import { currentRequestId, requestScope } from './http/request-context.ts';
import { Authz } from './graphql/request-authz.ts';
import { SESSION_COOKIE, ViewerCache, resolveViewer } from './modules/auth/index.ts';

export interface GatewayOptions {
  orm: MikroORM;
  log: Log;
  sessionTtlHours: number;
  secureCookies: boolean;
  /** Directory of the built admin app, served at `/` (SPA fallback to 200.html). */
  adminBuildDir?: string;
  /** The product's one clock: decisions and records take "now" from it; tests move it. Default: the system clock. */
  clock?: Clock;
  /** Field-level authorization: always 'enforce' in the product (other modes: benchmark only). */
  fieldAuthorization?: FieldAuthorizationMode;
  /** Requests per API token / session / anonymous address (default DEFAULT_RATE_LIMIT; perMinute 0: off). */
  rateLimit?: RateLimitSettings;
  /** What one GraphQL operation may ask for (default DEFAULT_QUERY_LIMITS). */
  queryLimits?: QueryLimits;
  /** Span lines and W3C `traceparent` propagation in the logs (http/logger.ts; TRACE_LOG=1). */
  trace?: boolean;
  /** How long /readyz waits for its database round-trip (default 2000 ms). */
  readinessTimeoutMs?: number;
  /** A streaming replica of `orm`'s database (DATABASE_READ_URL): API tokens' queries read it while it is fresh. */
  readOrm?: MikroORM;
  /** How stale the replica may be before those queries go to the primary (default REPLICA_MAX_LAG_MS). */
  replicaMaxLagMs?: number;
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

/**
 * Commits the request's transaction when the response is ready. If the commit fails, the client
 * is told so: a mutation never reports success for a change that was not stored.
 */
const transactionPlugin = (log: Log, viewers: ViewerCache, replica: ReadReplica | undefined): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      // Deny by default: an operation touching a root field without a rule runs nothing at all.
      async didResolveOperation({ schema, document, operationName, operation, contextValue }) {
        checkRootFieldsRuled(schema, document, operationName);
        // Before any statement: the whole request reads either the replica or the primary.
        if (operation && replica?.serves(contextValue.viewer, operation.operation)) contextValue.db.readFromReplica(replica.orm);
        // An integrator's read needs no transaction: statement by statement, read-only (request-db.ts).
        else if (operation?.operation === 'query' && contextValue.viewer?.kind === 'token') contextValue.db.readStatementByStatement();
      },
      async willSendResponse({ contextValue, response, operation }) {
        try {
          // Reads of protected data are audited in the same transaction: no audit, no data.
          await contextValue.authz.flushReads();
          await contextValue.db.finish(true);
          // A sign-out, a revoked token, a changed administrator flag: refused by this replica at
          // once, before the client hears back (other replicas hear it from the database).
          if (operation?.operation === 'mutation') {
            viewers.forgetAll();
            // Read-your-writes: this token reads the primary for a while (graphql/read-replica.ts).
            if (contextValue.viewer?.kind === 'token') replica?.noteWrite(contextValue.viewer.tokenId);
          }
        } catch (e) {
          log('error', 'commit failed', { requestId: contextValue.requestId, ...describeError(e) });
          await contextValue.db.finish(false).catch(() => undefined);
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              {
                message: `Internal error. Reference: ${contextValue.requestId}`,
                extensions: {
                  code: 'INTERNAL',
                  requestId: contextValue.requestId,
                  messageJa: `内部エラーが発生しました。問い合わせ番号: ${contextValue.requestId}`,
                },
              },
            ];
          }
        }
      },
    };
  },
});

export async function createGateway(opts: GatewayOptions) {
  const schema = await buildGatewaySchema();
  const limits = opts.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const clock = opts.clock ?? systemClock;
  const ormPool = (await opts.orm.driver.getConnection().getNativeClient()) as pg.Pool;
  const limiter = new SharedRateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT, ormPool, SCHEMA);
  const viewers = new ViewerCache({
    connect: async () => ((await opts.orm.driver.getConnection().getNativeClient()) as pg.Pool).connect(),
    log: opts.log,
    clock,
  });
  await viewers.start();
  const tenants = await TenantPool.open(opts.orm, clock);
  const replica = opts.readOrm ? new ReadReplica(opts.readOrm, opts.orm, opts.log, opts.replicaMaxLagMs) : undefined;
  await replica?.start();
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // The gateway drains and stops on SIGTERM/SIGINT itself (main.ts). Apollo's own handlers (on by
    // default outside NODE_ENV=test) would stop it first, and a second stop() awaiting that one
    // never returns: the process hung on SIGTERM in production until it was killed.
    stopOnTerminationSignals: false,
    // Hardening (graphql/limits.ts): limits checked before execution, one operation per request,
    // no persisted-query cache to fill, no "Did you mean …?", introspection only for registry
    // administrators and API tokens (checked per request in queryLimitsPlugin).
    validationRules: queryLimitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    hideSchemaDetailsFromClientErrors: true,
    introspection: true,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        requestId: currentRequestId(),
        log: (e) => opts.log('error', 'unhandled error', { requestId: currentRequestId(), ...describeError(e) }),
      }),
    // No HTTP cache hints, traces or usage reports: the cache-control plugin alone wraps every
    // field's resolution in instrumentation (a third of a 100-row list's CPU, npm run bench).
    plugins: [
      transactionPlugin(opts.log, viewers, replica),
      queryLimitsPlugin(limits),
      // Every value passed in, checked once for all operations (graphql/input-guard.ts).
      inputGuardPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    requestScope.run({ requestId }, next);
  });
  app.use(requestLog(opts.log, { trace: opts.trace }));
  // The admin app's shell is read as it is served: a rebuild of the directory never leaves a
  // running gateway sending a page whose inline script its policy does not allow.
  const shell = opts.adminBuildDir && existsSync(join(opts.adminBuildDir, '200.html')) ? new AppShell(opts.adminBuildDir) : undefined;
  app.use(securityHeaders({ https: opts.secureCookies, appShell: shell }));
  // Liveness and readiness (http/health.ts): unauthenticated, no secrets in the bodies.
  const health = healthRoutes({ orm: opts.orm, log: opts.log, timeoutMs: opts.readinessTimeoutMs, replica: () => replica?.state() ?? 'none' });
  app.use(health.router);
  app.use(
    '/graphql',
    express.json({ limit: '6mb' }),
    documentGuard(limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const viewer = await resolveViewer(opts.orm, bearer(req) ?? readCookie(req, SESSION_COOKIE), clock, viewers);
        await enforceRateLimit(limiter, viewer, req);
        const ctx: Context = {
          requestId: currentRequestId(),
          clientAddress: clientAddress(req),
          orm: opts.orm,
          viewer,
          db: new RequestDb(tenants, viewer?.municipalityId ?? null, viewer?.kind === 'staff'),
          tenants,
          loaders: undefined as never,
          authz: undefined as never,
          fieldAuthorization: opts.fieldAuthorization ?? 'enforce',
          now: tenants.clock,
          sessionTtlHours: opts.sessionTtlHours,
          setCookie: (name, value, { maxAgeSeconds }) =>
            res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure: opts.secureCookies, path: '/', maxAge: maxAgeSeconds * 1000 }),
          clearCookie: (name) => res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure: opts.secureCookies, path: '/' }),
        };
        ctx.loaders = createLoaders(() => ctx.db);
        ctx.authz = new Authz(ctx);
        return ctx;
      },
    }),
  );
  if (opts.adminBuildDir && shell) {
    const dir = opts.adminBuildDir;
    app.get('/200.html', (_req, res) => shell.send(res));
    app.use(
      express.static(dir, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => path.includes('/_app/immutable/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    // SPA: every other GET is the app shell (SvelteKit writes 200.html, not index.html).
    app.get(/^(?!\/graphql).*/, (_req, res) => shell.send(res));
  }
  // Errors outside GraphQL (malformed JSON, oversized body): a typed JSON answer, never a stack trace.
  app.use((err: unknown, _req: Request, res: Response, _next: (e?: unknown) => void) => {
    const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : 500;
    const requestId = currentRequestId();
    if (status >= 500) opts.log('error', 'request failed', { requestId, ...describeError(err) });
    const client = status < 500;
    res.status(client ? status : 500).json({
      errors: [
        {
          message: client
            ? status === 413
              ? 'The request body is too large.'
              : 'The request body is not valid JSON.'
            : `Internal error. Reference: ${requestId}`,
          extensions: client
            ? {
                code: 'BAD_USER_INPUT',
                reason: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_JSON',
                messageJa: status === 413 ? 'リクエストが大きすぎます。' : 'リクエストの形式が正しくありません。',
              }
            : { code: 'INTERNAL', requestId, messageJa: `内部エラーが発生しました。問い合わせ番号: ${requestId}` },
        },
      ],
    });
  });
  return {
    app,
    /** /readyz answers 503 from now on (shutdown: the load balancer stops sending requests). */
    markDraining: health.markDraining,
    async stop() {
      await apollo.stop();
      await viewers.stop();
      await tenants.end();
      replica?.stop();
    },
  };
}
