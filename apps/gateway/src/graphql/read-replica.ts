import type pg from 'pg';
import type { MikroORM } from '@tsukasa/db';
import type { Viewer } from './context.ts';
import { describeError, type Log } from '../http/logger.ts';

/**
 * How stale an answer from the replica may be. A constant rather than a setting: it is a promise
 * to integrators ("a change is in the API within 5 s"), not something to tune per installation,
 * and it bounds how long another gateway replica may serve a token its own write late.
 */
export const REPLICA_MAX_LAG_MS = 5_000;
const PROBE_EVERY_MS = 1_000;
/** Added to the bound before a token that wrote reads the replica again (clock steps, probe jitter). */
const OWN_WRITES_MARGIN_MS = 1_000;
/** Samples of the primary's position kept while the replica falls behind (one per probe). */
const MAX_SAMPLES = 120;

export type ReplicaState = 'ok' | 'lagging' | 'down' | 'none';

/** `X/Y` (hex halves) → a number that orders like the WAL. */
function lsn(text: string): bigint {
  const [hi = '0', lo = '0'] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

const pool = async (orm: MikroORM) => (await orm.driver.getConnection().getNativeClient()) as pg.Pool;

/**
 * A streaming replica (DATABASE_READ_URL) that answers the queries of API tokens — integrators'
 * bulk reads — while it is fresh; everything else, and every token query while it is not, runs on
 * the primary.
 *
 * Freshness is measured with WAL positions on this gateway's clock, not with
 * `now() - pg_last_xact_replay_timestamp()`: that grows while the primary is idle although the
 * replica has everything, and compares two servers' clocks. Every second the probe notes the
 * primary's insert position with the instant just before it was read (every commit acknowledged
 * before that instant lies at or below it), then the replica's replay position. The newest such
 * sample the replica has replayed past is an instant up to which the replica is known to hold every
 * commit; the replica is `lagging` when that instant is older than the bound — which also happens by
 * itself when the probe stops getting answers.
 */
export class ReadReplica {
  #reachable = false;
  #replayedAsOf = Number.NEGATIVE_INFINITY;
  #samples: { at: number; lsn: bigint }[] = [];
  /** Token id → when its last mutation committed (read-your-writes). */
  #writes = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #inflightSince: number | undefined;
  #routed: boolean | undefined;

  constructor(
    readonly orm: MikroORM,
    private readonly primary: MikroORM,
    private readonly log: Log,
    readonly maxLagMs = REPLICA_MAX_LAG_MS,
  ) {}

  async start(): Promise<void> {
    await this.#probe();
    this.#timer = setInterval(() => void this.#probe(), PROBE_EVERY_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  state(now = Date.now()): Exclude<ReplicaState, 'none'> {
    const state = !this.#reachable ? 'down' : now - this.#replayedAsOf > this.maxLagMs ? 'lagging' : 'ok';
    const routed = state === 'ok';
    if (routed !== this.#routed) {
      // Transitions only, whoever noticed first: a request, /readyz or the probe.
      if (routed) this.log('info', 'read replica: token queries routed to the replica');
      else
        this.log('warn', 'read replica: token queries routed to the primary', {
          replica: state,
          replayedMsAgo: Number.isFinite(this.#replayedAsOf) ? now - this.#replayedAsOf : null,
        });
      this.#routed = routed;
    }
    return state;
  }

  /**
   * Decided once the operation is known, before any statement: a query of an API token, on a fresh
   * replica, unless that token wrote within the bound. The token's writes are remembered by this
   * gateway only: through another gateway replica a client may read its own write late, but never
   * later than the bound.
   */
  serves(viewer: Viewer | null, operation: string): boolean {
    if (viewer?.kind !== 'token' || operation !== 'query') return false;
    const now = Date.now();
    if (this.state(now) !== 'ok') return false;
    const wrote = this.#writes.get(viewer.tokenId);
    return wrote === undefined || now - wrote > this.maxLagMs + OWN_WRITES_MARGIN_MS;
  }

  /** A token's mutation committed on the primary. */
  noteWrite(tokenId: string): void {
    this.#writes.set(tokenId, Date.now());
  }

  async #probe(): Promise<void> {
    // One probe at a time; one that hangs is given up after five periods (the replica is then
    // `lagging` by itself, its replayed instant no longer advancing).
    if (this.#inflightSince !== undefined && Date.now() - this.#inflightSince < PROBE_EVERY_MS * 5) return;
    const started = (this.#inflightSince = Date.now());
    try {
      const at = Date.now();
      const primary = await (await pool(this.primary)).query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
      const replica = await (
        await pool(this.orm)
      ).query<{ recovery: boolean; replayed: string | null }>('select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed');
      if (this.#inflightSince !== started) return;
      const row = replica.rows[0]!;
      // Not in recovery: promoted, or the primary itself — neither is a replica to offload to.
      this.#reachable = row.recovery;
      this.#samples.push({ at, lsn: lsn(primary.rows[0]!.lsn) });
      if (this.#samples.length > MAX_SAMPLES) this.#samples.shift();
      if (row.replayed !== null) {
        const replayed = lsn(row.replayed);
        let i = this.#samples.length - 1;
        while (i >= 0 && this.#samples[i]!.lsn > replayed) i--;
        if (i >= 0) {
          this.#replayedAsOf = Math.max(this.#replayedAsOf, this.#samples[i]!.at);
          this.#samples.splice(0, i);
        }
      }
    } catch (e) {
      if (this.#inflightSince !== started) return;
      if (this.#reachable || this.#routed === undefined) this.log('warn', 'read replica: probe failed', describeError(e));
      this.#reachable = false;
    } finally {
      if (this.#inflightSince === started) this.#inflightSince = undefined;
    }
    const now = Date.now();
    for (const [token, at] of this.#writes) if (now - at > this.maxLagMs + OWN_WRITES_MARGIN_MS) this.#writes.delete(token);
    this.state(now);
  }
}
