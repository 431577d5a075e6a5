import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exec, type MikroORM } from '@tsukasa/db';
import type { Context, FieldAuthorizationMode } from './graphql/context.ts';
import { formatError } from './graphql/errors.ts';
import { createLoaders } from './graphql/loaders.ts';
import { RequestDb } from './graphql/request-db.ts';
import { buildGatewaySchema } from './graphql/schema.ts';
import { checkRootFieldsRuled } from './graphql/rules.ts';
import { describeError, type Log } from './http/logger.ts';
import { currentRequestId, requestScope } from './http/request-context.ts';
import { resolveViewer } from './modules/auth/auth.service.ts';
import { Authz } from './modules/authz/viewer-facts.ts';
import { SESSION_COOKIE } from './modules/auth/tokens.ts';

export interface GatewayOptions {
  orm: MikroORM;
  log: Log;
  sessionTtlHours: number;
  secureCookies: boolean;
  /** Directory of the built admin app, served at `/` (SPA fallback to 200.html). */
  adminBuildDir?: string;
  /** The instant decisions are taken at; tests move it. Default: the system clock. */
  clock?: () => Date;
  /** Field-level authorization: always 'enforce' in the product (other modes: benchmark only). */
  fieldAuthorization?: FieldAuthorizationMode;
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
const transactionPlugin = (log: Log): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      // Deny by default: an operation touching a root field without a rule runs nothing at all.
      async didResolveOperation({ schema, document, operationName }) {
        checkRootFieldsRuled(schema, document, operationName);
      },
      async willSendResponse({ contextValue, response }) {
        try {
          // Reads of protected data are audited in the same transaction: no audit, no data.
          await contextValue.authz.flushReads();
          await contextValue.db.finish(true);
        } catch (e) {
          log('error', 'commit failed', { requestId: contextValue.requestId, ...describeError(e) });
          await contextValue.db.finish(false).catch(() => undefined);
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              { message: `Internal error. Reference: ${contextValue.requestId}`, extensions: { code: 'INTERNAL', requestId: contextValue.requestId } },
            ];
          }
        }
      },
    };
  },
});

const securityHeaders = (_req: Request, res: Response, next: () => void) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  next();
};

export async function createGateway(opts: GatewayOptions) {
  const schema = await buildGatewaySchema();
  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        requestId: currentRequestId(),
        log: (e) => opts.log('error', 'unhandled error', { requestId: currentRequestId(), ...describeError(e) }),
      }),
    plugins: [transactionPlugin(opts.log)],
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
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await exec(opts.orm.em.fork(), 'select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: '6mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const viewer = await resolveViewer(opts.orm, bearer(req) ?? readCookie(req, SESSION_COOKIE));
        const ctx: Context = {
          requestId: currentRequestId(),
          orm: opts.orm,
          viewer,
          db: new RequestDb(opts.orm, viewer?.municipalityId ?? null),
          loaders: undefined as never,
          authz: undefined as never,
          fieldAuthorization: opts.fieldAuthorization ?? 'enforce',
          now: opts.clock ?? (() => new Date()),
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
  if (opts.adminBuildDir && existsSync(join(opts.adminBuildDir, '200.html'))) {
    const dir = opts.adminBuildDir;
    app.use(express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, path) => path.includes('/_app/immutable/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable') }));
    // SPA: every other GET is the app shell (SvelteKit writes 200.html, not index.html).
    app.get(/^(?!\/graphql).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(dir, '200.html'));
    });
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
          message: client ? (status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.') : `Internal error. Reference: ${requestId}`,
          extensions: client
            ? { code: 'BAD_USER_INPUT', reason: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_JSON', messageJa: status === 413 ? 'リクエストが大きすぎます。' : 'リクエストの形式が正しくありません。' }
            : { code: 'INTERNAL', requestId },
        },
      ],
    });
  });
  return {
    app,
    async stop() {
      await apollo.stop();
    },
  };
}
