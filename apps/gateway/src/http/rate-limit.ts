// Rate limits of the GraphQL endpoint, per API token, per session and — for requests without a
// valid credential — per client address. Sign-in attempts have their own backoff per typed username
// and client address (modules/auth/auth.service.ts); this limit is in front of it and of everything
// else (サービス不能攻撃への対処, ARK-26-1-1).
//
// Every replica counts against the same figures: rate-limiter-flexible keeps them in PostgreSQL
// (table rate_limit, created by a migration; packages/db). In front of it, each replica keeps a
// token bucket of the same settings in memory and the library blocks a key in memory once it has
// spent its window: a caller over its limit is refused without a database round trip. A request
// within its limit costs one upsert on the ORM's pool (a primary-key row per caller). Should the
// database fail, the library's in-memory insurance limiter counts for that replica alone.
import type { Request } from 'express';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Viewer } from '../graphql/context.ts';
import { tooManyRequestsMessage } from '@tsukasa/domain';
import { AppError } from '../graphql/errors.ts';

export interface RateLimitSettings {
  /** Sustained requests per minute per key; 0 turns the limiter off. */
  perMinute: number;
  /** Requests a key may send at once before the sustained rate applies. */
  burst: number;
}

/** The product's default: 10 requests a second sustained, 60 at once (the admin app sends a handful per page). */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600, burst: 60 };

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys kept before idle (full) buckets are swept; past twice this, the oldest keys are dropped. */
const SWEEP_AT = 10_000;

/** A token bucket per key, in this replica's memory: the front of SharedRateLimiter. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly settings: RateLimitSettings,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.#perMs = settings.perMinute / 60_000;
  }

  get enabled(): boolean {
    return this.settings.perMinute > 0;
  }

  /** Takes one request from the key's bucket: 0 when allowed, else the seconds until one is. */
  take(key: string): number {
    if (!this.enabled) return 0;
    const now = this.clock();
    const capacity = Math.max(1, this.settings.burst);
    const b = this.#buckets.get(key);
    const tokens = b ? Math.min(capacity, b.tokens + (now - b.at) * this.#perMs) : capacity;
    if (tokens >= 1) {
      this.#buckets.delete(key); // re-inserted last: the map stays in order of last use
      this.#buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.#buckets.size > SWEEP_AT) this.#sweep(now, capacity);
      return 0;
    }
    this.#buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
  }

  get size(): number {
    return this.#buckets.size;
  }

  #sweep(now: number, capacity: number): void {
    for (const [key, b] of this.#buckets) if (b.tokens + (now - b.at) * this.#perMs >= capacity) this.#buckets.delete(key);
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= 2 * SWEEP_AT) break;
      this.#buckets.delete(key);
    }
  }
}

/** The table of the shared counters (packages/db migration rate-limit; columns as the library expects them). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/**
 * The limit shared by the replicas: `burst` requests per window of `burst / perMinute` minutes per
 * key, in PostgreSQL, behind each replica's own token bucket (RateLimiter) of the same settings.
 */
export class SharedRateLimiter {
  readonly #local: RateLimiter;
  readonly #shared: RateLimiterPostgres | undefined;

  constructor(settings: RateLimitSettings, pool: pg.Pool, schemaName: string) {
    this.#local = new RateLimiter(settings);
    if (!this.#local.enabled) return;
    const points = Math.max(1, settings.burst);
    const duration = Math.max(1, Math.ceil((points * 60) / settings.perMinute));
    this.#shared = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      schemaName,
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true, // by the migration: the application role creates no tables
      keyPrefix: 'graphql',
      points,
      duration,
      // A key that has spent its window is refused from memory until the window ends.
      inMemoryBlockOnConsumed: points,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'graphql', points, duration }),
    });
  }

  get enabled(): boolean {
    return this.#shared !== undefined;
  }

  /** Takes one request from the key: 0 when allowed, else the seconds until one is. */
  async take(key: string): Promise<number> {
    if (!this.#shared) return 0;
    const local = this.#local.take(key);
    if (local > 0) return local;
    try {
      await this.#shared.consume(key);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }
}

/** The client's address: the TCP peer (no proxy header is trusted). */
export const clientAddress = (req: Request): string => req.socket.remoteAddress ?? 'unknown';

/** Whose bucket a request draws from: the API token, the session, or else the client's address. */
export function rateLimitKey(viewer: Viewer | null, req: Request): string {
  if (viewer?.kind === 'token') return `token:${viewer.tokenId}`;
  if (viewer?.kind === 'staff') return `session:${viewer.sessionId}`;
  return `address:${clientAddress(req)}`;
}

/** HTTP 429 with Retry-After, and the RATE_LIMITED error of the API. */
export const tooManyRequests = (retryAfterSeconds: number) => {
  const m = tooManyRequestsMessage(retryAfterSeconds);
  return new AppError('RATE_LIMITED', m.en, {
    messageJa: m.ja,
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
};

/** Throws RATE_LIMITED (429) when the request's key has no request left. */
export async function enforceRateLimit(limiter: SharedRateLimiter, viewer: Viewer | null, req: Request): Promise<void> {
  const wait = await limiter.take(rateLimitKey(viewer, req));
  if (wait > 0) throw tooManyRequests(wait);
}
