// Inspections and what comes of them: ARK-29 audits (監査, by the セキュリティ委員会) and
// self-inspections (自己点検, by each chief); KWO-5-3 check sheets (点検シート 第2号様式, four a year
// per using place); findings (指摘事項) and improvement requests (KWW-10-2, KWO-3-3) followed up to
// closure.
import type { HeldRole } from '../roles/roles.types.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { dueState, fiscalQuarter, fiscalQuarters, isIsoDate, type DueState, type FiscalQuarter, type QuarterPeriod } from './due-dates.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import { fiscalYearOf } from '../calendar/deadlines.ts';
import { REGISTER_DUTIES } from './registers.ts';
import {
  badEntry,
  conflictingEntry,
  malformedId,
  orgUnitNotFound,
  registerDuty,
  type RegisterActor,
  type RegisterAudit,
  type RegisterRefusal,
} from './register-decision.ts';

/** The values of an inspection's kind and result: the entity's enums take them from here. */
export const INSPECTION_KIND_VALUES = ['audit', 'self_inspection', 'check_sheet'] as const;
export const INSPECTION_RESULT_VALUES = ['satisfactory', 'needs_improvement'] as const;

export type InspectionKind = (typeof INSPECTION_KIND_VALUES)[number];
export type InspectionResult = (typeof INSPECTION_RESULT_VALUES)[number];

export const INSPECTION_KINDS: Record<InspectionKind, Bilingual & { rulebookId: 'ARK' | 'KWO'; ruleIds: RuleId[] }> = {
  audit: { ja: '監査', en: 'Audit', rulebookId: 'ARK', ruleIds: ['ARK-29-1'] },
  self_inspection: { ja: '自己点検', en: 'Self-inspection', rulebookId: 'ARK', ruleIds: ['ARK-29-2'] },
  check_sheet: { ja: '点検シート（第2号様式）', en: 'Check sheet (form 2)', rulebookId: 'KWO', ruleIds: ['KWO-5-3'] },
};

export const INSPECTION_RESULTS: Record<InspectionResult, Bilingual> = {
  satisfactory: { ja: '適正', en: 'Satisfactory' },
  needs_improvement: { ja: '要改善', en: 'Needs improvement' },
};

export interface InspectionDraft {
  scope?: string | null;
  conductedOn?: string | null;
  result?: InspectionResult | null;
  summary?: string | null;
}

/**
 * An audit or self-inspection names what it covered, when, the result, and — when something needs
 * improving — what was found. It is recorded after the fact: not dated in the future.
 */
