import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '@tsukasa/db';
import { createTestDatabase, type TestDatabase } from '@tsukasa/db/testing';
import pg from 'pg';
import { fileTransport, smtpTransport, startMailWorker } from './mail-worker.ts';

let db: TestDatabase;
let admin: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase(inject('pgAdminUrl'));
  admin = new pg.Client({ connectionString: db.url, options: '-c search_path=tsukasa' });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await db.drop();
});

async function queue(subject: string) {
  await admin.query(
    `insert into mail_outbox (id, municipality_id, to_address, subject, body, created_at, attempts)
    values (gen_random_uuid(), (select id from municipality where code = 'kitami'), 'madoguchi@kitami.example.lg.jp', $1, '申請 R8-000001 の承認をお願いします。', now(), 0)`,
    [subject],
  );
}

describe('the e-mail outbox', () => {
  it('writes each message once to the demo sink as a readable .eml with a Japanese subject', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsukasa-mail-'));
    await queue('【司】利用者追加申請：判断（R8-000001）');
    const worker = startMailWorker({ databaseUrl: db.appUrl, transport: fileTransport(dir, 'tsukasa@kitami.example.lg.jp'), intervalMs: 60_000 });
    try {
      expect(await worker.drainOnce()).toBe(1);
      expect(await worker.drainOnce()).toBe(0); // nothing twice
    } finally {
      await worker.stop();
    }
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dir, files[0]!), 'utf8');
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m); // RFC 2047 encoded
    expect(eml).toContain('To: madoguchi@kitami.example.lg.jp');
    const unsent = (await admin.query('select count(*)::int as n from mail_outbox where sent_at is null')).rows[0].n;
    expect(unsent).toBe(0);
  });

  it('delivers over SMTP, and keeps a message for retry when the server refuses it', async () => {
    const received: string[] = [];
    let refuse = true;
    const port = await freePort();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          if (refuse) return done(new Error('mailbox busy'));
          received.push(data);
          done();
        });
      },
    });
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
    await queue('【司】申請 R8-000002 が承認されました');
    const worker = startMailWorker({
      databaseUrl: db.appUrl,
      transport: smtpTransport(`smtp://127.0.0.1:${port}`, 'tsukasa@kitami.example.lg.jp'),
      intervalMs: 60_000,
    });
    try {
      expect(await worker.drainOnce()).toBe(0);
      const failed = (await admin.query(`select attempts, last_error, sent_at from mail_outbox where subject like '%R8-000002%'`)).rows[0];
      expect(failed).toMatchObject({ attempts: 1, sent_at: null });
      expect(failed.last_error).toContain('mailbox busy');
      refuse = false;
      expect(await worker.drainOnce()).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('madoguchi@kitami.example.lg.jp');
    } finally {
      await worker.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
