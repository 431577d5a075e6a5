// Demo data of "who may use what": derived deterministically from each municipality's seed, so it
// follows the org chart and the people generated for it.
import { fiscalYearOf, localParts } from '@tsukasa/domain';
import type { InformationAssetSeed, MunicipalitySeed, PositionSeed, StaffSeed } from './seed.types.ts';
import type { RuleId } from '@tsukasa/domain';

export interface AccountSeed {
  key: string;
  staffKey: string;
  systemKey: string;
  authorityProfile: string;
  validFrom: string;
  validTo?: string;
  dutyPositionKey?: string;
  suspendedAt?: string;
  suspensionReason?: string;
  /** The rules of the suspension's ground (KTM-10-4 on a privacy-law breach). */
  suspensionRuleIds?: RuleId[];
  /** KTM-12-1: what the account is used for. */
  purpose?: string;
  /** ARK-10-1: the using section chief who approved the holder as an operator, and when. */
  operatorApprovedByKey?: string;
  operatorApprovedAt?: string;
  ruleIds: RuleId[];
}

export interface GrantSeed {
  key: string;
  assetKey: string;
  granteeKey: string;
  positionKey?: string;
  validFrom: string;
  validTo?: string;
  suspendedAt?: string;
  fields?: string[];
  purpose: string;
  requestedByKey: string;
  approvals: { ownerPositionKey: string; approvedByKey: string }[];
}

export interface DeputationSeed {
  key: string;
  deputyKey: string;
  principalPositionKey: string;
  rulebookId: 'MNT' | 'KWW' | 'KWO' | 'KTM' | 'ARK';
  roleKeys: string[];
  from: string;
  ruleIds: RuleId[];
}

/** A declared absence of a position's holder, days inclusive (KTM-3-6: the deputy acts only then). */
export interface AbsenceSeed {
  key: string;
  positionKey: string;
  absentStaffKey: string;
  from: string;
  to: string;
  reason: string;
  declaredByKey: string;
}

export interface DesignationSeed {
  key: string;
  assetKey: string;
  staffKey: string;
  designatedByKey: string;
  orgUnitKey: string;
  outsideSupervision: boolean;
  permittedByKey?: string;
  validFrom: string;
  ruleIds: RuleId[];
}

export interface ContactNetworkSeed {
  key: string;
  systemKey: string;
  name: string;
  ruleIds: RuleId[];
  members: { duty: string; staffKey?: string; contractorPersonKey?: string; canInform: boolean; canDecide: boolean; phone: string }[];
}

export interface AccessDemo {
  protectedAssets: InformationAssetSeed[];
  accounts: AccountSeed[];
  grants: GrantSeed[];
  deputations: DeputationSeed[];
  absences: AbsenceSeed[];
  designations: DesignationSeed[];
  contactNetworks: ContactNetworkSeed[];
  systemSecurity: { systemKey: string; networkDescription: string; vulnerabilityNotes: string }[];
}

const FY_START = '2024-04-01T00:00:00+09:00';

/**
 * Dates of the demo that lie ahead of (or just behind) the day it is loaded, as a municipality that
 * loads it then would have them: grants valid through next fiscal year, a suspension last autumn.
 * Dates of finished history (the 2024 personnel transfer, a 令和6年度 grant that expired) stay fixed.
 */
export interface DemoDates {
  /** 年度 of the day the demo is loaded. */
  fiscalYear: number;
  /** First day of the month the demo is loaded in (YYYY-MM-DD). */
  monthStart: string;
}

export function demoDatesAt(asOf: Date): DemoDates {
  const today = localParts(asOf, 'Asia/Tokyo').date;
  return { fiscalYear: fiscalYearOf(today), monthStart: `${today.slice(0, 7)}-01` };
}

/** 00:00 Japan time on 1 April of a fiscal year. */
const fyStart = (fy: number) => `${fy}-04-01T00:00:00+09:00`;
/** 24:00 Japan time on 31 March at the end of a fiscal year. */
const fyEnd = (fy: number) => `${fy + 1}-03-31T15:00:00Z`;
/** Last autumn: always behind the day the demo is loaded. */
const lastAutumn = (d: DemoDates) => `${d.fiscalYear - 1}-10-01T09:00:00+09:00`;