export function validateInspection(kind: 'audit' | 'self_inspection', d: InspectionDraft, today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const ruleIds = INSPECTION_KINDS[kind].ruleIds;
  const scope = d.scope?.trim() ?? '';
  if (!scope) errors.push(fieldError([...base, 'scope'], 'REQUIRED', 'Describe what was inspected.', '対象範囲を入力してください。', ruleIds));
  else if ([...scope].length > 500)
    errors.push(fieldError([...base, 'scope'], 'TOO_LONG', 'At most 500 characters.', '対象範囲は500文字以内で入力してください。'));
  if (!isIsoDate(d.conductedOn))
    errors.push(fieldError([...base, 'conductedOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '実施日をYYYY-MM-DDの形式で入力してください。'));
  else if (d.conductedOn > today)
    errors.push(
      fieldError(
        [...base, 'conductedOn'],
        'INVALID_VALUE',
        'An inspection is recorded once done: the date cannot be in the future.',
        '実施日に将来の日付は指定できません。',
      ),
    );
  errors.push(...summaryErrors(d.result ?? null, d.summary, base, 'summary', ruleIds));
  return errors;
}

function summaryErrors(
  result: InspectionResult | null,
  text: string | null | undefined,
  base: (string | number)[],
  field: string,
  ruleIds: RuleId[],
): FieldError[] {
  const t = text?.trim() ?? '';
  if (result === 'needs_improvement' && !t)
    return [
      fieldError(
        [...base, field],
        'REQUIRED',
        'Say what needs improving and what is done about it.',
        '改善を要する事項と講じる措置を入力してください。',
        ruleIds,
      ),
    ];
  if ([...t].length > 4000) return [fieldError([...base, field], 'TOO_LONG', 'At most 4000 characters.', '4000文字以内で入力してください。')];
  return [];
}

// ---- KWO-5-3 check sheets -------------------------------------------------------------------------------

export const CHECK_SHEET_RULE_IDS: RuleId[] = ['KWO-5-3'];

/**
 * The using places (区役所システム利用場所, KWO-5-4) that check themselves four times a year: every
 * org unit using a KWO system (区民課, 支所区民センター, 出張所 — each headed by a システム利用責任者,
 * KWO-2-4), except the managing section, which is the システム管理責任者's and not a using place.
 */
export function checkSheetPlaces(
  systems: readonly { rulebookId: string | null; managingOrgUnitId: string; lifecycleStatus: string; usingOrgUnitIds: readonly string[] }[],
): string[] {
  const places = systems
    .filter((s) => s.rulebookId === 'KWO' && s.lifecycleStatus !== 'retired' && s.lifecycleStatus !== 'proposed')
    .flatMap((s) => s.usingOrgUnitIds.filter((u) => u !== s.managingOrgUnitId));
  return [...new Set(places)];
}

export interface CheckSheetSlot extends QuarterPeriod {
  state: DueState;
  checkedOn: string | null;
  ruleIds: RuleId[];
  message: Bilingual;
}

/**
 * KWO-5-3: 点検シート（第2号様式）により年4回確認する. Read as one check in each quarter of the fiscal
 * year (April–June, July–September, October–December, January–March), due by the quarter's last day;
 * a check done later still counts for its quarter, as done late.
 */
export function checkSheetSchedule(fiscalYear: number, today: string, recorded: readonly { quarter: number; checkedOn: string }[]): CheckSheetSlot[] {
  return fiscalQuarters(fiscalYear).map((q) => {
    const checkedOn = recorded.find((r) => r.quarter === q.quarter)?.checkedOn ?? null;
    const state = dueState({ opensOn: q.from, dueOn: q.to, doneOn: checkedOn }, today);
    const message: Record<DueState, Bilingual> = {
      upcoming: { ja: `${q.label.ja}の点検は${q.from}からです。`, en: `The ${q.label.en} check opens on ${q.from}.` },
      due: { ja: `${q.label.ja}の点検シートを${q.to}までに作成してください。`, en: `Complete the ${q.label.en} check sheet by ${q.to}.` },
      overdue: {
        ja: `${q.label.ja}の点検シートが期限（${q.to}）を過ぎても作成されていません。`,
        en: `The ${q.label.en} check sheet was due on ${q.to} and has not been completed.`,
      },
      done: { ja: `${q.label.ja}の点検は${checkedOn}に実施済みです。`, en: `The ${q.label.en} check was done on ${checkedOn}.` },
      done_late: { ja: `${q.label.ja}の点検は期限後の${checkedOn}に実施されました。`, en: `The ${q.label.en} check was done late, on ${checkedOn}.` },
    };
    return { ...q, state, checkedOn, ruleIds: CHECK_SHEET_RULE_IDS, message: message[state] };
  });
}

export interface CheckSheetDraft {
  fiscalYear: number;
  quarter: number;
  checkedOn?: string | null;
  result?: InspectionResult | null;
  measures?: string | null;
}

/**
 * A check sheet belongs to a quarter that has begun, is dated within or after it (not in the
 * future), and when something needs improving says what is done about it (KWO-5-3 速やかに適切な措置).
 */
export function validateCheckSheet(d: CheckSheetDraft, today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(d.fiscalYear) || d.fiscalYear < 2000 || d.fiscalYear > 2100)
    errors.push(fieldError([...base, 'fiscalYear'], 'INVALID_VALUE', 'Give the fiscal year (e.g. 2026).', '年度を入力してください（例: 2026）。'));
  if (![1, 2, 3, 4].includes(d.quarter))
    errors.push(fieldError([...base, 'quarter'], 'INVALID_VALUE', 'The quarter is 1 to 4.', '四半期は1〜4で指定してください。', CHECK_SHEET_RULE_IDS));
  if (!isIsoDate(d.checkedOn))
    errors.push(fieldError([...base, 'checkedOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '点検日をYYYY-MM-DDの形式で入力してください。'));
  else if (d.checkedOn > today)
    errors.push(fieldError([...base, 'checkedOn'], 'INVALID_VALUE', 'The check date cannot be in the future.', '点検日に将来の日付は指定できません。'));
  else if (errors.length === 0) {
    const q = fiscalQuarter(d.fiscalYear, d.quarter as FiscalQuarter);
    if (d.checkedOn < q.from)
      errors.push(
        fieldError(
          [...base, 'checkedOn'],
          'INVALID_VALUE',
          `The check of ${q.label.en} is done from ${q.from}.`,
          `${q.label.ja}の点検は${q.from}以降に実施します。`,
          CHECK_SHEET_RULE_IDS,
        ),
      );
  }
  errors.push(...summaryErrors(d.result ?? null, d.measures, base, 'measures', CHECK_SHEET_RULE_IDS));
  return errors;
}

// ---- findings and improvement requests ------------------------------------------------------------------

/** The values of a finding's source and status: the entity's enums take them from here. */
export const FINDING_SOURCE_VALUES = ['improvement_request', ...INSPECTION_KIND_VALUES] as const;
export const FINDING_STATUS_VALUES = ['open', 'responded', 'closed'] as const;

export type FindingSource = (typeof FINDING_SOURCE_VALUES)[number];
export type FindingStatus = (typeof FINDING_STATUS_VALUES)[number];

export const FINDING_STATUSES: Record<FindingStatus, Bilingual> = {
  open: { ja: '未回答', en: 'Open' },
  responded: { ja: '回答済み（確認待ち）', en: 'Responded' },
  closed: { ja: '完了', en: 'Closed' },
};

/**
 * Who may ask whom to improve (改善を求める), and on what rule.
 * - KWW-10-2: the システム総括者 asks the 情報管理責任者 and the 利用責任者; the システム管理者 does so
 *   for the 総括者 (KWW-4-1 システム総括者を代理する).
 * - KWO-3-3: the 情報資産管理責任者 asks the システム利用責任者.
 */
export interface ImprovementRequestRule {
  rulebookId: 'KWW' | 'KWO';
  ruleIds: RuleId[];
  raisers: { roleKey: string; ruleIds: RuleId[] }[];
  addresseeRoleKeys: string[];
}

export const IMPROVEMENT_REQUEST_RULES: readonly ImprovementRequestRule[] = [
  {
    rulebookId: 'KWW',
    ruleIds: ['KWW-10-2'],
    raisers: [
      { roleKey: 'system_supervisor', ruleIds: ['KWW-10-2'] },
      { roleKey: 'system_administrator', ruleIds: ['KWW-10-2', 'KWW-4-1'] },
    ],
    addresseeRoleKeys: ['information_owner', 'usage_manager'],
  },
  {
    rulebookId: 'KWO',
    ruleIds: ['KWO-3-3'],
    raisers: [{ roleKey: 'asset_manager', ruleIds: ['KWO-3-3'] }],
    addresseeRoleKeys: ['system_usage_manager'],
  },
];

export type ImprovementRequestDecision =
  /** `role` null: a registry administrator records a request made on paper. */
  | { allowed: true; rule: ImprovementRequestRule; ruleIds: RuleId[]; role: HeldRole | null }
  | { allowed: false; reason: 'NOT_A_RAISER' | 'NOT_AN_ADDRESSEE'; ruleIds: RuleId[]; message: Bilingual };

const ADDRESSEES: Record<ImprovementRequestRule['rulebookId'], Bilingual> = {
  KWW: { ja: '情報管理責任者又は利用責任者（KWW-10-2）', en: 'an information owner or a usage manager (KWW-10-2)' },
  KWO: { ja: 'システム利用責任者（KWO-3-3）', en: 'a system usage manager (KWO-3-3)' },
};

/**
 * Whether the viewer (by the roles they hold now) may ask the holder of a position (by the role
 * bindings of that position) to improve: the viewer holds a raising role and the addressee a role
 * the same rule addresses. A registry administrator may record any request a rule allows.
 */
export function decideImprovementRequest(
  viewerRoles: readonly HeldRole[],
  addresseeRoles: readonly { rulebookId: string; roleKey: string }[],
  rulebookIds: readonly string[],
  registryAdmin = false,
): ImprovementRequestDecision {
  const rules = IMPROVEMENT_REQUEST_RULES.filter((r) => rulebookIds.includes(r.rulebookId));
  const addresses = (rule: ImprovementRequestRule) =>
    addresseeRoles.some((a) => a.rulebookId === rule.rulebookId && rule.addresseeRoleKeys.includes(a.roleKey));
  const raising: ImprovementRequestRule[] = [];
  for (const rule of rules) {
    for (const raiser of rule.raisers) {
      const role = viewerRoles.find((h) => h.rulebookId === rule.rulebookId && h.roleKey === raiser.roleKey);
      if (!role) continue;
      // A deputy also cites what makes them one (KWW-4-1: システム総括者を代理する).
      if (addresses(rule))
        return { allowed: true, rule, ruleIds: [...new Set([...raiser.ruleIds, ...rule.ruleIds, ...(role.via === 'deputy' ? role.ruleIds : [])])], role };
      if (!raising.includes(rule)) raising.push(rule);
    }
  }
  if (registryAdmin) {
    const rule = rules.find(addresses);
    if (rule) return { allowed: true, rule, ruleIds: rule.ruleIds, role: null };
  }
  const asked = registryAdmin && raising.length === 0 ? rules : raising;
  if (asked.length > 0) {
    return {
      allowed: false,
      reason: 'NOT_AN_ADDRESSEE',
      ruleIds: asked.flatMap((r) => r.ruleIds),
      message: {
        ja: `改善を求める相手は${asked.map((r) => ADDRESSEES[r.rulebookId].ja).join('、')}です。`,
        en: `Improvements are requested of ${asked.map((r) => ADDRESSEES[r.rulebookId].en).join(' or ')}.`,
      },
    };
  }
  return {
    allowed: false,
    reason: 'NOT_A_RAISER',
    ruleIds: rules.flatMap((r) => r.ruleIds),
    message: {
      ja: '改善を求めることができるのは、システム総括者（KWW-10-2）及び情報資産管理責任者（KWO-3-3）です。',
      en: 'Improvements are requested by the system supervisor (KWW-10-2) and the information asset manager (KWO-3-3).',
    },
  };
}

/** A finding still unanswered after its due date is overdue; an answered one awaits the raiser's check. */
export function findingOverdue(f: { status: FindingStatus; dueOn: string }, today: string): boolean {
  return f.status === 'open' && today > f.dueOn;
}

export type FindingStep = 'respond' | 'close' | 'note';

/** open → responded (the addressee answers) → closed (the raiser confirms); notes any time before closing. */
export function findingStepConflict(status: FindingStatus, step: FindingStep): Bilingual | null {
  if (status === 'closed') return { ja: 'この指摘事項は完了しています。', en: 'This finding is closed.' };
  if (step === 'respond' && status !== 'open') return { ja: 'この指摘事項には既に回答があります。', en: 'This finding has already been answered.' };
  if (step === 'close' && status !== 'responded') return { ja: '回答の前に完了にはできません。', en: 'A finding is closed after it has been answered.' };
  return null;
}

export interface FindingDraft {
  title?: string | null;
  detail?: string | null;
  dueOn?: string | null;
}

export function validateFinding(d: FindingDraft, today: string, base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const title = d.title?.trim() ?? '';
  if (!title) errors.push(fieldError([...base, 'title'], 'REQUIRED', 'Give the finding a title.', '件名を入力してください。'));
  else if ([...title].length > 200) errors.push(fieldError([...base, 'title'], 'TOO_LONG', 'At most 200 characters.', '件名は200文字以内で入力してください。'));
  const detail = d.detail?.trim() ?? '';
  if (!detail)
    errors.push(
      fieldError([...base, 'detail'], 'REQUIRED', 'Describe the problem and the improvement asked for.', '問題点と求める改善の内容を入力してください。'),
    );
  else if ([...detail].length > 4000)
    errors.push(fieldError([...base, 'detail'], 'TOO_LONG', 'At most 4000 characters.', '内容は4000文字以内で入力してください。'));
  if (!isIsoDate(d.dueOn))
    errors.push(fieldError([...base, 'dueOn'], 'INVALID_VALUE', 'Give the due date as YYYY-MM-DD.', '回答期限をYYYY-MM-DDの形式で入力してください。'));
  else if (d.dueOn < today)
    errors.push(fieldError([...base, 'dueOn'], 'INVALID_VALUE', 'The due date cannot be in the past.', '回答期限に過去の日付は指定できません。'));
  return errors;
}

// ---- recording an inspection or a check sheet ---------------------------------------------------------

export interface InspectionEntry extends InspectionDraft {
  kind: 'audit' | 'self_inspection';
  /** The rulebooks of the municipality. */
  rulebookIds: readonly string[];
  orgUnitId: string | null;
  /** The org unit's id is not one (checked before the org unit is looked up). */
  orgUnitIdMalformed?: boolean;
  /** The org unit named exists (true when none is named). */
  orgUnitFound: boolean;
  systemId?: string | null;
}

/** Whether the municipality's rulebooks provide for the kind, and the section is named where needed. */
export function inspectionTargetRefusal(
  e: Pick<InspectionEntry, 'kind' | 'rulebookIds' | 'orgUnitId' | 'orgUnitIdMalformed' | 'orgUnitFound'>,
): RegisterRefusal | null {
  const kind = INSPECTION_KINDS[e.kind];
  if (!e.rulebookIds.includes(kind.rulebookId)) {
    return badEntry([
      fieldError(
        ['input', 'kind'],
        'INVALID_VALUE',
        `No rulebook of this municipality provides for a ${kind.en.toLowerCase()} (${kind.ruleIds.join(', ')}).`,
        `この団体の規程には${kind.ja}の定めがありません（${kind.ruleIds.join('、')}）。`,
        kind.ruleIds,
      ),
    ]);
  }
  if (e.orgUnitIdMalformed) return badEntry([malformedId(['input', 'orgUnitId'])]);
  if (e.kind === 'self_inspection' && !e.orgUnitId)
    return badEntry([
      fieldError(['input', 'orgUnitId'], 'REQUIRED', 'Name the section that inspected itself.', '自己点検を実施した課を選択してください。', kind.ruleIds),
    ]);
  if (e.orgUnitId && !e.orgUnitFound) return badEntry([orgUnitNotFound(['input', 'orgUnitId'])]);
  return null;
}

export type InspectionDecision =
  { allowed: true; rulebookId: 'ARK' | 'KWO'; fiscalYear: number; ruleIds: RuleId[]; onBehalfOfStaffId: string | null; audit: RegisterAudit } | RegisterRefusal;

/** ARK-29-1 audits (the セキュリティ委員会) and ARK-29-2 self-inspections (each chief, of their own section). */
export function decideInspection(e: InspectionEntry, actor: RegisterActor | null, today: string): InspectionDecision {
  const target = inspectionTargetRefusal(e);
  if (target) return target;
  const kind = INSPECTION_KINDS[e.kind];
  const duty = registerDuty(actor, e.kind === 'audit' ? REGISTER_DUTIES.audit : REGISTER_DUTIES.self_inspection, { orgUnitId: e.orgUnitId });
  if (!duty.allowed) return duty;
  const errors = validateInspection(e.kind, e, today);
  if (errors.length) return badEntry(errors);
  const ruleIds = ruleIdSet(kind.ruleIds, duty.ruleIds);
  return {
    allowed: true,
    rulebookId: kind.rulebookId,
    fiscalYear: fiscalYearOf(e.conductedOn!),
    ruleIds,
    onBehalfOfStaffId: duty.onBehalfOfStaffId,
    audit: {
      action: `inspection.${e.kind}`,
      after: { orgUnit: e.orgUnitId, system: e.systemId || null, conductedOn: e.conductedOn, result: e.result, via: duty.via },
      ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}

/** KWO-2-4: check sheets and the form ledger are kept by the using places of the ward office system. */
export function usingPlaceRefusal(orgUnitId: string, places: readonly string[], ruleIds: RuleId[]): RegisterRefusal | null {
  if (places.includes(orgUnitId)) return null;
  return badEntry([
    fieldError(
      ['input', 'orgUnitId'],
      'INVALID_VALUE',
      'Not a using place of the ward office system (区民課, 支所区民センター, 出張所; KWO-2-4).',
      '区役所システムの利用場所（区民課・支所区民センター・出張所）ではありません（KWO-2-4）。',
      ['KWO-2-4', ...ruleIds],
    ),
  ]);
}

export interface CheckSheetEntry extends CheckSheetDraft {
  orgUnitId: string;
}

export type CheckSheetDecision =
  { allowed: true; quarter: QuarterPeriod; scope: string; ruleIds: RuleId[]; onBehalfOfStaffId: string | null; audit: RegisterAudit } | RegisterRefusal;

/** A place's check sheet of a quarter is recorded once. */
export const checkSheetRecorded = (fiscalYear: number, q: QuarterPeriod): RegisterRefusal =>
  conflictingEntry(
    {
      ja: `${fiscalYear}年度${q.label.ja}の点検シートは記録済みです。`,
      en: `The check sheet of ${q.label.en} of fiscal year ${fiscalYear} is already recorded.`,
    },
    CHECK_SHEET_RULE_IDS,
  );

/** KWO-5-3: the システム利用責任者 records the place's check sheet (第2号様式) of a quarter (once: checkSheetRecorded). */
export function decideCheckSheet(e: CheckSheetEntry, actor: RegisterActor | null, today: string): CheckSheetDecision {
  const duty = registerDuty(actor, REGISTER_DUTIES.check_sheet, { orgUnitId: e.orgUnitId });
  if (!duty.allowed) return duty;
  const errors = validateCheckSheet(e, today);
  if (errors.length) return badEntry(errors);
  const q = fiscalQuarter(e.fiscalYear, e.quarter as FiscalQuarter);
  return {
    allowed: true,
    quarter: q,
    scope: `点検シート（第2号様式） ${e.fiscalYear}年度${q.label.ja}`,
    ruleIds: duty.ruleIds,
    onBehalfOfStaffId: duty.onBehalfOfStaffId,
    audit: {
      action: 'inspection.check_sheet',
      after: {
        orgUnit: e.orgUnitId,
        fiscalYear: e.fiscalYear,
        quarter: e.quarter,
        checkedOn: e.checkedOn,
        result: e.result,
        late: e.checkedOn! > q.to,
        via: duty.via,
      },
      ruleIds: duty.ruleIds,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
    },
  };
}
