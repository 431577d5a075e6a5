import type pg from 'pg';
import type { Viewer } from '../../graphql/context.ts';
import type { Log } from '../../http/logger.ts';
import { systemClock, type Clock } from '@tsukasa/domain';

/** The channel the database notifies on when a session, an API token or a staff member's row changes (migration …-auth-notify). */
export const AUTH_CHANNEL = 'tsukasa_auth';

interface Entry {
  viewer: Viewer;
  /** Milliseconds of the process's monotonic time after which the entry is not used (the cache's TTL). */
  until: number;
  /** The session's end on the product's clock (epoch milliseconds); none for API tokens. */
  expiresAt?: number;
}

export interface ViewerCacheOptions {
  /** A dedicated connection to LISTEN on; it is held for as long as the cache runs. */
  connect: () => Promise<pg.PoolClient>;
  log: Log;
  /** Longest an entry is used without a new look-up, notifications or not. */
  ttlMs?: number;
  maxEntries?: number;
  /** Wait before listening again after the connection is lost. */
  retryMs?: number;
  /** The product's clock, against which a session's end is checked. */
  clock?: Clock;
}

/**
 * Who a token is, remembered between requests so that a request does not spend a round trip on
 * it (npm run bench: round trips are most of what a small read costs).
 *
 * Never stale by more than a notification's delay: the database notifies `tsukasa_auth` when a
 * session is revoked or changed, an API token is revoked, or a staff member's row changes (the
 * administrator flag among others; migration …-auth-notify), at commit; every gateway replica listens and forgets
 * everything it remembered. A gateway forgets too after each of its own mutations (before the
 * client hears back), so a client that signs out is refused at once by the replica it used. While
 * the listening connection is down nothing is remembered or used, and a look-up that began before
 * a notification is not stored after it. Entries last at most `ttlMs` and never past a session's
 * expiry. The authorization epoch is not cached: it is read with BEGIN (graphql/request-db.ts).
 */
export class ViewerCache {
  readonly #opts: Required<ViewerCacheOptions>;
  readonly #entries = new Map<string, Entry>();
  #listening = false;
  /** Bumped by every notification and every loss of the listener: a look-up started before is not stored. */
  #version = 0;
  #client: pg.PoolClient | undefined;
  #stopped = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(opts: ViewerCacheOptions) {
    this.#opts = { ttlMs: 60_000, maxEntries: 10_000, retryMs: 1_000, clock: systemClock, ...opts };
  }

  get listening(): boolean {
    return this.#listening;
  }

  async start(): Promise<void> {
    if (this.#stopped) return;
    try {
      const client = await this.#opts.connect();
      const lost = (why: unknown) => {
        if (this.#client !== client) return;
        this.#client = undefined;
        this.#listening = false;
        this.forgetAll();
        client.release(why instanceof Error ? why : true);
        if (!this.#stopped) {
          this.#opts.log('warn', 'viewer cache: the listening connection was lost; look-ups go to the database until it is back', {});
          this.#retry = setTimeout(() => void this.start(), this.#opts.retryMs);
        }
      };
      client.on('notification', (n) => n.channel === AUTH_CHANNEL && this.forgetAll());
      client.on('error', lost);
      client.on('end', () => lost(new Error('connection ended')));
      this.#client = client;
      await client.query(`listen ${AUTH_CHANNEL}`);
      this.forgetAll();
      this.#listening = true;
    } catch (e) {
      this.#listening = false;
      if (!this.#stopped) this.#retry = setTimeout(() => void this.start(), this.#opts.retryMs);
      this.#opts.log('warn', 'viewer cache: cannot listen for changes; look-ups go to the database', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    this.#listening = false;
    this.forgetAll();
    const client = this.#client;
    this.#client = undefined;
    if (client) {
      await client.query(`unlisten ${AUTH_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }

  forgetAll(): void {
    this.#version++;
    this.#entries.clear();
  }

  /**
   * The viewer of a token hash, from memory when it may be, else from `lookUp` (remembered when
   * nothing changed meanwhile). `expiresAt`: a session's end.
   */
  async resolve(hash: string, lookUp: () => Promise<{ viewer: Viewer; expiresAt?: Date } | null>): Promise<Viewer | null> {
    const now = performance.now();
    const hit = this.#listening ? this.#entries.get(hash) : undefined;
    if (hit && hit.until > now && (hit.expiresAt === undefined || hit.expiresAt > this.#opts.clock().getTime())) return hit.viewer;
    if (hit) this.#entries.delete(hash);
    const version = this.#version;
    const found = await lookUp();
    if (!found || !this.#listening || version !== this.#version) return found?.viewer ?? null;
    if (this.#entries.size >= this.#opts.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(hash, { viewer: found.viewer, until: now + this.#opts.ttlMs, expiresAt: found.expiresAt?.getTime() });
    return found.viewer;
  }
}