/** The section (課) and department of the municipality's IT division, per municipality. */
const IT_CHIEF: Record<string, string> = {
  minato: 'mnt.hoken.fukushi.chief',
  kawasaki: 'kaw.kenko.somu.system.chief',
  kitami: 'ktm.shimin.madoguchi.chief',
  arakawa: 'ark.kanri.digital.chief',
};

class Index {
  readonly positions: Map<string, PositionSeed>;
  readonly holder = new Map<string, StaffSeed>();
  constructor(readonly m: MunicipalitySeed) {
    this.positions = new Map(m.positions.map((p) => [p.key, p]));
    for (const s of m.staff) for (const t of s.tenures) if (!t.to) this.holder.set(t.positionKey, s);
  }
  position(key: string): PositionSeed {
    const p = this.positions.get(key);
    if (!p) throw new Error(`${this.m.code}: unknown position ${key}`);
    return p;
  }
  positionNamed(name: string): PositionSeed | undefined {
    return this.m.positions.find((p) => p.name === name);
  }
  holderOf(positionKey: string): StaffSeed {
    const s = this.holder.get(positionKey);
    if (!s) throw new Error(`${this.m.code}: position ${positionKey} is vacant`);
    return s;
  }
  /** The holder of the head position of the first of the units that has one (the chief of a using section). */
  usingSectionChief(orgUnitKeys: string[]): StaffSeed | undefined {
    for (const unit of orgUnitKeys) {
      const head = this.m.positions.find((p) => p.orgUnitKey === unit && p.kind === 'head');
      const holder = head && this.holder.get(head.key);
      if (holder) return holder;
    }
    return undefined;
  }
  user(username: string): StaffSeed {
    const s = this.m.staff.find((x) => x.username === username);
    if (!s) throw new Error(`${this.m.code}: no user ${username}`);
    return s;
  }
  currentPosition(s: StaffSeed): PositionSeed {
    const t = s.tenures.find((x) => !x.to);
    if (!t) throw new Error(`${this.m.code}: ${s.key} holds no position`);
    return this.position(t.positionKey);
  }
  /** Current staff of org units (and their 係), heads first. */
  staffOf(orgUnitKeys: string[]): { staff: StaffSeed; position: PositionSeed }[] {
    const inUnit = (unitKey: string, target: string): boolean => {
      for (let k: string | undefined = unitKey; k; k = this.m.orgUnits.find((o) => o.key === k)?.parentKey) if (k === target) return true;
      return false;
    };
    const out: { staff: StaffSeed; position: PositionSeed }[] = [];
    for (const s of this.m.staff) {
      for (const t of s.tenures) {
        if (t.to) continue;
        const p = this.position(t.positionKey);
        if (orgUnitKeys.some((u) => inUnit(p.orgUnitKey, u))) out.push({ staff: s, position: p });
      }
    }
    return out.sort((a, b) => (a.position.kind === 'head' ? 0 : 1) - (b.position.kind === 'head' ? 0 : 1) || a.staff.key.localeCompare(b.staff.key));
  }
}

function protectedAssets(m: MunicipalitySeed, ix: Index): InformationAssetSeed[] {
  const p = m.code === 'minato' ? 'mnt' : m.code === 'kawasaki' ? 'kaw' : m.code === 'kitami' ? 'ktm' : 'ark';
  const it = IT_CHIEF[m.code]!;
  const hr = ix.positionNamed('職員課長')?.key ?? it;
  const systems = m.systems.map((s) => s.key);
  const base = { business: '情報システムの管理', systemKeys: systems, dataItems: [], ruleIds: [] as RuleId[] };
  return [
    {
      ...base,
      key: `${p}.asset.staff-contacts`,
      kind: 'staff_contacts',
      name: '職員の個人連絡先',
      ownerPositionKeys: [hr],
      classification: { confidentiality: m.classificationScale === 'legacy_3_2_1' ? '3' : '3B', integrity: '2', availability: '2' },
    },
    {
      ...base,
      key: `${p}.asset.contractor-contacts`,
      kind: 'contractor_contacts',
      name: '委託事業者の連絡先',
      ownerPositionKeys: [it],
      classification: { confidentiality: '2', integrity: '2', availability: '2' },
    },
    {
      ...base,
      key: `${p}.asset.system-security`,
      kind: 'system_security',
      name: 'システムのセキュリティ情報（ネットワーク構成・脆弱性・障害詳細）',
      ownerPositionKeys: [it],
      classification: { confidentiality: m.classificationScale === 'legacy_3_2_1' ? '3' : '3A', integrity: '2', availability: '2' },
    },
    {
      ...base,
      key: `${p}.asset.emergency-contacts`,
      kind: 'emergency_contacts',
      name: '障害発生時の緊急連絡網',
      ownerPositionKeys: [it],
      classification: { confidentiality: m.classificationScale === 'legacy_3_2_1' ? '3' : '3B', integrity: '2', availability: '2' },
    },
  ];
}

