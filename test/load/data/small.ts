// A small municipality: one department of three sections, ten staff, three systems, two
// information assets and an account per staff member, as rows in memory.
import type { RulebookId } from '@tsukasa/domain';
import { AUTHORITY } from './audit-chain.ts';
import { CREATED, RULES, SMALL_CODE_PREFIX, SMALL_RULEBOOKS, T0, T1, april, day } from './constants.ts';
import type { Prng } from './prng.ts';
import type { Tables } from './tables.ts';
import { GIVEN, PREFECTURES, SURNAMES } from './vocabulary.ts';

export interface Small {
  id: string;
  code: string;
  staff: string[];
  systems: string[];
  rulebook: RulebookId;
  chief: string;
}

export function buildSmall(t: Tables, i: number, rnd: Prng, passwordHash: string): Small {
  const mid = rnd.uuid();
  const code = `${SMALL_CODE_PREFIX}${String(i).padStart(4, '0')}`;
  const rulebook = SMALL_RULEBOOKS[i % SMALL_RULEBOOKS.length]!;
  const legacy = i % 3 === 0;
  t.add('municipality', [
    mid,
    code,
    `ベンチ町${i}`,
    `Bench Town ${i}`,
    PREFECTURES[i % PREFECTURES.length]!,
    'Asia/Tokyo',
    legacy ? 'legacy_3_2_1' : 'guideline_2024',
    [rulebook],
    CREATED,
  ]);
  const dept = rnd.uuid();
  t.add('org_unit', [dept, mid, 'd0', null, '総務部', 'General Affairs Department', 'department', 0]);
  const deptHead = rnd.uuid();
  t.add('position', [deptHead, mid, 'd0.head', dept, '部長', '総務部長', 'head', 0]);
  const sections = ['総務課', '住民課', '情報政策課'].map((name, s) => {
    const id = rnd.uuid();
    t.add('org_unit', [id, mid, `d0.s${s}`, dept, name, `Section ${s + 1}`, 'section', s + 1]);
    const head = rnd.uuid();
    const member = rnd.uuid();
    t.add('position', [head, mid, `d0.s${s}.head`, id, '課長', `${name}長`, 'head', 1 + s * 2]);
    t.add('position', [member, mid, `d0.s${s}.member`, id, '係員', `${name}員`, 'member', 2 + s * 2]);
    return { id, head, member };
  });
  const holders = [deptHead, ...sections.map((s) => s.head), ...sections.map((s) => s.member), sections[2]!.member, sections[1]!.member, sections[0]!.member];
  const staff: string[] = [];
  holders.forEach((pos, n) => {
    const id = rnd.uuid();
    const [family, familyKana] = rnd.pick(SURNAMES);
    const [given, givenKana] = rnd.pick(GIVEN);
    const admin = n === 6; // a member of 情報政策課
    t.add('staff', [
      id,
      mid,
      `st${n}`,
      family,
      given,
      familyKana,
      givenKana,
      `S${String(n).padStart(4, '0')}`,
      `st${n}@${code}.example.lg.jp`,
      String(100 + n),
      `090-0000-${String(n).padStart(4, '0')}`,
      admin ? 'admin' : null,
      admin ? passwordHash : null,
      admin,
      0,
      null,
      CREATED,
    ]);
    t.add('position_tenure', [rnd.uuid(), mid, id, pos, april(2020 + rnd.int(6)), null]);
    staff.push(id);
  });
  const systems = ['住民記録システム', '税務システム', '財務会計システム'].map((name, s) => {
    const id = rnd.uuid();
    t.add('system', [
      id,
      mid,
      `sys${s}`,
      name,
      `${name.replace('システム', '')}に関する事務を処理する。`,
      sections[2]!.id,
      'digital_section',
      'in_service',
      rulebook,
      null,
      1,
      CREATED,
      CREATED,
    ]);
    t.add('system_using_org_unit', [id, sections[s]!.id, mid, 0]);
    if (s !== 2) t.add('system_using_org_unit', [id, sections[2]!.id, mid, 1]);
    return id;
  });
  for (let a = 0; a < 2; a++) {
    const assetId = rnd.uuid();
    t.add('information_asset', [
      assetId,
      mid,
      `asset${a}`,
      a ? '税務情報' : '住民情報',
      a ? '税務' : '住民記録',
      legacy ? '3' : '3A',
      '2',
      '2',
      rulebook === 'ARK' ? RULES.asset : [],
      1,
      CREATED,
      CREATED,
      'business',
    ]);
    t.add('information_asset_owner', [assetId, sections[a]!.head, mid, 0]);
    t.add('information_asset_system', [assetId, systems[a]!, mid]);
    if (a === 0) t.add('information_asset_system', [assetId, systems[2]!, mid]);
    t.add('data_item', [rnd.uuid(), mid, assetId, '氏名', 1, true, 0]);
    t.add('data_item', [rnd.uuid(), mid, assetId, '住所', 7, true, 1]);
  }
  staff.forEach((s, n) => {
    const from = new Date(T0 + rnd.int(T1 - T0 - 30 * day));
    // Approved as an operator when it began, as a town under ARK must (ARK-10-1).
    t.add('account', [
      rnd.uuid(),
      mid,
      s,
      systems[n % systems.length]!,
      rnd.pick(AUTHORITY),
      from,
      null,
      null,
      null,
      null,
      null,
      null,
      staff[0]!,
      from,
      [],
      1,
      from,
      from,
    ]);
  });
  return { id: mid, code, staff, systems, rulebook, chief: sections[0]!.head };
}
