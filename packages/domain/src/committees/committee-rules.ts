// Committees as their rulebooks set them up: who sits, when a sitting may decide (quorum), whether
// a decision may be taken by circulation (持回り), who may stand in, and the standing business each
// one hears. The members themselves are positions in the demo data (別表第2, 別表第3, MNT-9-3 …).
import type { RulebookId } from '../model/types.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** Agenda groups in the order a municipal 次第 prints them. */
export type AgendaGroup = 'deliberation' | 'carried_over' | 'report' | 'other';

export const AGENDA_GROUPS: Record<AgendaGroup, Bilingual & { order: number }> = {
  deliberation: { order: 1, ja: '審議事項', en: 'For decision' },
  carried_over: { order: 2, ja: '継続審議事項', en: 'Carried over' },
  report: { order: 3, ja: '報告事項', en: 'For report' },
  other: { order: 4, ja: 'その他', en: 'Other business' },
};

/** Figures a standing item is filled with for the period since the last meeting. */
export type StandingFigures = 'operations' | 'hardware' | 'incidents' | 'audits';

export interface StandingItem {
  key: string;
  group: AgendaGroup;
  title: Bilingual;
  ruleIds: RuleId[];
  figures?: StandingFigures;
}

/** Whether a quorum applies: more than half of the members (ARK-19-1), or none set by the rulebook. */
export const QUORUM_KIND_VALUES = ['majority', 'none'] as const;
/** How often a committee meets: monthly, or when there is business. */
export const CADENCE_VALUES = ['monthly', 'as_needed'] as const;
export type Cadence = (typeof CADENCE_VALUES)[number];

export type QuorumRule =
  /** More than half of the members must be present before the meeting may proceed (ARK-19-1). */
  | { kind: 'majority'; ruleIds: RuleId[] }
  /** The rulebook sets no quorum: the meeting decides with those present; the minutes say so. */
  | { kind: 'none'; ruleIds: RuleId[]; note: Bilingual };

export interface CommitteeRules {
  committeeKey: string;
  rulebookId: RulebookId;
  quorum: QuorumRule;
  /** Decision by circulation instead of a sitting (KWW-12-2). */
  circulation: { allowed: boolean; ruleIds: RuleId[] };
  /** Someone standing in for a member (代理); `approvedByChair`: the chair approves each (MNT-9-3). */
  substitutes: { allowed: boolean; approvedByChair: boolean; ruleIds: RuleId[] };
  /** Temporary members appointed by the chair count as members (ARK-17-2, ARK-22-2). */
  temporaryMembers: { allowed: boolean; ruleIds: RuleId[] };
  /** Non-members the chair asks to attend (ARK-19-2, ARK-24-2, MNT-9-3-4). */
  invited: { allowed: boolean; ruleIds: RuleId[] };
  cadence: { kind: Cadence; ruleIds: RuleId[] };
  /** Business the rulebook puts before every sitting (MNT-9-1). */
  standingItems: StandingItem[];
  /** The remit the committee's decisions are taken under (ARK-16-1, ARK-21-1, KTM-13-1-2 …). */
  remitRuleIds: RuleId[];
}

const none = (ruleIds: RuleId[]): QuorumRule => ({
  kind: 'none',
  ruleIds,
  note: { ja: '定足数の定めはありません', en: 'The rulebook sets no quorum' },
});
const no = { allowed: false, ruleIds: [] as RuleId[] };