/** Basis of holding an account, by rulebook (who judged and created it). */
const accountBasis: Record<string, RuleId[]> = {
  MNT: ['MNT-10-2'],
  KTM: ['KTM-10-3', 'KTM-11'],
  KWW: ['KWW-8-3'],
  KWO: ['KWO-6'],
  ARK: ['ARK-10'],
};

function accounts(m: MunicipalitySeed, ix: Index, dates: DemoDates): AccountSeed[] {
  const out: AccountSeed[] = [];
  for (const system of m.systems) {
    const users = ix.staffOf(system.usingOrgUnitKeys).slice(0, m.code === 'arakawa' ? 4 : 40);
    const admin = ix.user('admin');
    if (!users.some((u) => u.staff.key === admin.key)) users.push({ staff: admin, position: ix.currentPosition(admin) });
    for (const [i, { staff, position }] of users.entries()) {
      const a: AccountSeed = {
        key: `${system.key}#${staff.key}`,
        staffKey: staff.key,
        systemKey: system.key,
        authorityProfile: staff.key === admin.key ? 'システム管理者' : position.kind === 'head' ? '照会・承認' : '照会・更新',
        validFrom: FY_START,
        ruleIds: accountBasis[system.rulebookId] ?? [],
      };
      // MNT-11: an end date declared at application; one already passed.
      if (system.rulebookId === 'MNT' && i % 5 === 3) a.validTo = fyEnd(dates.fiscalYear + 1);
      if (system.rulebookId === 'MNT' && i === 8) a.validTo = '2025-03-31T15:00:00Z';
      // KTM-11: valid while the holder has the duty.
      if (system.rulebookId === 'KTM') a.dutyPositionKey = position.key;
      // KTM-12-1: the counter support system is used for the holder's own duties.
      if (system.rulebookId === 'KTM')
        a.purpose = staff.key === admin.key ? 'システムの管理（所掌する事務の処理）' : '窓口での届出・申請の受付（所掌する事務の処理）';
      // ARK-10-1: operated only by those the chief of a using section approved.
      if (system.rulebookId === 'ARK') {
        const chief = ix.usingSectionChief(system.usingOrgUnitKeys);
        if (chief) Object.assign(a, { operatorApprovedByKey: chief.key, operatorApprovedAt: FY_START });
      }
      out.push(a);
    }
  }
  if (m.code === 'kitami') {
    // KTM-10-4: suspended on a suspected breach of the personal-information law, the section head told.
    const u = ix.user('staff1');
    const acc = out.find((a) => a.staffKey === u.key)!;
    acc.suspendedAt = lastAutumn(dates);
    acc.suspensionReason = '個人情報の保護に関する法律第69条第1項に抵触するおそれ';
    acc.suspensionRuleIds = ['KTM-10-4'];
    acc.ruleIds = [...acc.ruleIds, 'KTM-10-4'];
    // A past holder whose duty ended at the personnel transfer (KTM-11): the account is kept, and refused.
    const counter = m.systems.find((s) => s.key === 'ktm.counter')!;
    const past = m.staff.find(
      (s) => s.tenures.some((t) => t.to && counter.usingOrgUnitKeys.includes(ix.position(t.positionKey).orgUnitKey)) && !out.some((a) => a.staffKey === s.key),
    );
    if (past) {
      const t = past.tenures.find((x) => x.to)!;
      out.push({
        key: `ktm.counter#${past.key}#past`,
        staffKey: past.key,
        systemKey: 'ktm.counter',
        authorityProfile: '照会・更新',
        validFrom: '2022-04-01T00:00:00+09:00',
        dutyPositionKey: t.positionKey,
        purpose: '窓口での届出・申請の受付（所掌する事務の処理）',
        ruleIds: ['KTM-10-3', 'KTM-11'],
      });
    }
  }
  return out;
}

