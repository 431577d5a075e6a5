import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SCHEMA } from '@tsukasa/db';
import { systemClock, type Clock } from '@tsukasa/domain';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  body: string;
}

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}

/** SMTP (SMTP_URL, e.g. smtp://user:password@mail.example.lg.jp:587). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: `<${m.id}@tsukasa>` });
    },
  };
}

/** The demo's sink: each message as an RFC 5322 .eml file, readable by any mail client. */
export function fileTransport(dir: string, from: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: `file:${dir}`,
    async send(m) {
      const info = await builder.sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: `<${m.id}@tsukasa>` });
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${m.id}.eml`), info.message as Buffer);
    },
  };
}

const MAX_ATTEMPTS = 5;

interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
}

/**
 * Delivers the e-mail outbox. Messages are written in the same transaction as what they tell; the
 * worker claims a batch with FOR UPDATE SKIP LOCKED (several gateway replicas never send one message
 * twice at once), counts the attempt before sending (a crash retries rather than loses), and marks
 * each message sent or records the error. Delivery is at least once, at most MAX_ATTEMPTS times.
 *
 * It connects as the application's login, like the rest of the product: it learns which
 * municipalities have mail due (their ids only), then claims and marks each one's messages inside
 * that municipality's tenant, under row-level security. Sent times come from the product's clock.
 */
export function startMailWorker(opts: {
  databaseUrl: string;
  transport: MailTransport;
  clock?: Clock;
  intervalMs?: number;
  log?: (m: string, f?: Record<string, unknown>) => void;
}) {
  const clock = opts.clock ?? systemClock;
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, options: `-c search_path=${SCHEMA}`, max: 2 });
  pool.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function inTenant<T>(municipalityId: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`select set_config('app.municipality_id', $1, true)`, [municipalityId]);
      const result = await fn(c);
      await c.query('commit');
      return result;
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async function drainOnce(): Promise<number> {
    const due = await pool.query<{ id: string }>('select id from municipalities_with_mail_due($1) as id', [MAX_ATTEMPTS]);
    let sent = 0;
    for (const { id: municipalityId } of due.rows) {
      const claimed = await inTenant(
        municipalityId,
        async (c) =>
          (
            await c.query<ClaimedMail>(
              `update mail_outbox set attempts = attempts + 1
            where id in (select id from mail_outbox where sent_at is null and attempts < $1 order by created_at for update skip locked limit 20)
            returning id, to_address, subject, body`,
              [MAX_ATTEMPTS],
            )
          ).rows,
      );
      for (const m of claimed) {
        try {
          await opts.transport.send({ id: m.id, to: m.to_address, subject: m.subject, body: m.body });
          await inTenant(municipalityId, (c) => c.query('update mail_outbox set sent_at = $2, last_error = null where id = $1', [m.id, clock()]));
          sent++;
        } catch (e) {
          await inTenant(municipalityId, (c) =>
            c.query('update mail_outbox set last_error = $2 where id = $1', [m.id, String((e as Error).message ?? e).slice(0, 500)]),
          );
          opts.log?.('mail delivery failed', { id: m.id, error: String(e) });
        }
      }
    }
    return sent;
  }
  const tick = () => {
    running = drainOnce().catch((e) => (opts.log?.('mail worker error', { error: String(e) }), 0));
    void running.finally(() => {
      if (timer !== undefined) timer = setTimeout(tick, opts.intervalMs ?? 5000);
    });
  };
  timer = setTimeout(tick, opts.intervalMs ?? 5000);
  return {
    drainOnce,
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
      await pool.end();
    },
  };
}
