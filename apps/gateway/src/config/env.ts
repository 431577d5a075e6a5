// The one place the gateway reads its configuration. Validated at start; no secret has a default.
import { join } from 'node:path';
import { readDatabaseEnv, type DatabaseEnv } from '@tsukasa/db';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../graphql/limits.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitSettings } from '../http/rate-limit.ts';

export interface GatewayEnv extends DatabaseEnv {
  port: number;
  host: string;
  production: boolean;
  /** Session lifetime; sessions end at this age regardless of activity. */
  sessionTtlHours: number;
  /** Load the demo data of the four municipalities at start (refused on a production-marked database). */
  seedDemo: boolean;
  /** Serve the built admin app from this directory at `/`. */
  adminBuildDir: string;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies: boolean;
  /** SMTP server for the e-mail outbox (smtp:// or smtps:// URL, credentials in it); unset: write .eml files. */
  smtpUrl: string | undefined;
  /** Sender address of the product's e-mail. */
  mailFrom: string;
  /** Where the demo's mail sink writes .eml files when no SMTP server is configured. */
  mailDir: string;
  /** Requests per API token, session or (anonymous) client address; perMinute 0: off. */
  rateLimit: RateLimitSettings;
  /** What one GraphQL operation may ask for (graphql/limits.ts). */
  queryLimits: QueryLimits;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(raw)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): GatewayEnv {
  const production = env.NODE_ENV === 'production';
  let database: DatabaseEnv;
  try {
    database = readDatabaseEnv(env, root);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  // The application logs in as its own role, never as the provisioning login (least privilege).
  if (database.databaseUrl && !database.databaseAppPassword) {
    throw new ConfigError('DATABASE_URL needs DATABASE_APP_PASSWORD: the password Tsukasa gives the login its application uses (tsukasa_app)');
  }
  return {
    ...database,
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    production,
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 8, 1, 24 * 14),
    seedDemo: bool(env, 'TSUKASA_SEED_DEMO', !production),
    adminBuildDir: env.TSUKASA_ADMIN_BUILD_DIR?.trim() || join(root, 'apps/admin/build'),
    secureCookies: bool(env, 'TSUKASA_SECURE_COOKIES', production),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM?.trim() || 'tsukasa@localhost',
    mailDir: env.TSUKASA_MAIL_DIR?.trim() || `${database.dataDir}/mail`,
    rateLimit: {
      perMinute: int(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute, 0, 1_000_000),
      burst: int(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst, 1, 1_000_000),
    },
    queryLimits: {
      ...DEFAULT_QUERY_LIMITS,
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 2, 100),
      maxCost: int(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 100_000_000),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 10_000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 100, 1_000_000),
    },
  };
}
