import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type GqlResult, type TestGateway } from '../../testing/harness.ts';
import { requestTools } from '../requests/requests.testing.ts';

/** Instants asked about, counted from the day the tests run: 10:00 on the next business day, and New Year's Day. */
const T = testCalendar();
const WORKDAY = T.businessDay(1);
const AT_10 = T.iso(WORKDAY, '10:00');

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const staffId = async (code: string, username: string) =>
  (await gw.admin.query(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = $1 and s.username = $2`, [code, username]))
    .rows[0].id as string;
const systemId = async (key: string) => (await gw.admin.query('select id from system where key = $1', [key])).rows[0].id as string;

const DECIDE = `query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) {
  allowed authority ruleIds reasons { code message { en ja } ruleIds } } }`;
type Decision = {
  accessDecision: {
    allowed: boolean;
    authority: string | null;
    ruleIds: string[];
    reasons: { code: string; message: { en: string; ja: string }; ruleIds: string[] }[];
  };
};

async function integratorToken(code: string) {
  const admin = await gw.signIn(code);
  const r = await gw.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "ログイン認証システム", scopes: ["access:read"] }) { token } }',
    {},
    { token: admin },
  );
  return r.data!.createApiToken.token;
}

describe('the access decision for integrators', () => {
  it('refuses a Kitami user on 1 January and at 21:30, citing KTM-15', async () => {
    const token = await integratorToken('kitami');
    const s = await staffId('kitami', 'admin');
    const y = await systemId('ktm.counter');
    const newYear = await gw.gql<Decision>(DECIDE, { s, y, at: T.iso(T.nextMonthDay('01-01'), '10:00') }, { token });
    expect(newYear.data!.accessDecision).toMatchObject({ allowed: false, authority: null, reasons: [{ code: 'CLOSED_DAY', ruleIds: ['KTM-15-1'] }] });
    const late = await gw.gql<Decision>(DECIDE, { s, y, at: T.iso(WORKDAY, '21:30') }, { token });
    expect(late.data!.accessDecision.reasons).toMatchObject([{ code: 'OUTSIDE_OPERATING_HOURS', ruleIds: ['KTM-15-1'] }]);
    const open = await gw.gql<Decision>(DECIDE, { s, y, at: AT_10 }, { token });
    expect(open.data!.accessDecision).toMatchObject({ allowed: true, authority: 'システム管理者', reasons: [] });
  });

  it('refuses a Kawasaki ward-office user after business hours by Kawasaki’s setting, which the calendar shows as such (KWO-7-1 sets no hours)', async () => {
    const token = await integratorToken('kawasaki');
    const y = await systemId('kwo.ward-office');
    const late = await gw.gql<Decision>(DECIDE, { s: await staffId('kawasaki', 'admin'), y, at: T.iso(WORKDAY, '21:30') }, { token });
    const hours = late.data!.accessDecision.reasons.find((r) => r.code === 'OUTSIDE_OPERATING_HOURS')!;
    expect(hours.ruleIds).toEqual([]);
    expect(hours.message.ja).toContain('川崎市の業務時間の設定');
    expect(hours.message.en).toContain('Kawasaki’s business-hours setting');
    const calendar = await gw.gql<{ operatingCalendar: { ruleIds: string[]; hoursSetting: { label: { ja: string }; note: { ja: string } | null } | null } }>(
      'query($y: ID!) { operatingCalendar(systemId: $y) { ruleIds hoursSetting { label { ja } note { ja } } } }',
      { y },
      { token: await gw.signIn('kawasaki') },
    );
    expect(calendar.errors).toBeUndefined();
    expect(calendar.data!.operatingCalendar).toEqual({
      ruleIds: [],
      hoursSetting: { label: { ja: '川崎市の業務時間の設定' }, note: { ja: '業務時間以外の端末の使用は禁止（KWO-7-1）' } },
    });
    // Kitami's hours are the article's (KTM-15-1): no setting.
    const kitami = await gw.gql<{ operatingCalendar: { ruleIds: string[]; hoursSetting: unknown } }>(
      'query($y: ID!) { operatingCalendar(systemId: $y) { ruleIds hoursSetting { label { ja } } } }',
      { y: await systemId('ktm.counter') },
      { token: await gw.signIn('kitami') },
    );
    expect(kitami.data!.operatingCalendar).toEqual({ ruleIds: ['KTM-15-1'], hoursSetting: null });
  });

  it('explains a suspension (KTM-10-4), a duty that ended (KTM-11), an expired end date (MNT-11) and no account', async () => {
    const kitami = await integratorToken('kitami');
    const y = await systemId('ktm.counter');
    const suspended = await gw.gql<Decision>(DECIDE, { s: await staffId('kitami', 'staff1'), y, at: AT_10 }, { token: kitami });
    expect(suspended.data!.accessDecision.reasons.map((r) => r.code)).toEqual(['SUSPENDED']);
    expect(suspended.data!.accessDecision.reasons[0]!.ruleIds).toContain('KTM-10-4');
    const pastHolder = (
      await gw.admin.query(`select a.staff_id from account a where a.duty_position_id is not null and not exists (
      select 1 from position_tenure t where t.staff_id = a.staff_id and t.position_id = a.duty_position_id and t.valid_to is null) limit 1`)
    ).rows[0].staff_id;
    const duty = await gw.gql<Decision>(DECIDE, { s: pastHolder, y, at: AT_10 }, { token: kitami });
    expect(duty.data!.accessDecision.reasons).toMatchObject([{ code: 'DUTY_ENDED', ruleIds: expect.arrayContaining(['KTM-11']) }]);

    const minato = await integratorToken('minato');
    const welfare = await systemId('mnt.welfare');
    const [expired] = (
      await gw.admin.query(
        `select staff_id, to_char((valid_to at time zone 'Asia/Tokyo')::date + 1, 'YYYY-MM-DD') as day_after from account where system_id = $1 and valid_to < now()`,
        [welfare],
      )
    ).rows;
    // Asked at 10:00 JST the day after the end date: inside MNT-15-1's hours, whatever the time the test runs.
    const e = await gw.gql<Decision>(DECIDE, { s: expired.staff_id, y: welfare, at: `${expired.day_after}T10:00:00+09:00` }, { token: minato });
    expect(e.data!.accessDecision.reasons).toMatchObject([{ code: 'EXPIRED', ruleIds: ['MNT-11-1'] }]);
    const nobody = (
      await gw.admin.query(
        `select s.id from staff s where s.municipality_id = (select id from municipality where code = 'minato') and not exists (select 1 from account a where a.staff_id = s.id) limit 1`,
      )
    ).rows[0].id;
    const none = await gw.gql<Decision>(DECIDE, { s: nobody, y: welfare, at: AT_10 }, { token: minato });
    expect(none.data!.accessDecision.reasons).toMatchObject([{ code: 'NO_ACCOUNT', ruleIds: ['MNT-10-2'] }]);
  });

  it('is refused to tokens without the access:read scope and to ordinary staff', async () => {
    const s = await staffId('kitami', 'admin');
    const y = await systemId('ktm.counter');
    const staff = await gw.gql(DECIDE, { s, y }, { token: await gw.signIn('kitami', 'staff1') });
    expect(staff.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const foreign = await gw.gql(DECIDE, { s, y }, { token: await integratorToken('arakawa') });
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('the accounts feed', () => {
  const FEED =
    'query($y: ID!, $after: String) { accountsFeed(systemId: $y, after: $after, first: 100) { cursor hasMore changes { id changeSeq suspendedAt status staff { displayName } } } }';
  type Feed = { accountsFeed: { cursor: string; hasMore: boolean; changes: { id: string; changeSeq: string; suspendedAt: string | null; status: string }[] } };

  it('syncs everything once, then only what changed, in order', async () => {
    const token = await integratorToken('kitami');
    const y = await systemId('ktm.counter');
    const first = await gw.gql<Feed>(FEED, { y }, { token });
    const all = first.data!.accountsFeed;
    expect(all.changes.length).toBeGreaterThan(5);
    const seqs = all.changes.map((c) => BigInt(c.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    const nothing = await gw.gql<Feed>(FEED, { y, after: all.cursor }, { token });
    expect(nothing.data!.accountsFeed).toMatchObject({ changes: [], cursor: all.cursor, hasMore: false });

    // The 統括管理者's deputy (副統括管理者, KTM-3-6) suspends an account: it shows up after the cursor.
    const chief = await gw.signIn('kitami', 'chief');
    const target = all.changes.find((c) => c.status === 'ACTIVE')!;
    const version = (await gw.admin.query('select version from account where id = $1', [target.id])).rows[0].version;
    const s = await gw.gql(
      'mutation($id: ID!, $v: Int!) { suspendAccount(id: $id, version: $v, reason: "個人情報の不適切な照会の疑い", ground: PRIVACY_BREACH) { id status } }',
      { id: target.id, v: version },
      { token: chief },
    );
    expect(s.errors).toBeUndefined();
    const next = await gw.gql<Feed>(FEED, { y, after: all.cursor }, { token });
    expect(next.data!.accountsFeed.changes.map((c) => [c.id, c.status])).toEqual([[target.id, 'SUSPENDED']]);

    // KTM-10-5: the section head is told; the audit records both people when a deputy acted.
    const note = (await gw.admin.query(`select rule_ids from notification where target_id = $1`, [target.id])).rows;
    expect(note).toEqual([{ rule_ids: ['KTM-10-5'] }]);
    const audit = (
      await gw.admin.query(`select on_behalf_of_staff_id, rule_ids from audit_event where target_id = $1 and action = 'account.suspend'`, [target.id])
    ).rows[0];
    expect(audit.on_behalf_of_staff_id).toBeTruthy();
    expect(audit.rule_ids).toContain('KTM-10-4');
  });

  it('lets only the system’s administrators manage its accounts', async () => {
    const y = await systemId('ktm.counter');
    const target = (await gw.admin.query(`select id, version from account where system_id = $1 and suspended_at is null and ended_at is null limit 1`, [y]))
      .rows[0];
    const staff = await gw.gql(
      'mutation($id: ID!, $v: Int!) { endAccount(id: $id, version: $v, reason: "異動") { id } }',
      { id: target.id, v: target.version },
      { token: await gw.signIn('kitami', 'staff1') },
    );
    expect(staff.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: expect.arrayContaining(['KTM-10-3']) });
    expect((await gw.admin.query('select ended_at from account where id = $1', [target.id])).rows[0].ended_at).toBeNull();
  });
});

describe('grants approved by every owner (KWW-5-2)', () => {
  it('needs each of the four owners of 介護保険 before it is active, and never its requester', async () => {
    const kawasaki = await gw.signIn('kawasaki', 'staff1');
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.long-term-care'`)).rows[0].id;
    const me = await staffId('kawasaki', 'staff1');
    const req = await gw.gql<{ requestGrant: { id: string; state: string; ownerPositionIds: string[] } }>(
      'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id state ownerPositionIds approvedPositionIds } }',
      // From the start of last fiscal year: in force once approved, and never the period of the demo's own pending request (this month on).
      { i: { assetId: asset, granteeId: me, validFrom: T.iso(`${T.fiscalYear - 1}-04-01`, '00:00'), purpose: '介護保険料の窓口照会' } },
      { token: kawasaki },
    );
    expect(req.errors).toBeUndefined();
    const grant = req.data!.requestGrant;
    expect(grant).toMatchObject({ state: 'PENDING_APPROVAL' });
    expect(grant.ownerPositionIds).toHaveLength(4);
    const self = await gw.gql('mutation($id: ID!) { approveGrant(id: $id) { state } }', { id: grant.id }, { token: kawasaki });
    expect(self.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const notified = (await gw.admin.query(`select count(distinct recipient_id)::int as n from notification where target_id = $1`, [grant.id])).rows[0].n;
    expect(notified).toBe(4);
    // Each owner signs in and approves.
    const holders = (
      await gw.admin.query(`select distinct t.staff_id from position_tenure t where t.position_id = any($1::uuid[]) and t.valid_to is null`, [
        grant.ownerPositionIds,
      ])
    ).rows.map((r) => r.staff_id);
    let state = '';
    for (const [i, holder] of holders.entries()) {
      await gw.admin.query(
        `update staff set username = $2, password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1 and username is null`,
        [holder, `owner${i}`],
      );
      const username = (await gw.admin.query('select username from staff where id = $1', [holder])).rows[0].username;
      const r = await gw.gql<{ approveGrant: { state: string } }>(
        'mutation($id: ID!) { approveGrant(id: $id) { state } }',
        { id: grant.id },
        { token: await gw.signIn('kawasaki', username) },
      );
      expect(r.errors).toBeUndefined();
      state = r.data!.approveGrant.state;
      if (i < holders.length - 1) expect(state).toBe('PARTLY_APPROVED');
    }
    expect(state).toBe('ACTIVE');
    const mine = await gw.gql<{ grants: { id: string; state: string }[] }>('{ grants { id state } }', {}, { token: kawasaki });
    expect(mine.data!.grants.find((g) => g.id === grant.id)?.state).toBe('ACTIVE');
  });

  it('is never approved by an owner who asked for it or whom it is for: someone else checks it (KWO-8-1-2)', async () => {
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.long-term-care'`)).rows[0].id as string;
    const owner = (
      await gw.admin.query(
        `select t.staff_id from position_tenure t join information_asset_owner o on o.position_id = t.position_id
      where o.asset_id = $1 and t.valid_to is null order by o.sort_order limit 1`,
        [asset],
      )
    ).rows[0].staff_id as string;
    await gw.admin.query(
      `update staff set username = 'owner-self', password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1 and username is null`,
      [owner],
    );
    const username = (await gw.admin.query('select username from staff where id = $1', [owner])).rows[0].username as string;
    const token = await gw.signIn('kawasaki', username);
    const req = await gw.gql<{ requestGrant: { id: string } }>(
      'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id } }',
      { i: { assetId: asset, granteeId: owner, validFrom: T.iso(`${T.fiscalYear}-04-01`, '00:00'), purpose: '介護保険料の照会事務の確認' } },
      { token },
    );
    expect(req.errors).toBeUndefined();
    const id = req.data!.requestGrant.id;
    const self = await gw.gql('mutation($id: ID!) { approveGrant(id: $id) { state } }', { id }, { token });
    expect(self.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['KWO-8-1-2'] });
    expect((await gw.admin.query('select count(*)::int as n from access_grant_approval where grant_id = $1', [id])).rows[0].n).toBe(0);
  });
});