function grants(m: MunicipalitySeed, ix: Index, assets: InformationAssetSeed[], dates: DemoDates): GrantSeed[] {
  const thisYear = fyStart(dates.fiscalYear);
  const throughNextYear = fyStart(dates.fiscalYear + 2);
  const all = [...m.informationAssets, ...assets];
  const asset = (key: string) => all.find((a) => a.key === key)!;
  const approvedByAll = (assetKey: string) => asset(assetKey).ownerPositionKeys.map((o) => ({ ownerPositionKey: o, approvedByKey: ix.holderOf(o).key }));
  const g = (x: Omit<GrantSeed, 'requestedByKey' | 'approvals'> & { approvals?: GrantSeed['approvals'] }): GrantSeed => ({
    requestedByKey: x.granteeKey,
    approvals: x.approvals ?? approvedByAll(x.assetKey),
    ...x,
  });
  const staff1 = ix.user('staff1');
  const admin = ix.user('admin');
  switch (m.code) {
    case 'arakawa':
      return [
        g({
          key: 'ark.grant.records',
          assetKey: 'ark.asset.resident-record',
          granteeKey: staff1.key,
          positionKey: ix.currentPosition(staff1).key,
          validFrom: thisYear,
          validTo: throughNextYear,
          purpose: '住民記録事務（転入届の審査）',
        }),
        g({
          key: 'ark.grant.security',
          assetKey: 'ark.asset.system-security',
          granteeKey: admin.key,
          positionKey: ix.currentPosition(admin).key,
          validFrom: thisYear,
          purpose: 'システム運用（ネットワーク・脆弱性の管理）',
        }),
      ];
    case 'kawasaki':
      return [
        g({
          key: 'kaw.grant.care',
          assetKey: 'kaw.asset.long-term-care',
          granteeKey: admin.key,
          positionKey: ix.currentPosition(admin).key,
          validFrom: thisYear,
          validTo: throughNextYear,
          purpose: '介護保険システムの改修に伴うデータ確認',
        }),
        // Pending: two of the four owners of 介護保険 have approved (KWW-5-2).
        g({
          key: 'kaw.grant.care-pending',
          assetKey: 'kaw.asset.long-term-care',
          granteeKey: staff1.key,
          validFrom: `${dates.monthStart}T00:00:00+09:00`,
          purpose: '窓口での介護保険資格の確認',
          approvals: approvedByAll('kaw.asset.long-term-care').slice(0, 2),
        }),
      ];
    case 'minato':
      return [
        g({
          key: 'mnt.grant.elderly-expired',
          assetKey: 'mnt.asset.elderly',
          granteeKey: staff1.key,
          positionKey: ix.currentPosition(staff1).key,
          validFrom: '2024-04-01T00:00:00+09:00',
          validTo: '2025-04-01T00:00:00+09:00',
          purpose: '高齢者実態調査（令和6年度）',
        }),
      ];
    default:
      return [
        g({
          key: 'ktm.grant.reception-suspended',
          assetKey: 'ktm.asset.reception-records',
          granteeKey: staff1.key,
          positionKey: ix.currentPosition(staff1).key,
          validFrom: fyStart(dates.fiscalYear - 1),
          suspendedAt: lastAutumn(dates),
          purpose: '窓口受付記録の照会',
        }),
      ];
  }
}

function deputations(m: MunicipalitySeed, ix: Index): DeputationSeed[] {
  switch (m.code) {
    case 'minato':
      return [
        {
          key: 'mnt.deputy.coordinator',
          deputyKey: ix.holderOf('mnt.hoken.fukushi.kanri.coordinator').key,
          principalPositionKey: 'mnt.hoken.fukushi.chief',
          rulebookId: 'MNT',
          roleKeys: ['welfare_section_chief'],
          from: '2024-04-01',
          ruleIds: ['MNT-6-4'],
        },
      ];
    case 'kitami':
      return [
        {
          key: 'ktm.deputy.madoguchi',
          deputyKey: ix.holderOf('ktm.shimin.madoguchi.chief').key,
          principalPositionKey: 'ktm.shimin.director',
          rulebookId: 'KTM',
          roleKeys: ['general_manager'],
          from: '2024-04-01',
          ruleIds: ['KTM-3-6'],
        },
      ];
    case 'kawasaki':
      return [
        {
          key: 'kaw.deputy.system',
          deputyKey: ix.holderOf('kaw.kenko.somu.system.chief').key,
          principalPositionKey: 'kaw.kenko.somu.director',
          rulebookId: 'KWW',
          roleKeys: ['system_supervisor'],
          from: '2024-04-01',
          ruleIds: ['KWW-4-1'],
        },
      ];
    default:
      return [];
  }
}

