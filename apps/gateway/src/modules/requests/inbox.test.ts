import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { requestTools, type RequestTools } from './requests.testing.ts';

let gw: TestGateway;
let t: RequestTools;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  t = requestTools(gw);
});
afterAll(() => gw.stop());

describe('the inbox', () => {
  it('fills a page with steps the viewer may take, reading past those they may not (their own request)', async () => {
    const chief = await t.holder('minato', 'mnt.hoken.fukushi.chief');
    const other = await t.holder('minato', 'mnt.akasaka.kumin.chief');
    const someone = (
      await t.q<{ id: string }>(`select id from staff where municipality_id = (select id from municipality where code = 'minato') and username = 'staff1'`)
    )[0]!.id;
    const content = { staffId: someone, currentAuthorityProfile: '照会', newAuthorityProfile: '照会・更新', reason: '担当業務の変更' };
    // The 保健福祉課長 files first (as a using section chief): he holds its judging step but may not take it.
    const own = await t.submit(chief, 'access_rights_update', 'mnt.welfare', content);
    const theirs = await t.submit(other, 'access_rights_update', 'mnt.welfare', content);
    const q = 'query($n: Int) { inbox(first: $n) { awaitingMe { request { id } } } }';
    const one = await gw.gql<{ inbox: { awaitingMe: { request: { id: string } }[] } }>(q, { n: 1 }, { token: chief.token });
    expect(one.data!.inbox.awaitingMe.map((i) => i.request.id)).toEqual([theirs.id]);
    const all = await gw.gql<{ inbox: { awaitingMe: { request: { id: string } }[] } }>(q, { n: 50 }, { token: chief.token });
    expect(all.data!.inbox.awaitingMe.map((i) => i.request.id)).not.toContain(own.id);
  });
});