export const COMMITTEE_RULES: readonly CommitteeRules[] = [
  {
    committeeKey: 'ark.committee.steering',
    rulebookId: 'ARK',
    quorum: { kind: 'majority', ruleIds: ['ARK-19-1'] },
    circulation: no,
    // ARK-17/19 provide temporary members and invited non-members, not substitutes.
    substitutes: { allowed: false, approvedByChair: false, ruleIds: [] },
    temporaryMembers: { allowed: true, ruleIds: ['ARK-17-2'] },
    invited: { allowed: true, ruleIds: ['ARK-19-2'] },
    cadence: { kind: 'as_needed', ruleIds: ['ARK-19-1'] },
    standingItems: [],
    remitRuleIds: ['ARK-16-1-1', 'ARK-16-1-2', 'ARK-16-1-3', 'ARK-16-1-4'],
  },
  {
    committeeKey: 'ark.committee.security',
    rulebookId: 'ARK',
    quorum: none(['ARK-24-1']),
    circulation: no,
    substitutes: { allowed: false, approvedByChair: false, ruleIds: [] },
    temporaryMembers: { allowed: true, ruleIds: ['ARK-22-2'] },
    invited: { allowed: true, ruleIds: ['ARK-24-2'] },
    cadence: { kind: 'as_needed', ruleIds: ['ARK-24-1'] },
    standingItems: [
      {
        key: 'incidents',
        group: 'report',
        title: { ja: '電子情報システムに対する侵害及び障害発生時の対応状況', en: 'Breaches and failures and the response to them' },
        ruleIds: ['ARK-21-1-4'],
        figures: 'incidents',
      },
      {
        key: 'audits',
        group: 'report',
        title: { ja: '情報セキュリティ対策に関する監査及び自己点検の状況', en: 'Security audits and self-inspections' },
        ruleIds: ['ARK-21-1-2', 'ARK-29-1'],
        figures: 'audits',
      },
    ],
    remitRuleIds: ['ARK-21-1-1', 'ARK-21-1-2', 'ARK-21-1-3', 'ARK-21-1-4', 'ARK-21-1-5'],
  },
  {
    committeeKey: 'mnt.committee.monthly-report',
    rulebookId: 'MNT',
    quorum: none(['MNT-9-3']),
    circulation: no,
    substitutes: { allowed: true, approvedByChair: true, ruleIds: ['MNT-9-3'] },
    temporaryMembers: no,
    invited: { allowed: true, ruleIds: ['MNT-9-3-4'] },
    cadence: { kind: 'monthly', ruleIds: ['MNT-9-2'] },
    standingItems: [
      {
        key: 'operations',
        group: 'report',
        title: { ja: 'システム全体に係る運用状況', en: 'Operating status of the whole system' },
        ruleIds: ['MNT-9-1-2'],
        figures: 'operations',
      },
      { key: 'hardware', group: 'report', title: { ja: 'ハードウェア稼動状況', en: 'Hardware status' }, ruleIds: ['MNT-9-1-3'], figures: 'hardware' },
      {
        key: 'incidents',
        group: 'report',
        title: { ja: 'システム全体に係る障害及びその対応状況', en: 'Failures and the response to them' },
        ruleIds: ['MNT-9-1-4'],
        figures: 'incidents',
      },
      {
        key: 'other',
        group: 'other',
        title: { ja: 'その他システムの運用全体に係る事項', en: 'Other matters of the system’s operation' },
        ruleIds: ['MNT-9-1-5'],
      },
    ],
    remitRuleIds: ['MNT-9-1'],
  },
  {
    committeeKey: 'kaw.committee.operations',
    rulebookId: 'KWW',
    quorum: none(['KWW-12-1']),
    circulation: { allowed: true, ruleIds: ['KWW-12-2'] },
    substitutes: { allowed: false, approvedByChair: false, ruleIds: [] },
    temporaryMembers: no,
    invited: no,
    cadence: { kind: 'as_needed', ruleIds: ['KWW-12-1'] },
    standingItems: [
      { key: 'operations', group: 'report', title: { ja: '運用管理上の報告案件', en: 'Operations reports' }, ruleIds: ['KWW-12-1'], figures: 'operations' },
      {
        key: 'incidents',
        group: 'report',
        title: { ja: '障害の発生及び対応状況', en: 'Failures and the response to them' },
        ruleIds: ['KWW-12-1'],
        figures: 'incidents',
      },
    ],
    remitRuleIds: ['KWW-12-1'],
  },
  {
    committeeKey: 'kaw.committee.operations-staff',
    rulebookId: 'KWW',
    quorum: none(['KWW-12-4']),
    circulation: no,
    substitutes: { allowed: false, approvedByChair: false, ruleIds: [] },
    // KWW-12-4: "その他システム管理者が必要と認める者".
    temporaryMembers: no,
    invited: { allowed: true, ruleIds: ['KWW-12-4'] },
    cadence: { kind: 'as_needed', ruleIds: ['KWW-12-4'] },
    standingItems: [
      {
        key: 'operations',
        group: 'report',
        title: { ja: '運用管理上の調整事項', en: 'Operations matters to coordinate' },
        ruleIds: ['KWW-12-3'],
        figures: 'operations',
      },
    ],
    remitRuleIds: ['KWW-12-3'],
  },
  {
    committeeKey: 'ktm.committee.one-stop',
    rulebookId: 'KTM',
    quorum: none(['KTM-3-7']),
    circulation: no,
    substitutes: { allowed: false, approvedByChair: false, ruleIds: [] },
    temporaryMembers: no,
    invited: no,
    cadence: { kind: 'as_needed', ruleIds: ['KTM-3-7'] },
    standingItems: [
      {
        key: 'operations',
        group: 'report',
        title: { ja: '窓口支援システムの運用状況', en: 'Operating status of the counter support system' },
        ruleIds: ['KTM-3-7'],
        figures: 'operations',
      },
    ],
    remitRuleIds: ['KTM-3-7', 'KTM-6-1', 'KTM-13-1-2'],
  },
];

export function committeeRules(committeeKey: string): CommitteeRules | undefined {
  return COMMITTEE_RULES.find((c) => c.committeeKey === committeeKey);
}