function designations(m: MunicipalitySeed, ix: Index, dates: DemoDates): DesignationSeed[] {
  if (m.code !== 'kawasaki') return [];
  const out: DesignationSeed[] = [];
  const managers = m.roleBindings.filter((b) => b.rulebookId === 'KWO' && b.roleKey === 'system_usage_manager');
  for (const b of managers.slice(0, 3)) {
    const unit = ix.position(b.positionKey).orgUnitKey;
    const chief = ix.holderOf(b.positionKey);
    for (const { staff } of ix
      .staffOf([unit])
      .filter((x) => x.staff.key !== chief.key)
      .slice(0, 2)) {
      out.push({
        key: `kwo.designation#${staff.key}`,
        assetKey: 'kaw.asset.resident-seal',
        staffKey: staff.key,
        designatedByKey: chief.key,
        orgUnitKey: unit,
        outsideSupervision: false,
        validFrom: FY_START,
        ruleIds: ['KWO-5-1', 'KWO-6'],
      });
    }
  }
  // KWO-6: a helper from another ward, designated with the 情報資産管理責任者's prior permission.
  const first = managers[0]!;
  const firstUnit = ix.position(first.positionKey).orgUnitKey;
  // Someone from another using place: a member of another ward's section, or else the IT administrator.
  const others = managers
    .slice(1)
    .flatMap((m) => ix.staffOf([ix.position(m.positionKey).orgUnitKey]))
    .filter((x) => x.position.kind !== 'head');
  const other = others[0] ?? (ix.staffOf([firstUnit]).some((x) => x.staff.key === ix.user('admin').key) ? undefined : { staff: ix.user('admin') });
  if (other) {
    out.push({
      key: `kwo.designation#${other.staff.key}#support`,
      assetKey: 'kaw.asset.resident-seal',
      staffKey: other.staff.key,
      designatedByKey: ix.holderOf(first.positionKey).key,
      orgUnitKey: ix.position(first.positionKey).orgUnitKey,
      outsideSupervision: true,
      permittedByKey: ix.holderOf('kaw.shimin.seikatsu.koseki.chief').key,
      validFrom: fyStart(dates.fiscalYear),
      ruleIds: ['KWO-6'],
    });
  }
  return out;
}

