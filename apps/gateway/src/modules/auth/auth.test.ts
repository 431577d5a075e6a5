import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { LOCK_AFTER_FAILURES } from './auth.service.ts';
import { tokenHash } from './tokens.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const SIGN_IN = 'mutation($m: String!, $u: String!, $p: String!) { signIn(municipality: $m, username: $u, password: $p) { token expiresAt viewer { username isRegistryAdmin municipality { code } } } }';

describe('sign-in', () => {
  it('signs in the demo administrator of each municipality and sets an HTTP-only session cookie', async () => {
    for (const m of ['minato', 'kawasaki', 'kitami', 'arakawa']) {
      const r = await gw.gql<{ signIn: { token: string; viewer: { username: string; isRegistryAdmin: boolean; municipality: { code: string } } } }>(SIGN_IN, { m, u: 'admin', p: 'demo-admin-pass' });
      expect(r.data!.signIn.viewer).toEqual({ username: 'admin', isRegistryAdmin: true, municipality: { code: m } });
      const cookie = r.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^tsukasa_session=tss_/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
    }
  });

  it('stores only the hash of the session token', async () => {
    const token = await gw.signIn('kitami');
    const rows = (await gw.admin.query('select token_hash from session')).rows.map((r) => r.token_hash);
    expect(rows).toContain(tokenHash(token));
    expect(rows).not.toContain(token);
  });

  it('gives the same answer for an unknown municipality, an unknown user and a wrong password', async () => {
    const answers = await Promise.all([
      gw.gql(SIGN_IN, { m: 'atlantis', u: 'admin', p: 'demo-admin-pass' }),
      gw.gql(SIGN_IN, { m: 'arakawa', u: 'nobody', p: 'demo-admin-pass' }),
      gw.gql(SIGN_IN, { m: 'arakawa', u: 'chief', p: 'wrong' }),
    ]);
    for (const a of answers) {
      expect(a.data).toBeNull();
      expect(a.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageJa: '自治体、ユーザー名またはパスワードが正しくありません。' });
    }
  });

  it(`locks an account after ${LOCK_AFTER_FAILURES} wrong passwords, even for the right one`, async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await gw.gql(SIGN_IN, { m: 'minato', u: 'staff1', p: `wrong-${i}` });
    const r = await gw.gql(SIGN_IN, { m: 'minato', u: 'staff1', p: 'demo-admin-pass' });
    expect(r.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect(r.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const failures = (await gw.admin.query(`select count(*)::int as n from audit_event where action = 'auth.sign_in_failed'`)).rows[0].n;
    expect(failures).toBeGreaterThanOrEqual(LOCK_AFTER_FAILURES);
  });

  it('authenticates the admin app by cookie, and signOut ends the session', async () => {
    const r = await gw.gql(SIGN_IN, { m: 'arakawa', u: 'chief', p: 'demo-admin-pass' });
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const me = await gw.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, { headers: { cookie } });
    expect(me.data!.viewer.username).toBe('chief');
    const out = await gw.gql<{ signOut: boolean }>('mutation { signOut }', {}, { headers: { cookie } });
    expect(out.data!.signOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/tsukasa_session=;/);
    const after = await gw.gql('{ viewer { username } }', {}, { headers: { cookie } });
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session 8 hours after sign-in on the gateway’s clock, wherever that clock stands', async () => {
    const cal = testCalendar();
    const viewer = (token: string) => gw.gql<{ viewer: { username: string } }>('{ viewer { username } }', {}, { token });
    try {
      for (const signedInAt of [cal.at(cal.day(40), '10:00'), cal.at(cal.day(-40), '10:00')]) {
        gw.setNow(signedInAt);
        const r = await gw.gql<{ signIn: { token: string; expiresAt: string } }>(SIGN_IN, { m: 'kitami', u: 'chief', p: 'demo-admin-pass' });
        const { token, expiresAt } = r.data!.signIn;
        expect(new Date(expiresAt).getTime()).toBe(signedInAt.getTime() + 8 * 3_600_000);
        const [row] = (await gw.admin.query('select created_at, expires_at from session where token_hash = $1', [tokenHash(token)])).rows;
        expect([row.created_at.getTime(), row.expires_at.getTime()]).toEqual([signedInAt.getTime(), signedInAt.getTime() + 8 * 3_600_000]);
        gw.setNow(new Date(signedInAt.getTime() + 8 * 3_600_000 - 60_000));
        expect((await viewer(token)).data!.viewer.username).toBe('chief');
        gw.setNow(new Date(signedInAt.getTime() + 8 * 3_600_000));
        expect((await viewer(token)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      }
    } finally {
      gw.setNow(null);
    }
  });

  it('refuses an expired session and a forged token', async () => {
    const token = await gw.signIn('kawasaki', 'chief');
    await gw.admin.query(`update session set expires_at = now() - interval '1 second' where token_hash = $1`, [tokenHash(token)]);
    const expired = await gw.gql('{ viewer { username } }', {}, { token });
    expect(expired.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const forged = await gw.gql('{ viewer { username } }', {}, { token: `tss_${'A'.repeat(43)}` });
    expect(forged.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('integrator API tokens', () => {
  it('are created by an administrator, shown once, scoped, and revocable', async () => {
    const admin = await gw.signIn('arakawa');
    const created = await gw.gql<{ createApiToken: { token: string; apiToken: { id: string; scopes: string[] } } }>(
      'mutation { createApiToken(input: { name: "統合連携サーバ", scopes: ["registry:read"] }) { token apiToken { id name scopes } } }', {}, { token: admin });
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^tsa_/);
    const listed = await gw.gql<{ apiTokens: Record<string, unknown>[] }>('{ apiTokens { id name scopes createdAt revokedAt } }', {}, { token: admin });
    expect(listed.errors).toBeUndefined();
    expect(new Date(listed.data!.apiTokens[0]!.createdAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(listed.data)).not.toContain(token);
    const read = await gw.gql<{ systems: { totalCount: number } }>('{ systems(first: 1) { totalCount } }', {}, { token });
    expect(read.data!.systems.totalCount).toBe(117);
    const write = await gw.gql('mutation { retireSystem(id: "00000000-0000-4000-8000-000000000000", version: 1) { id } }', {}, { token });
    expect(write.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const tokensByToken = await gw.gql('{ apiTokens { id } }', {}, { token });
    expect(tokensByToken.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await gw.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, { token: admin });
    const revoked = await gw.gql('{ systems(first: 1) { totalCount } }', {}, { token });
    expect(revoked.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown scopes with a field path', async () => {
    const admin = await gw.signIn('arakawa');
    const r = await gw.gql('mutation { createApiToken(input: { name: "x", scopes: ["registry:read", "root"] }) { token } }', {}, { token: admin });
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['input', 'scopes', 1] }] });
  });
});
