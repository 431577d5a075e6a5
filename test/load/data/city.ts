// The large city: organisation, staff and their positions, contractors, systems, information
// assets and accounts, as rows in memory.
import { AUTHORITY } from './audit-chain.ts';
import { CITY_CODE, CREATED, RULES, T0, T1, april, day } from './constants.ts';
import type { Prng } from './prng.ts';
import type { BenchSizes } from './sizes.ts';
import type { Tables } from './tables.ts';
import { DATA_ITEMS, DEPARTMENTS, GIVEN, SECTION_STEMS, SURNAMES, SYSTEM_NAMES, UNITS } from './vocabulary.ts';

interface Position {
  id: string;
  orgUnitId: string;
  sectionId: string;
  kind: 'head' | 'member';
}

export interface City {
  id: string;
  staff: string[];
  /** The section of each staff member's current position. */
  staffSection: string[];
  sectionHeadPositions: string[];
  /** Position of each section's head, by section id. */
  headOfSection: Map<string, string>;
  systems: string[];
  /** The digital section head's position: the approver of the inbox benchmark. */
  approverPositionId: string;
}

export function buildCity(t: Tables, sizes: BenchSizes, rnd: Prng, passwordHash: string): City {
  const mid = rnd.uuid();
  t.add('municipality', [mid, CITY_CODE, '大規模市', 'Large City (benchmark)', '東京都', 'Asia/Tokyo', 'guideline_2024', ['ARK'], CREATED]);
  // Organisation: departments → sections → units, sized from the staff count (about 55 staff a unit).
  const units = Math.max(3, Math.round(sizes.cityStaff / 55));
  const sectionsCount = Math.max(1, Math.round(units / 3));
  const deptCount = Math.max(1, Math.round(sectionsCount / 12));
  const positions: Position[] = [];
  const sections: { id: string; name: string }[] = [];
  let sort = 0;
  const addPosition = (key: string, orgUnitId: string, sectionId: string, title: string, name: string, kind: 'head' | 'member') => {
    const id = rnd.uuid();
    t.add('position', [id, mid, key, orgUnitId, title, name, kind, positions.length]);
    positions.push({ id, orgUnitId, sectionId, kind });
    return id;
  };
  const deptIds: string[] = [];
  for (let d = 0; d < deptCount; d++) {
    const id = rnd.uuid();
    const name = d < DEPARTMENTS.length ? DEPARTMENTS[d]! : `第${d + 1}事業部`;
    t.add('org_unit', [id, mid, `d${d}`, null, name, `Department ${d + 1}`, 'department', sort++]);
    addPosition(`d${d}.head`, id, id, '部長', `${name}長`, 'head');
    deptIds.push(id);
  }
  const headOfSection = new Map<string, string>();
  const sectionHeadPositions: string[] = [];
  const unitMembers: Position[] = [];
  for (let s = 0; s < sectionsCount; s++) {
    const d = s % deptCount;
    const id = rnd.uuid();
    const name =
      s === 0
        ? 'デジタル推進課'
        : `${DEPARTMENTS[d % DEPARTMENTS.length]!.replace(/部$|事務局$|所$/, '')}${SECTION_STEMS[Math.floor(s / deptCount) % SECTION_STEMS.length]}${s >= deptCount * SECTION_STEMS.length ? `第${s}` : ''}課`;
    t.add('org_unit', [id, mid, `d${d}.s${s}`, deptIds[d]!, name, s === 0 ? 'Digital Promotion Section' : `Section ${s + 1}`, 'section', sort++]);
    sections.push({ id, name });
    const head = addPosition(`d${d}.s${s}.head`, id, id, '課長', `${name}長`, 'head');
    headOfSection.set(id, head);
    sectionHeadPositions.push(head);
  }
  for (let u = 0; u < units; u++) {
    const section = sections[u % sections.length]!;
    const id = rnd.uuid();
    const unitName = `${UNITS[Math.floor(u / sections.length) % UNITS.length]}係`;
    t.add('org_unit', [id, mid, `u${u}`, section.id, unitName, `Unit ${u + 1}`, 'unit', sort++]);
    addPosition(`u${u}.head`, id, section.id, '係長', `${section.name}${unitName}長`, 'head');
    addPosition(`u${u}.member`, id, section.id, '係員', `${section.name}${unitName}員`, 'member');
    unitMembers.push(positions.at(-1)!);
  }
  // Staff: one per head position, in order (so the first section's head, the approver, is known),
  // the rest spread over the units' member positions.
  const heads = positions.filter((p) => p.kind === 'head');
  const staff: string[] = [];
  const staffSection: string[] = [];
  const approverPositionId = headOfSection.get(sections[0]!.id)!;
  let approver = '';
  let admin = '';
  for (let i = 0; i < sizes.cityStaff; i++) {
    const pos = i < heads.length ? heads[i]! : i === heads.length ? unitMembers[0]! : rnd.pick(unitMembers);
    const id = rnd.uuid();
    const [family, familyKana] = rnd.pick(SURNAMES);
    const [given, givenKana] = rnd.pick(GIVEN);
    let username: string | null = null;
    if (pos.id === approverPositionId) {
      username = 'approver';
      approver = id;
    }
    if (i === heads.length) {
      username = 'admin'; // a member of the digital section's first unit
      admin = id;
    }
    t.add('staff', [
      id,
      mid,
      `st${i}`,
      family,
      given,
      familyKana,
      givenKana,
      `B${String(i).padStart(6, '0')}`,
      `st${i}@bench-city.example.lg.jp`,
      String(2000 + (i % 8000)),
      `090-${String(rnd.int(10_000)).padStart(4, '0')}-${String(rnd.int(10_000)).padStart(4, '0')}`,
      username,
      username ? passwordHash : null,
      username === 'admin',
      0,
      null,
      CREATED,
    ]);
    staff.push(id);
    staffSection.push(pos.sectionId);
    const from = april(2019 + rnd.int(8));
    t.add('position_tenure', [rnd.uuid(), mid, id, pos.id, from, null]);
    if (rnd.chance(0.3)) {
      // An earlier position, ended when the current one started (personnel changes on 1 April).
      const earlier = rnd.pick(positions);
      t.add('position_tenure', [rnd.uuid(), mid, id, earlier.id, april(Number(from.slice(0, 4)) - rnd.between(2, 5)), from]);
    }
  }
  if (!admin || !approver) throw new Error('the large city needs at least one unit member and the digital section head');
  // Contractors, systems, assets.
  const contractors: string[] = [];
  for (let c = 0; c < Math.max(5, Math.round(sizes.citySystems / 25)); c++) {
    const id = rnd.uuid();
    t.add('contractor', [id, mid, `c${c}`, `株式会社ベンチ情報${c + 1}`]);
    for (let p = 0; p < 2; p++)
      t.add('contractor_person', [
        rnd.uuid(),
        mid,
        id,
        `c${c}.p${p}`,
        `受託者${c + 1}-${p + 1}`,
        `p${p}@c${c}.example.co.jp`,
        `03-0000-${String(c * 2 + p).padStart(4, '0')}`,
      ]);
    contractors.push(id);
  }
  const systems: string[] = [];
  const inServiceSystems: string[] = [];
  let assetNo = 0;
  for (let s = 0; s < sizes.citySystems; s++) {
    const id = rnd.uuid();
    const digital = rnd.chance(0.4);
    const section = digital ? sections[0]! : rnd.pick(sections);
    const base = SYSTEM_NAMES[s % SYSTEM_NAMES.length]!;
    const name = `${base}システム${s >= SYSTEM_NAMES.length ? ` ${Math.floor(s / SYSTEM_NAMES.length) + 1}` : ''}`;
    const r = rnd.float();
    const status = r < 0.85 ? 'in_service' : r < 0.9 ? 'proposed' : r < 0.95 ? 'under_change' : r < 0.98 ? 'retiring' : 'retired';
    const updated = new Date(T0 + rnd.int(T1 - T0));
    t.add('system', [
      id,
      mid,
      `sys${s}`,
      name,
      `${base}に関する事務を処理する。`,
      section.id,
      digital ? 'digital_section' : 'system_section',
      status,
      'ARK',
      rnd.chance(0.7) ? rnd.pick(contractors) : null,
      1,
      CREATED,
      updated,
    ]);
    systems.push(id);
    if (status === 'in_service') inServiceSystems.push(id);
    const using = new Set([section.id, ...rnd.sample(sections, rnd.between(0, 4)).map((x) => x.id)]);
    [...using].forEach((ou, i) => t.add('system_using_org_unit', [id, ou, mid, i]));
    for (let a = 0, n = rnd.chance(0.5) ? 2 : 1; a < n; a++) {
      const assetId = rnd.uuid();
      t.add('information_asset', [
        assetId,
        mid,
        `asset${assetNo++}`,
        `${name}の情報資産${a ? '（帳票）' : ''}`,
        base,
        rnd.pick(['3A', '3B', '3C', '2']),
        rnd.pick(['2', '1']),
        rnd.pick(['2', '1']),
        RULES.asset,
        1,
        CREATED,
        CREATED,
        'business',
      ]);
      const owners = new Set([headOfSection.get(section.id)!, ...(rnd.chance(0.3) ? [rnd.pick(sectionHeadPositions)] : [])]);
      [...owners].forEach((p, i) => t.add('information_asset_owner', [assetId, p, mid, i]));
      t.add('information_asset_system', [assetId, id, mid]);
      if (s > 0 && rnd.chance(0.1)) t.add('information_asset_system', [assetId, systems[rnd.int(s)]!, mid]);
      for (const [i, [itemName, personal, basic]] of rnd.sample(DATA_ITEMS, rnd.between(3, 6)).entries()) {
        t.add('data_item', [rnd.uuid(), mid, assetId, itemName, basic, personal, i]);
      }
    }
  }
  // Accounts: each staff member on a few distinct systems in service.
  const accountSystems = inServiceSystems.length ? inServiceSystems : systems;
  for (let i = 0; i < staff.length; i++) {
    for (const sys of rnd.sample(accountSystems, sizes.accountsPerStaff)) {
      const from = new Date(T0 + rnd.int(T1 - T0 - 30 * day));
      const r = rnd.float();
      const ended = r < 0.04;
      const suspended = !ended && r < 0.07;
      const expires = !ended && !suspended && r < 0.12;
      t.add('account', [
        rnd.uuid(),
        mid,
        staff[i]!,
        sys,
        rnd.pick(AUTHORITY),
        from,
        expires ? new Date(from.getTime() + 365 * day) : null,
        null,
        suspended ? new Date(from.getTime() + 10 * day) : null,
        suspended ? '長期休業のため' : null,
        ended ? new Date(from.getTime() + 20 * day) : null,
        ended ? '異動のため' : null,
        // Approved as an operator when it began (ARK-10-1); who approved is not what the benchmark measures.
        staff[0]!,
        from,
        RULES.account,
        1,
        from,
        from,
      ]);
    }
  }
  return { id: mid, staff, staffSection, sectionHeadPositions, headOfSection, systems, approverPositionId };
}