function contactNetworks(m: MunicipalitySeed, ix: Index): ContactNetworkSeed[] {
  const contractor = m.contractors[0];
  const person = contractor?.people[0];
  const phoneOf = (s: StaffSeed) => s.personalPhone;
  const staffMember = (duty: string, positionKey: string, canDecide: boolean) => {
    const s = ix.holderOf(positionKey);
    return { duty, staffKey: s.key, canInform: true, canDecide, phone: phoneOf(s) };
  };
  const vendor = person ? [{ duty: '保守事業者窓口', contractorPersonKey: person.key, canInform: true, canDecide: false, phone: person.phone }] : [];
  const admin = ix.user('admin');
  const adminPos = ix.currentPosition(admin).key;
  switch (m.code) {
    case 'minato':
      return [
        {
          key: 'mnt.network.welfare',
          systemKey: 'mnt.welfare',
          name: '福祉総合システム障害時連絡網',
          ruleIds: ['MNT-22-4'],
          members: [
            staffMember('保健福祉課長（判断）', 'mnt.hoken.fukushi.chief', true),
            staffMember('システム総括担当者（連絡）', adminPos, false),
            ...vendor,
          ],
        },
      ];
    case 'kawasaki':
      return [
        {
          key: 'kaw.network.welfare',
          systemKey: 'kww.welfare',
          name: '福祉総合情報システム緊急連絡体制',
          ruleIds: ['KWW-9-1', 'KWW-9-2'],
          members: [
            staffMember('システム管理者（判断）', 'kaw.kenko.somu.system.chief', true),
            staffMember('システム運用担当者（情報提供）', adminPos, false),
            ...vendor,
          ],
        },
        {
          key: 'kaw.network.ward',
          systemKey: 'kwo.ward-office',
          name: '区役所事務サービスシステム緊急時連絡網',
          ruleIds: ['KWO-10'],
          members: [
            staffMember('システム管理責任者（判断）', 'kaw.shimin.seikatsu.koseki.chief', true),
            staffMember('川崎区役所区民課長（情報提供）', 'kaw.ward.kawasaki.kumin.chief', false),
            ...vendor,
          ],
        },
      ];
    case 'kitami':
      return [
        {
          key: 'ktm.network.counter',
          systemKey: 'ktm.counter',
          name: '窓口支援システム緊急連絡体制',
          ruleIds: ['KTM-14-1', 'KTM-14-4'],
          members: [
            staffMember('統括管理者（判断）', 'ktm.shimin.director', true),
            staffMember('副統括管理者（判断）', 'ktm.shimin.madoguchi.chief', true),
            staffMember('窓口課担当（情報提供）', adminPos, false),
            ...vendor,
          ],
        },
      ];
    default:
      return [
        {
          key: 'ark.network.resident',
          systemKey: 'ark.sys.resident-record',
          name: '住民記録システム緊急時連絡網',
          ruleIds: ['ARK-28-1'],
          members: [staffMember('デジタル推進課長（判断）', 'ark.kanri.digital.chief', true), staffMember('運用担当（情報提供）', adminPos, false), ...vendor],
        },
        // Names only people who inform: flagged, since nobody in it can decide (KWW-9-2 / KTM-14-4 standard).
        {
          key: 'ark.network.tax',
          systemKey: 'ark.sys.tax',
          name: '税務システム緊急時連絡網',
          ruleIds: ['ARK-28-1'],
          members: [staffMember('運用担当（情報提供）', adminPos, false), ...vendor],
        },
      ];
  }
}

function systemSecurity(m: MunicipalitySeed): AccessDemo['systemSecurity'] {
  return m.systems.slice(0, 3).map((s, i) => ({
    systemKey: s.key,
    networkDescription: `基幹系ネットワーク（LGWAN接続系）VLAN ${110 + i}、業務サーバ 10.${20 + i}.0.0/24、インターネット分離（三層分離）`,
    vulnerabilityNotes:
      i === 0 ? 'ミドルウェアの脆弱性（CVSS 7.5）について保守事業者が修正版を適用予定（令和8年12月）' : '未対応の既知の脆弱性なし（令和8年10月点検）',
  }));
}

/** The first day (YYYY-MM-DD) of the month `months` after the one starting on `monthStart`. */
function monthStartOf(monthStart: string, months: number): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The last day (YYYY-MM-DD) of the month `months` after the one starting on `monthStart`. */
function monthEnd(monthStart: string, months: number): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}

/**
 * KTM-3-6: the 副統括管理者 acts for the 統括管理者 only 「事故があるとき」. The demo's 市民環境部長 is on
 * sick leave from the start of the month before the demo is loaded (so that it covers the weeks its
 * workflows are dated back into) through the end of the month after next, declared by the registry
 * administrator; outside it the deputy does not act for them.
 */
function absences(m: MunicipalitySeed, ix: Index, dates: DemoDates): AbsenceSeed[] {
  if (m.code !== 'kitami') return [];
  const position = 'ktm.shimin.director';
  return [
    {
      key: 'ktm.absence.director',
      positionKey: position,
      absentStaffKey: ix.holderOf(position).key,
      from: monthStartOf(dates.monthStart, -1),
      to: monthEnd(dates.monthStart, 2),
      reason: '病気療養のため（統括管理者の事故）',
      declaredByKey: ix.user('admin').key,
    },
  ];
}

/** The access demo of a municipality as loaded at `asOf` (the seeding clock). */
export function demoAccess(m: MunicipalitySeed, asOf: Date = new Date()): AccessDemo {
  const ix = new Index(m);
  const dates = demoDatesAt(asOf);
  const assets = protectedAssets(m, ix);
  return {
    protectedAssets: assets,
    accounts: accounts(m, ix, dates),
    grants: grants(m, ix, assets, dates),
    deputations: deputations(m, ix),
    absences: absences(m, ix, dates),
    designations: designations(m, ix, dates),
    contactNetworks: contactNetworks(m, ix),
    systemSecurity: systemSecurity(m),
  };
}