describe('a grant request already awaiting approval', () => {
  const REQUEST = 'mutation($i: RequestGrantInput!) { requestGrant(input: $i) { id state } }';
  type Answer = GqlResult<{ requestGrant: { id: string } }>;

  it('is not filed again: identical requests, one after another or twenty at once, are refused naming the one waiting', async () => {
    const chief = await gw.signIn('kawasaki', 'chief');
    const me = await staffId('kawasaki', 'chief');
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.long-term-care'`)).rows[0].id as string;
    const from = new Date();
    from.setUTCHours(0, 0, 0, 0);
    const input = { assetId: asset, granteeId: me, validFrom: from.toISOString(), fields: ['personalPhone', 'extension'], purpose: '介護保険料の窓口照会' };
    const rows = async () =>
      (await gw.admin.query(`select id from access_grant where grantee_id = $1 and asset_id = $2 order by created_at`, [me, asset])).rows.map(
        (r) => r.id as string,
      );
    const counts = async () =>
      (
        await gw.admin.query(
          `select (select count(*) from notification where target_type = 'access_grant') as notices, (select count(*) from audit_event where action = 'grant.request') as audits`,
        )
      ).rows[0];

    const first = await gw.gql<{ requestGrant: { id: string; state: string } }>(REQUEST, { i: input }, { token: chief });
    expect(first.errors).toBeUndefined();
    const id = first.data!.requestGrant.id;
    const before = await counts();
    // The same access with the fields in another order and a reworded purpose is the same request.
    const again: Answer[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gw.gql<{ requestGrant: { id: string } }>(
          REQUEST,
          { i: { ...input, fields: ['extension', 'personalPhone'], purpose: `${input.purpose}（${i}）` } },
          { token: chief },
        ),
      ),
    );
    for (const a of again) {
      expect(a.data ?? null).toBeNull();
      expect(a.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', existingGrantId: id, messageJa: expect.stringContaining(id) });
    }
    expect(await rows()).toEqual([id]);
    expect(await counts()).toEqual(before);

    // Another period is another request — and twenty of it at once file exactly one.
    const to = new Date(from.getTime() + 30 * 86_400_000);
    const other: Answer[] = await Promise.all(
      Array.from({ length: 20 }, () => gw.gql<{ requestGrant: { id: string } }>(REQUEST, { i: { ...input, validTo: to.toISOString() } }, { token: chief })),
    );
    const filed = other.filter((a) => a.data?.requestGrant);
    expect(filed).toHaveLength(1);
    const otherId = filed[0]!.data!.requestGrant.id;
    for (const a of other.filter((x) => !x.data?.requestGrant)) expect(a.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', existingGrantId: otherId });
    expect(await rows()).toEqual([id, otherId]);
  });
});

describe('the life of a grant, as the list and the detail show it', () => {
  const FIELDS =
    'id state stateChangedAt stateChangedBy { id } stateChangedOnBehalfOf { id } revokedAt requestedBy { id } approvals { ownerPosition { id } approvedBy { id } approvedAt } history { kind at by { id } ownerPosition { id } }';
  type Shown = {
    id: string;
    state: string;
    stateChangedAt: string;
    stateChangedBy: { id: string } | null;
    stateChangedOnBehalfOf: { id: string } | null;
    revokedAt: string | null;
    approvals: { ownerPosition: { id: string }; approvedBy: { id: string } }[];
    history: { kind: string; at: string; by: { id: string } | null }[];
  };

  async function owners(assetId: string) {
    const positions = (await gw.admin.query(`select position_id from information_asset_owner where asset_id = $1 order by sort_order`, [assetId])).rows.map(
      (r) => r.position_id as string,
    );
    const out: { staffId: string; token: string }[] = [];
    for (const [i, position] of positions.entries()) {
      const holder = (
        await gw.admin.query(
          `select staff_id from position_tenure where position_id = $1 and valid_from <= current_date and (valid_to is null or valid_to > current_date) limit 1`,
          [position],
        )
      ).rows[0].staff_id as string;
      await gw.admin.query(
        `update staff set username = coalesce(username, $2), password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1`,
        [holder, `life-owner${i}`],
      );
      const username = (await gw.admin.query('select username from staff where id = $1', [holder])).rows[0].username as string;
      out.push({ staffId: holder, token: await gw.signIn('kawasaki', username) });
    }
    return out;
  }

  it('shows every state it passes through — pending, partly approved, active, suspended, reinstated, revoked, expired — with who changed it and when', async () => {
    const requester = await gw.signIn('kawasaki', 'staff1');
    const me = await staffId('kawasaki', 'staff1');
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.long-term-care'`)).rows[0].id as string;
    const start = new Date();
    start.setUTCHours(0, 0, 0, 0);
    const end = new Date(start.getTime() + 60 * 86_400_000);
    const created = await gw.gql<{ requestGrant: Shown }>(
      `mutation($i: RequestGrantInput!) { requestGrant(input: $i) { ${FIELDS} } }`,
      {
        i: {
          assetId: asset,
          granteeId: me,
          validFrom: start.toISOString(),
          validTo: end.toISOString(),
          fields: ['personalPhone'],
          purpose: '介護保険の資格確認',
        },
      },
      { token: requester },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.requestGrant.id;
    // As the list shows it to the viewer, and as the detail does: always the same.
    const shown = async (token: string): Promise<Shown> => {
      const list = await gw.gql<{ grants: Shown[] }>(`{ grants { ${FIELDS} } }`, {}, { token });
      const detail = await gw.gql<{ grant: Shown }>(`query($id: ID!) { grant(id: $id) { ${FIELDS} } }`, { id }, { token });
      expect(list.errors ?? detail.errors).toBeUndefined();
      expect(list.data!.grants.find((g) => g.id === id)).toEqual(detail.data!.grant);
      return detail.data!.grant;
    };
    const recent = (iso: string) => expect(Math.abs(Date.parse(iso) - Date.now())).toBeLessThan(60_000);

    let g = await shown(requester);
    expect(g).toMatchObject({ state: 'PENDING_APPROVAL', stateChangedBy: { id: me }, approvals: [] });
    recent(g.stateChangedAt);

    const [first, ...rest] = await owners(asset);
    await gw.gql('mutation($id: ID!) { approveGrant(id: $id) { id } }', { id }, { token: first!.token });
    g = await shown(requester);
    expect(g).toMatchObject({ state: 'PARTLY_APPROVED', stateChangedBy: { id: first!.staffId }, approvals: [{ approvedBy: { id: first!.staffId } }] });
    for (const o of rest) await gw.gql('mutation($id: ID!) { approveGrant(id: $id) { id } }', { id }, { token: o.token });
    g = await shown(first!.token);
    expect(g).toMatchObject({ state: 'ACTIVE', stateChangedBy: { id: rest.at(-1)!.staffId } });
    expect(g.approvals).toHaveLength(1 + rest.length);

    const suspended = await gw.gql<{ suspendGrant: Shown }>(`mutation($id: ID!) { suspendGrant(id: $id) { ${FIELDS} } }`, { id }, { token: first!.token });
    expect(suspended.data!.suspendGrant).toMatchObject({ state: 'SUSPENDED', stateChangedBy: { id: first!.staffId } });
    expect(await shown(requester)).toEqual(suspended.data!.suspendGrant);
    // A change that does not fit the state is refused and changes nothing.
    const before = (
      await gw.admin.query(
        `select (select count(*) from access_grant_change) as changes, (select suspended_at from access_grant where id = $1) as suspended_at`,
        [id],
      )
    ).rows[0];
    const twice = await gw.gql('mutation($id: ID!) { suspendGrant(id: $id) { id } }', { id }, { token: first!.token });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'SUSPENDED', messageJa: expect.stringContaining('停止中') });
    expect(
      (
        await gw.admin.query(
          `select (select count(*) from access_grant_change) as changes, (select suspended_at from access_grant where id = $1) as suspended_at`,
          [id],
        )
      ).rows[0],
    ).toEqual(before);

    await gw.gql('mutation($id: ID!) { reinstateGrant(id: $id) { id } }', { id }, { token: rest[0]!.token });
    g = await shown(requester);
    expect(g).toMatchObject({ state: 'ACTIVE', stateChangedBy: { id: rest[0]!.staffId } });

    const revoked = await gw.gql<{ revokeGrant: Shown }>(`mutation($id: ID!) { revokeGrant(id: $id) { ${FIELDS} } }`, { id }, { token: first!.token });
    expect(revoked.data!.revokeGrant).toMatchObject({ state: 'REVOKED', stateChangedBy: { id: first!.staffId } });
    g = await shown(requester);
    expect(g).toMatchObject({ state: 'REVOKED', stateChangedBy: { id: first!.staffId }, revokedAt: g.stateChangedAt });
    recent(g.revokedAt!);
    expect(g.history.map((e) => [e.kind, e.by?.id ?? null])).toEqual([
      ['REQUESTED', me],
      ...[first!, ...rest].map((o) => ['APPROVED', o.staffId]),
      ['SUSPENDED', first!.staffId],
      ['REINSTATED', rest[0]!.staffId],
      ['REVOKED', first!.staffId],
    ]);
    const again = await gw.gql('mutation($id: ID!) { revokeGrant(id: $id) { id } }', { id }, { token: first!.token });
    expect(again.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    // A request left waiting until its period is over has expired, by the calendar.
    const lapsed = await gw.gql<{ requestGrant: Shown }>(
      `mutation($i: RequestGrantInput!) { requestGrant(input: $i) { ${FIELDS} } }`,
      {
        i: { assetId: asset, granteeId: me, validFrom: start.toISOString(), validTo: end.toISOString(), fields: ['extension'], purpose: '介護保険の資格確認' },
      },
      { token: requester },
    );
    gw.setNow(new Date(end.getTime() + 86_400_000));
    try {
      // Signed in again on that day: sessions end on the same clock.
      const later = await gw.gql<{ grant: Shown }>(
        `query($id: ID!) { grant(id: $id) { ${FIELDS} } }`,
        { id: lapsed.data!.requestGrant.id },
        { token: await gw.signIn('kawasaki', 'staff1') },
      );
      expect(later.data!.grant).toMatchObject({ state: 'EXPIRED', stateChangedAt: end.toISOString(), stateChangedBy: null });
    } finally {
      gw.setNow(null);
    }
  });

  it('shows a grant only to whom the list shows it', async () => {
    const stranger = await gw.signIn('kawasaki', 'chief');
    const id = (
      await gw.admin.query(`select g.id from access_grant g join staff s on s.id = g.grantee_id where s.username = 'staff1' order by g.created_at limit 1`)
    ).rows[0].id as string;
    const r = await gw.gql('query($id: ID!) { grant(id: $id) { id } }', { id }, { token: stranger });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ grant: null });
  });
});

