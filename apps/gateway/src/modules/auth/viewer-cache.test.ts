// The gateway remembers who a token is between requests (viewer-cache.ts). These tests check that
// it does — a repeated request spends no statement on the token — and that it forgets in time:
// at once for changes made through this gateway, on the database's notification for changes made
// elsewhere (another replica, an operator's SQL), and that it stops remembering while it cannot
// hear those notifications.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { tokenHash } from './tokens.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const ME = '{ viewer { username } }';
const lookUps = (statements: string[]) => statements.filter((s) => /resolve_(session|api_token)/.test(s)).length;

async function eventually(check: () => Promise<boolean>, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const refused = async (token: string) => (await gw.gql(ME, {}, { token })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';

describe('who a token is, remembered between requests', () => {
  it('looks a session up once, then answers from memory', async () => {
    const token = await gw.signIn('minato', 'chief');
    const first = await gw.countStatements(() => gw.gql(ME, {}, { token }));
    expect(lookUps(first.statements)).toBe(1);
    const again = await gw.countStatements(() => gw.gql(ME, {}, { token }));
    expect(again.result.data).toEqual(first.result.data);
    expect(lookUps(again.statements)).toBe(0);
  });

  it('refuses a signed-out session on the very next request', async () => {
    const token = await gw.signIn('minato', 'chief');
    await gw.gql(ME, {}, { token });
    expect((await gw.gql('mutation { signOut }', {}, { token })).data).toEqual({ signOut: true });
    expect(await refused(token)).toBe(true);
  });

  it('forgets a session revoked elsewhere (another replica, an operator) when the database says so', async () => {
    const token = await gw.signIn('kawasaki', 'admin');
    await gw.gql(ME, {}, { token });
    expect(lookUps((await gw.countStatements(() => gw.gql(ME, {}, { token }))).statements)).toBe(0);
    await gw.admin.query('update tsukasa.session set revoked_at = now() where token_hash = $1', [tokenHash(token)]);
    await eventually(() => refused(token));
  });

  it('forgets a session cut short elsewhere, and an API token revoked elsewhere', async () => {
    const admin = await gw.signIn('kitami', 'admin');
    const created = await gw.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "cache test", scopes: ["registry:read"] }) { token } }',
      {},
      { token: admin },
    );
    const api = created.data!.createApiToken.token;
    const LIST = '{ systems(first: 1) { totalCount } }';
    expect((await gw.gql(LIST, {}, { token: api })).errors).toBeUndefined();
    expect(lookUps((await gw.countStatements(() => gw.gql(LIST, {}, { token: api }))).statements)).toBe(0);
    await gw.admin.query('update tsukasa.api_token set revoked_at = now() where token_hash = $1', [tokenHash(api)]);
    await eventually(async () => (await gw.gql(LIST, {}, { token: api })).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');

    await gw.gql(ME, {}, { token: admin });
    await gw.admin.query(`update tsukasa.session set expires_at = now() - interval '1 second' where token_hash = $1`, [tokenHash(admin)]);
    await eventually(() => refused(admin));
  });

  it('forgets a changed administrator flag', async () => {
    const token = await gw.signIn('arakawa', 'chief');
    const IS_ADMIN = '{ viewer { isRegistryAdmin } }';
    expect((await gw.gql<{ viewer: { isRegistryAdmin: boolean } }>(IS_ADMIN, {}, { token })).data!.viewer.isRegistryAdmin).toBe(false);
    const staffId = (await gw.admin.query('select staff_id from tsukasa.session where token_hash = $1', [tokenHash(token)])).rows[0].staff_id;
    await gw.admin.query('update tsukasa.staff set registry_admin = true where id = $1', [staffId]);
    try {
      await eventually(async () => (await gw.gql<{ viewer: { isRegistryAdmin: boolean } }>(IS_ADMIN, {}, { token })).data?.viewer.isRegistryAdmin === true);
    } finally {
      await gw.admin.query('update tsukasa.staff set registry_admin = false where id = $1', [staffId]);
    }
  });

  it('remembers nothing while it cannot hear the database, and again once it can', async () => {
    const token = await gw.signIn('minato', 'staff1');
    await gw.gql(ME, {}, { token });
    expect(lookUps((await gw.countStatements(() => gw.gql(ME, {}, { token }))).statements)).toBe(0);
    // Cut the listening connection (as a restart of PostgreSQL or a network fault would).
    const cut = await gw.admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    expect(cut.rowCount).toBe(1);
    await eventually(async () => lookUps((await gw.countStatements(() => gw.gql(ME, {}, { token }))).statements) === 1, 1_000);
    // A change made while deaf is seen: every request looks the token up.
    expect(lookUps((await gw.countStatements(() => gw.gql(ME, {}, { token }))).statements)).toBe(1);
    // Listening again (after about a second): remembered again.
    await eventually(async () => lookUps((await gw.countStatements(() => gw.gql(ME, {}, { token }))).statements) === 0, 5_000);
  });
});
