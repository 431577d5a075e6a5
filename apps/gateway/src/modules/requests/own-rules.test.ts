// A municipality sees the rules of its own rulebooks only. Request kinds defined by several
// rulebooks cite the rules of each (user addition: MNT-10, KTM-10, KWO-6; system modification:
// MNT-13, KWW-6, KTM-13, ARK-12, ARK-13); the API answers each municipality with its own, and what a
// request writes (the request, its audit events, the account it creates) cites its rulebook's.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { errorCode, requestTools, type RequestTools } from './requests.testing.ts';

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

const KINDS = `query($b: String) { requestKinds(rulebookId: $b) { key rulebookIds ruleIds fields { key ruleIds } } }`;
interface Kind {
  key: string;
  rulebookIds: string[];
  ruleIds: string[];
  fields: { key: string; ruleIds: string[] }[];
}

const prefix = (ruleId: string) => ruleId.slice(0, ruleId.indexOf('-'));
/** A day in Japan relative to today, as YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + 9 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('request kinds cite the rules of the viewer’s rulebooks only', () => {
  it.each([
    ['minato', ['MNT']],
    ['kawasaki', ['KWW', 'KWO']],
    ['kitami', ['KTM']],
    ['arakawa', ['ARK']],
  ])('%s', async (municipality, books) => {
    const token = await gw.signIn(municipality);
    const r = await gw.gql<{ requestKinds: Kind[] }>(KINDS, {}, { token });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const kinds = r.data!.requestKinds;
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      expect(
        kind.rulebookIds.every((b) => books.includes(b)),
        `${kind.key}: ${kind.rulebookIds}`,
      ).toBe(true);
      expect(kind.ruleIds.length, kind.key).toBeGreaterThan(0);
      const cited = [...kind.ruleIds, ...kind.fields.flatMap((f) => f.ruleIds)];
      expect(
        cited.filter((id) => !books.includes(prefix(id))),
        kind.key,
      ).toEqual([]);
    }
  });

  it('Minato’s request menu: user addition cites MNT-10 and MNT-11-1, system modification MNT-13', async () => {
    const token = await gw.signIn('minato');
    const kinds = (await gw.gql<{ requestKinds: Kind[] }>(KINDS, {}, { token })).data!.requestKinds;
    expect(kinds.find((k) => k.key === 'user_addition')).toMatchObject({ rulebookIds: ['MNT'], ruleIds: ['MNT-10', 'MNT-11-1'] });
    expect(kinds.find((k) => k.key === 'system_modification')).toMatchObject({ rulebookIds: ['MNT'], ruleIds: ['MNT-13'] });
    const rights = kinds.find((k) => k.key === 'access_rights_update')!;
    expect(rights.fields.find((f) => f.key === 'staffId')!.ruleIds).toEqual(['MNT-17-2']);
  });

  it('each kind names the paper form of the municipality’s rulebook, or none', async () => {
    const FORMS = `query($b: String) { requestKinds(rulebookId: $b) { key paperForm } }`;
    const forms = async (municipality: string, b: string | null = null) => {
      const r = await gw.gql<{ requestKinds: { key: string; paperForm: string | null }[] }>(FORMS, { b }, { token: await gw.signIn(municipality) });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return Object.fromEntries(r.data!.requestKinds.map((k) => [k.key, k.paperForm]));
    };
    const minato = await forms('minato');
    expect([minato.user_addition, minato.user_termination, minato.access_rights_update]).toEqual(['第1号様式', '第2号様式', '第6号様式']);
    // Kitami defines no forms; Kawasaki's ward office 第1号様式 is the form ledger (KWO-5-2), not an application.
    expect(Object.values(await forms('kitami')).filter((f) => f !== null)).toEqual([]);
    expect((await forms('kawasaki', 'KWO')).user_addition).toBeNull();
    expect((await forms('arakawa')).new_system_introduction).toBe('申請書及び必要性・費用・効果・代替手段等の資料');
  });

  it('another municipality’s rulebook is refused as bad input', async () => {
    const token = await gw.signIn('minato');
    for (const b of ['ARK', 'KTM', 'NOPE']) {
      const r = await gw.gql(KINDS, { b }, { token });
      expect(errorCode(r), JSON.stringify(r.errors)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(r.errors![0]!.extensions!.fieldErrors)).toContain('rulebookId');
    }
    const own = await gw.gql<{ requestKinds: Kind[] }>(KINDS, { b: 'MNT' }, { token });
    expect(own.errors).toBeUndefined();
  });

  it('a refused preview cites the rulebook’s own rules', async () => {
    const token = await gw.signIn('minato');
    const systemId = await t.systemId('mnt.welfare');
    const r = await gw.gql<{ previewRoute: { acceptable: boolean; errors: { path: string[]; ruleIds: string[] }[] } }>(
      `query($i: RequestInput!) { previewRoute(input: $i) { acceptable errors { path ruleIds } } }`,
      { i: { kindKey: 'access_rights_update', systemId, content: {} } },
      { token },
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.previewRoute.acceptable).toBe(false);
    const cited = r.data!.previewRoute.errors.flatMap((e) => e.ruleIds);
    expect(cited).toContain('MNT-17-2');
    expect(cited.filter((id) => prefix(id) !== 'MNT')).toEqual([]);
  });

  it('a Minato user addition, its audit events and the account it creates cite MNT rules only', async () => {
    const filer = await t.holder('minato', 'mnt.shiba.kumin.chief');
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const [newcomer] = await t.q<{ id: string }>(`select s.id from staff s join municipality m on m.id = s.municipality_id where m.code = 'minato'
      and not exists (select 1 from account a join system y on y.id = a.system_id where a.staff_id = s.id and y.key = 'mnt.welfare') order by s.id limit 1`);
    const filed = await t.submit(filer, 'user_addition', 'mnt.welfare', {
      staffId: newcomer!.id,
      authorityProfile: '照会',
      validFrom: day(0),
      validTo: day(365),
      reason: '人事異動による配属',
    });
    const loaded = await gw.gql<{ request: { ruleIds: string[] } }>(
      'query($id: ID!) { request(id: $id) { ruleIds } }',
      { id: filed.id },
      { token: filer.token },
    );
    expect(loaded.data!.request.ruleIds).toEqual(['MNT-10', 'MNT-11-1']);
    const { request } = await t.walk(filed, () => chief);
    expect(request.status).toBe('APPROVED');

    const events = await t.q<{ action: string; rule_ids: string[] }>(
      `select action, rule_ids from audit_event where target_id = $1 or after->>'requestUuid' = $1::text order by seq`,
      [filed.id],
    );
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['request.submit', 'request.approved', 'effect.create_accounts']));
    for (const e of events)
      expect(
        e.rule_ids.filter((id) => prefix(id) !== 'MNT'),
        e.action,
      ).toEqual([]);
    const [account] = await t.q<{ rule_ids: string[] }>(
      `select a.rule_ids from account a join system y on y.id = a.system_id where a.staff_id = $1 and y.key = 'mnt.welfare'`,
      [newcomer!.id],
    );
    expect(account!.rule_ids).toEqual(['MNT-10', 'MNT-11-1']);
  });
});