describe('designations of who may handle an asset (KWO-6)', () => {
  it('takes effect at once inside the chief’s supervision, and only after the asset manager’s permission outside it', async () => {
    const wardChiefPos = (await gw.admin.query(`select p.id, p.org_unit_id from position p where p.key = 'kaw.ward.kawasaki.kumin.chief'`)).rows[0];
    const chief = (await gw.admin.query(`select staff_id from position_tenure where position_id = $1 and valid_to is null`, [wardChiefPos.id])).rows[0]
      .staff_id;
    await gw.admin.query(
      `update staff set username = 'wardchief', password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1`,
      [chief],
    );
    const token = await gw.signIn('kawasaki', 'wardchief');
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.resident-seal'`)).rows[0].id;
    const inside = (
      await gw.admin.query(
        `select t.staff_id from position_tenure t join position p on p.id = t.position_id join org_unit o on o.id = p.org_unit_id
      where (o.id = $1 or o.parent_id = $1) and t.valid_to is null and t.staff_id <> $2 limit 1`,
        [wardChiefPos.org_unit_id, chief],
      )
    ).rows[0].staff_id;
    const outside = await staffId('kawasaki', 'admin');
    const DESIGNATE = 'mutation($i: DesignateHandlerInput!) { designateHandler(input: $i) { id outsideSupervision effective ruleIds } }';
    const a = await gw.gql<{ designateHandler: { effective: boolean; outsideSupervision: boolean } }>(
      DESIGNATE,
      { i: { assetId: asset, staffId: inside, orgUnitId: wardChiefPos.org_unit_id } },
      { token },
    );
    expect(a.data!.designateHandler).toMatchObject({ outsideSupervision: false, effective: true });
    const b = await gw.gql<{ designateHandler: { id: string; effective: boolean; outsideSupervision: boolean; ruleIds: string[] } }>(
      DESIGNATE,
      { i: { assetId: asset, staffId: outside, orgUnitId: wardChiefPos.org_unit_id } },
      { token },
    );
    expect(b.data!.designateHandler).toMatchObject({ outsideSupervision: true, effective: false, ruleIds: ['KWO-6'] });
    // Only the 情報資産管理責任者 (戸籍住民サービス課長) permits it; the ward chief cannot.
    const self = await gw.gql('mutation($id: ID!) { permitDesignation(id: $id) { effective } }', { id: b.data!.designateHandler.id }, { token });
    expect(self.errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
      ruleIds: ['KWO-2-2', 'KWO-6'],
      messageJa: '情報資産管理責任者だけがこの指定を許可できます。',
    });
    const managerPos = (await gw.admin.query(`select id from position where key = 'kaw.shimin.seikatsu.koseki.chief'`)).rows[0].id;
    const manager = (await gw.admin.query(`select staff_id from position_tenure where position_id = $1 and valid_to is null`, [managerPos])).rows[0].staff_id;
    await gw.admin.query(
      `update staff set username = 'assetmanager', password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1`,
      [manager],
    );
    const permitted = await gw.gql<{ permitDesignation: { effective: boolean } }>(
      'mutation($id: ID!) { permitDesignation(id: $id) { effective } }',
      { id: b.data!.designateHandler.id },
      { token: await gw.signIn('kawasaki', 'assetmanager') },
    );
    expect(permitted.data!.permitDesignation.effective).toBe(true);
    // Another ward's chief may not designate for this using place.
    const other = await gw.gql(
      DESIGNATE,
      { i: { assetId: asset, staffId: inside, orgUnitId: wardChiefPos.org_unit_id } },
      { token: await gw.signIn('kawasaki', 'staff1') },
    );
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('judges the chief’s supervision on the gateway’s day, not the database server’s: a tenure that ended by then no longer counts', async () => {
    const wardChiefPos = (await gw.admin.query(`select p.id, p.org_unit_id from position p where p.key = 'kaw.ward.kawasaki.kumin.chief'`)).rows[0];
    const chief = (await gw.admin.query(`select staff_id from position_tenure where position_id = $1 and valid_to is null`, [wardChiefPos.id])).rows[0]
      .staff_id;
    await gw.admin.query(
      `update staff set username = 'wardchief', password_hash = (select password_hash from staff where username = 'chief' and municipality_id = (select id from municipality where code = 'kawasaki')) where id = $1`,
      [chief],
    );
    const asset = (await gw.admin.query(`select id from information_asset where key = 'kaw.asset.resident-seal'`)).rows[0].id;
    const tenure = (
      await gw.admin.query(
        `select t.id, t.staff_id from position_tenure t join position p on p.id = t.position_id join org_unit o on o.id = p.org_unit_id
      where (o.id = $1 or o.parent_id = $1) and t.valid_to is null and t.staff_id <> $2
        and not exists (select 1 from position_tenure u where u.staff_id = t.staff_id and u.id <> t.id and u.valid_to is null)
      order by t.id limit 1`,
        [wardChiefPos.org_unit_id, chief],
      )
    ).rows[0];
    const DESIGNATE = 'mutation($i: DesignateHandlerInput!) { designateHandler(input: $i) { outsideSupervision effective } }';
    const designate = async () => {
      const r = await gw.gql<{ designateHandler: { outsideSupervision: boolean; effective: boolean } }>(
        DESIGNATE,
        { i: { assetId: asset, staffId: tenure.staff_id, orgUnitId: wardChiefPos.org_unit_id } },
        { token: await gw.signIn('kawasaki', 'wardchief') },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.designateHandler;
    };
    // The tenure ends 30 days after the database server's today; the gateway's clock is 60 days on.
    await gw.admin.query('update position_tenure set valid_to = $2 where id = $1', [tenure.id, T.day(30)]);
    try {
      expect(await designate()).toMatchObject({ outsideSupervision: false, effective: true });
      gw.setNow(T.at(T.day(60)));
      expect(await designate()).toMatchObject({ outsideSupervision: true, effective: false });
    } finally {
      gw.setNow(null);
      await gw.admin.query('update position_tenure set valid_to = null where id = $1', [tenure.id]);
    }
  });
});

describe('what the viewer may do', () => {
  it('tells the client which actions will be accepted', async () => {
    const q = '{ viewer { permissions { editRegistry readAuditLog decideAccess explainAccess manageApiTokens } } }';
    const admin = await gw.gql<{ viewer: { permissions: Record<string, boolean> } }>(q, {}, { token: await gw.signIn('minato') });
    expect(admin.data!.viewer.permissions).toEqual({ editRegistry: true, readAuditLog: true, decideAccess: true, explainAccess: true, manageApiTokens: true });
    // Minato's 保健福祉課長 monitors the audit log (MNT-19-3) without being a registry administrator.
    const chief = await gw.gql<{ viewer: { permissions: Record<string, boolean> } }>(q, {}, { token: await gw.signIn('minato', 'chief') });
    expect(chief.data!.viewer.permissions).toMatchObject({ editRegistry: false, readAuditLog: true, explainAccess: false });
    const staff = await gw.gql<{ viewer: { permissions: Record<string, boolean> } }>(q, {}, { token: await gw.signIn('minato', 'staff1') });
    expect(Object.values(staff.data!.viewer.permissions).every((x) => !x)).toBe(true);
  });
});

describe('lists asked without their optional arguments', () => {
  it('a system’s accounts without `after` start at the first page; designations without `assetId` are all of them', async () => {
    const y = await systemId('ktm.counter');
    const token = await gw.signIn('kitami');
    const accounts = await gw.gql<{ accounts: { totalCount: number; edges: { node: { id: string } }[] } }>(
      'query($y: ID!) { accounts(systemId: $y, first: 200) { totalCount edges { node { id } } } }',
      { y },
      { token },
    );
    expect(accounts.errors).toBeUndefined();
    expect(accounts.data!.accounts.totalCount).toBeGreaterThan(0);
    expect(accounts.data!.accounts.edges.length).toBe(accounts.data!.accounts.totalCount);

    const kawasaki = await gw.signIn('kawasaki');
    const stored = Number(
      (await gw.admin.query(`select count(*) from designation where municipality_id = (select id from municipality where code = 'kawasaki')`)).rows[0].count,
    );
    const designations = await gw.gql<{ designations: { id: string }[] }>('{ designations { id } }', {}, { token: kawasaki });
    expect(designations.errors).toBeUndefined();
    expect(stored).toBeGreaterThan(0);
    expect(designations.data!.designations.length).toBe(stored);
  });
});

describe('the purpose of use of a Kitami account (KTM-12-1)', () => {
  const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id purpose } }`;
  const DECIDE_PURPOSE = `query($s: ID!, $y: ID!, $at: DateTimeISO) { accessDecision(staffId: $s, systemId: $y, at: $at) { allowed purpose ruleIds } }`;

  it('refuses a Kitami account without a purpose, naming the field and KTM-12-1, and changes nothing', async () => {
    const y = await systemId('ktm.counter');
    const [{ id: s }] = (
      await gw.admin.query(
        `select s.id from staff s where s.municipality_id = (select id from municipality where code = 'kitami')
           and not exists (select 1 from account a where a.staff_id = s.id and a.system_id = $1) order by s.id limit 1`,
        [y],
      )
    ).rows;
    const token = await gw.signIn('kitami');
    const audits = async () => Number((await gw.admin.query(`select count(*) from audit_event where action = 'account.create'`)).rows[0].count);
    const before = await audits();
    for (const purpose of [undefined, '   ']) {
      const r = await gw.gql(CREATE, { i: { staffId: s, systemId: y, authorityProfile: '照会・更新', purpose } }, { token });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // KTM-12-1: the field at fault and the rule, in both languages.
      expect(r.errors?.[0]?.extensions?.fieldErrors).toMatchObject([{ path: ['input', 'purpose'], code: 'REQUIRED', ruleIds: ['KTM-12-1'] }]);
    }
    expect((await gw.admin.query('select count(*) from account where staff_id = $1 and system_id = $2', [s, y])).rows[0].count).toBe('0');
    expect(await audits()).toBe(before);

    // With its purpose it is created, audited with it, and the access decision states the purpose it relied on (KTM-12-1).
    const ok = await gw.gql<{ createAccount: { id: string; purpose: string } }>(
      CREATE,
      { i: { staffId: s, systemId: y, authorityProfile: '照会・更新', purpose: '窓口での転入届の受付（所掌する事務）' } },
      { token },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createAccount.purpose).toBe('窓口での転入届の受付（所掌する事務）');
    const audit = (await gw.admin.query(`select after from audit_event where action = 'account.create' and target_id = $1`, [ok.data!.createAccount.id]))
      .rows[0];
    expect(audit.after.purpose).toBe('窓口での転入届の受付（所掌する事務）');
    const decision = await gw.gql<{ accessDecision: { allowed: boolean; purpose: string | null } }>(
      DECIDE_PURPOSE,
      { s, y, at: AT_10 },
      { token: await integratorToken('kitami') },
    );
    expect(decision.data!.accessDecision).toMatchObject({ allowed: true, purpose: '窓口での転入届の受付（所掌する事務）' });
  });
});

describe('operators of an Arakawa system approved by the chief of a using section (ARK-10-1)', () => {
  const APPROVE = `mutation($id: ID!, $v: Int!) { approveAccountOperator(id: $id, version: $v) { id version operatorApprovedAt operatorApprovedBy { id } } }`;

  async function arakawaCase() {
    // A system in service and a member of a 係 under one of its using sections without an account on it, and the chief of that section.
    const [operator] = (
      await gw.admin.query(
        `select s.id as system_id, p.key, u.org_unit_id from system s join system_using_org_unit u on u.system_id = s.id
           join org_unit o on u.org_unit_id in (o.id, o.parent_id) join position p on p.org_unit_id = o.id and p.kind = 'member'
           join position_tenure t on t.position_id = p.id and t.valid_to is null
         where s.rulebook_id = 'ARK' and s.lifecycle_status = 'in_service'
           and not exists (select 1 from account a where a.staff_id = t.staff_id and a.system_id = s.id) order by s.key, p.key limit 1`,
      )
    ).rows;
    const system = { id: operator.system_id };
    const [chief] = (
      await gw.admin.query(
        `select p.key from position p join role_binding b on b.position_id = p.id and b.role_key = 'using_section_chief'
         where p.org_unit_id = $1 and p.kind = 'head'`,
        [operator.org_unit_id],
      )
    ).rows;
    return { systemId: system.id as string, chiefKey: chief.key as string, operatorKey: operator.key as string };
  }

  it('allows a demo operator the chief approved, and refuses one not approved, citing ARK-10-1', async () => {
    const token = await integratorToken('arakawa');
    const { systemId: y, chiefKey, operatorKey } = await arakawaCase();
    const approved = (await gw.admin.query('select staff_id from account where system_id = $1 and operator_approved_at is not null limit 1', [y])).rows[0];
    const allowed = await gw.gql<Decision>(DECIDE, { s: approved.staff_id, y, at: AT_10 }, { token });
    expect(allowed.data!.accessDecision).toMatchObject({ allowed: true, reasons: [] });

    // A new account: its holder may not operate the system until the chief of a using section approves (ARK-10-1).
    const t = requestTools(gw);
    const operator = await t.holder('arakawa', operatorKey);
    const created = await gw.gql<{ createAccount: { id: string } }>(
      `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
      { i: { staffId: operator.staffId, systemId: y, authorityProfile: '照会・更新' } },
      { token: await gw.signIn('arakawa') },
    );
    expect(created.errors).toBeUndefined();
    const accountId = created.data!.createAccount.id;
    const refused = await gw.gql<Decision>(DECIDE, { s: operator.staffId, y, at: AT_10 }, { token });
    expect(refused.data!.accessDecision).toMatchObject({
      allowed: false,
      authority: null,
      ruleIds: ['ARK-10-1'],
      reasons: [{ code: 'OPERATOR_NOT_APPROVED', ruleIds: ['ARK-10-1'] }],
    });
    expect(refused.data!.accessDecision.reasons[0]!.message.ja).toContain('利用する課の長');
    expect(refused.data!.accessDecision.reasons[0]!.message.en).toContain('approved');

    // Someone who is not the chief of a using section cannot approve (ARK-10-1); nothing changes.
    const version = async () => (await gw.admin.query('select version, operator_approved_at from account where id = $1', [accountId])).rows[0];
    const before = await version();
    const self = await gw.gql(APPROVE, { id: accountId, v: before.version }, { token: operator.token });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', ruleIds: ['ARK-10-1'] });
    const registryAdmin = await gw.gql(APPROVE, { id: accountId, v: before.version }, { token: await gw.signIn('arakawa') });
    expect(registryAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await version()).toEqual(before);
    expect(
      (await gw.admin.query(`select count(*) from audit_event where action = 'account.operator_approve' and target_id = $1`, [accountId])).rows[0].count,
    ).toBe('0');

    // The chief approves: recorded with who and when, audited, and the holder may now operate (ARK-10-1).
    const chief = await t.holder('arakawa', chiefKey);
    // Approved now, before the instant asked about (the next business day).
    const ok = await gw.gql<{ approveAccountOperator: { operatorApprovedAt: string; operatorApprovedBy: { id: string } } }>(
      APPROVE,
      { id: accountId, v: before.version },
      { token: chief.token },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.approveAccountOperator.operatorApprovedBy.id).toBe(chief.staffId);
    const again = await gw.gql(APPROVE, { id: accountId, v: before.version + 1 }, { token: chief.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const audit = (
      await gw.admin.query(`select actor_staff_id, rule_ids from audit_event where action = 'account.operator_approve' and target_id = $1`, [accountId])
    ).rows;
    expect(audit).toEqual([{ actor_staff_id: chief.staffId, rule_ids: expect.arrayContaining(['ARK-10-1']) }]);
    const now = await gw.gql<Decision>(DECIDE, { s: operator.staffId, y, at: AT_10 }, { token });
    expect(now.data!.accessDecision).toMatchObject({ allowed: true, reasons: [] });
  });
});
