// Incidents (SPEC §6; MNT-22 第8号様式 障害等対応連絡票, KWO-10, KTM-14, KWW-9): who records and runs
// them, the continuation notices (継送連絡) to the using sections at occurrence and at resolution
// (MNT-22-4), escalation when residents are affected (KWO-10-1-2, MNT-22-2, KTM-14-1), and the
// state machine reported → recovering → resolved → confirmed (MNT-22-3: the 保健福祉課長 confirms).
import type { DutyRule } from '../authz/administration.policy.ts';
import type { RulebookId } from '../model/types.ts';
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** The values of an incident's status, severity and notice kind: the entities' enums and the API's take them from here. */
export const INCIDENT_STATUS_VALUES = ['reported', 'recovering', 'resolved', 'confirmed'] as const;
export const INCIDENT_SEVERITY_VALUES = ['minor', 'major', 'critical'] as const;
export const INCIDENT_NOTICE_KIND_VALUES = ['occurrence', 'resolution'] as const;
/** The kinds of entry of an incident's log (障害等対応連絡票の経過). */
export const INCIDENT_UPDATE_KIND_VALUES = ['report', 'update', 'escalation', 'resolution', 'analysis', 'confirmation'] as const;

export type IncidentStatus = (typeof INCIDENT_STATUS_VALUES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITY_VALUES)[number];
export type IncidentNoticeKind = (typeof INCIDENT_NOTICE_KIND_VALUES)[number];
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KIND_VALUES)[number];

export const INCIDENT_STATUSES: Record<IncidentStatus, Bilingual> = {
  reported: { ja: '発生報告', en: 'Reported' },
  recovering: { ja: '復旧対応中', en: 'Recovering' },
  resolved: { ja: '解消', en: 'Resolved' },
  confirmed: { ja: '解消確認済', en: 'Resolution confirmed' },
};

export const INCIDENT_SEVERITIES: Record<IncidentSeverity, Bilingual> = {
  minor: { ja: '軽微（一部機能の障害）', en: 'Minor (part of a function)' },
  major: { ja: '重大（業務に支障）', en: 'Major (business disrupted)' },
  critical: { ja: '緊急（全面停止）', en: 'Critical (system down)' },
};

export const INCIDENT_NOTICE_KINDS: Record<IncidentNoticeKind, Bilingual> = {
  occurrence: { ja: '障害発生の継送連絡', en: 'Notice of occurrence' },
  resolution: { ja: '障害解消の継送連絡', en: 'Notice of resolution' },
};

/** Open incidents: not yet resolved. */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = ['reported', 'recovering'];

/** What a rulebook says of incidents of the systems it governs. */
export interface IncidentRules {
  rulebookId: RulebookId;
  /** Who records an incident and runs it to its end (the system's administrators). */
  handlers: readonly DutyRule[];
  /** The rules under which the occurrence is recorded and measures taken. */
  reportRuleIds: RuleId[];
  /** The continuation notice (継送連絡) to every using section at occurrence and at resolution. */
  noticeRuleIds: RuleId[];
  /** Measures while recovering (縮退運転, recovery ETA). */
  recoveryRuleIds: RuleId[];
  /** When residents are affected: the roles told at once, and why. */
  escalation: { roleKeys: string[]; ruleIds: RuleId[]; label: Bilingual };
  /** The post-incident analysis (原因の調査及び分析、再発防止策). */
  analysisRuleIds: RuleId[];
  /** The confirmation that the failure is resolved. */
  confirmRuleIds: RuleId[];
  /** The emergency contact network the incident is handled through. */
  networkRuleIds: RuleId[];
}

/**
 * Per rulebook. Where a rulebook is silent the product still keeps the same record, citing the rule
 * that gives the role its duty: KTM-14 names no notice to using sections, so the 統括管理者's
 * measures (KTM-14-1) are cited; KWW-9 names the contact system (KWW-9-1); ARK-28 the emergency manual.
 */
export const INCIDENT_RULES: Record<RulebookId, IncidentRules> = {
  MNT: {
    rulebookId: 'MNT',
    // The システム総括担当者 acts for the 保健福祉課長 through a deputation (MNT-6-4).
    handlers: [{ rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-4-1-10', 'MNT-22-1'] }],
    reportRuleIds: ['MNT-22-1', 'MNT-22-3'],
    noticeRuleIds: ['MNT-22-4'],
    recoveryRuleIds: ['MNT-22-1'],
    // MNT-22-2: the 保健福祉課長 consults the 情報政策課長 as needed; residents affected is such a need.
    escalation: {
      roleKeys: ['information_policy_chief'],
      ruleIds: ['MNT-22-2'],
      label: { ja: '情報政策課長への協議', en: 'Consultation of the 情報政策課長' },
    },
    analysisRuleIds: ['MNT-9-1-4'],
    confirmRuleIds: ['MNT-22-3'],
    networkRuleIds: ['MNT-7-4', 'MNT-22-4'],
  },
  KTM: {
    rulebookId: 'KTM',
    handlers: [
      { rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-3-3-4', 'KTM-14-1'] },
      { rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-6'], deputyOnly: true },
    ],
    reportRuleIds: ['KTM-14-1'],
    noticeRuleIds: ['KTM-14-1'],
    recoveryRuleIds: ['KTM-14-1'],
    // The 統括管理者 answers for the response (KTM-3-3-4, KTM-14-1): told at once even when the deputy records it.
    escalation: { roleKeys: ['general_manager'], ruleIds: ['KTM-3-3-4', 'KTM-14-1'], label: { ja: '統括管理者への報告', en: 'Report to the 統括管理者' } },
    analysisRuleIds: ['KTM-14-2-3'],
    confirmRuleIds: ['KTM-3-3-4'],
    networkRuleIds: ['KTM-14-1', 'KTM-14-4'],
  },
  KWW: {
    rulebookId: 'KWW',
    handlers: [
      { rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-4'] },
      { rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1'] },
    ],
    reportRuleIds: ['KWW-3-2-4'],
    noticeRuleIds: ['KWW-9-1'],
    recoveryRuleIds: ['KWW-3-2-4'],
    escalation: { roleKeys: ['system_supervisor'], ruleIds: ['KWW-3-2-4'], label: { ja: 'システム総括者への報告', en: 'Report to the システム総括者' } },
    analysisRuleIds: ['KWW-3-2-4'],
    confirmRuleIds: ['KWW-3-2-4'],
    networkRuleIds: ['KWW-9-1', 'KWW-9-2'],
  },
  KWO: {
    rulebookId: 'KWO',
    handlers: [{ rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-10-1'] }],
    reportRuleIds: ['KWO-10-1-2'],
    noticeRuleIds: ['KWO-10-1-2'],
    recoveryRuleIds: ['KWO-10-1-2'],
    // KWO-10-1-2 イ(イ): 市民に対する影響が大きい場合 the 情報資産管理責任者 reports to the 市民文化局長.
    escalation: {
      roleKeys: ['asset_manager', 'citizens_bureau_director'],
      ruleIds: ['KWO-10-1-2'],
      label: { ja: '市民文化局長への報告', en: 'Report to the 市民文化局長' },
    },
    analysisRuleIds: ['KWO-10-1-2'],
    confirmRuleIds: ['KWO-10-1-2'],
    networkRuleIds: ['KWO-10-1'],
  },
  ARK: {
    rulebookId: 'ARK',
    handlers: [
      { rulebookId: 'ARK', roleKey: 'digital_section_chief', ruleIds: ['ARK-4-1', 'ARK-28-1'], managingUnitOnly: true },
      { rulebookId: 'ARK', roleKey: 'system_managing_chief', ruleIds: ['ARK-4-2', 'ARK-28-1'], managingUnitOnly: true },
    ],
    reportRuleIds: ['ARK-28-1'],
    noticeRuleIds: ['ARK-28-1'],
    recoveryRuleIds: ['ARK-28-1'],
    // The 情報統括責任者 answers for every system (ARK-3-2).
    escalation: { roleKeys: ['information_controller'], ruleIds: ['ARK-3-2'], label: { ja: '情報統括責任者への報告', en: 'Report to the 情報統括責任者' } },
    analysisRuleIds: ['ARK-21-1-4'],
    confirmRuleIds: ['ARK-28-1'],
    networkRuleIds: ['ARK-28-1'],
  },
};

/** The incident rules of a system's rulebook (a system without one is treated under ARK's general rules). */
export function incidentRules(rulebookId: string | null | undefined): IncidentRules {
  return INCIDENT_RULES[(rulebookId ?? 'ARK') as RulebookId] ?? INCIDENT_RULES.ARK;
}

/** INC-R8-0001: per municipality and fiscal year (令和8年度 = FY2026). */
export function incidentNumber(fiscalYear: number, seq: number): string {
  return `INC-R${fiscalYear - 2018}-${String(seq).padStart(4, '0')}`;
}

// ---- the state machine ---------------------------------------------------------------------------------

export type IncidentAction = 'update' | 'resolve' | 'record_analysis' | 'confirm';

export interface IncidentFact {
  status: IncidentStatus;
  analysisRecorded: boolean;
  /** Who recorded the resolution (the confirmer must be someone else). */
  resolvedBy?: string | null;
}

export type TransitionRefusal = 'CLOSED' | 'ALREADY_RESOLVED' | 'ALREADY_CONFIRMED' | 'NOT_RESOLVED' | 'NO_ANALYSIS';

export type Transition = { ok: true; to: IncidentStatus; ruleIds: RuleId[] } | { ok: false; refusal: TransitionRefusal; message: Bilingual; ruleIds: RuleId[] };

const refuse = (refusal: TransitionRefusal, en: string, ja: string, ruleIds: RuleId[]): Transition => ({ ok: false, refusal, message: { ja, en }, ruleIds });

/**
 * What an action does to an incident: updates (ETA, cause, 縮退運転, notes; status RECOVERING) while it
 * is open; the resolution once; the analysis after recovery (KWO-10-1-2 ウ) and before confirmation;
 * the confirmation (MNT-22-3) once resolved and analysed.
 */
export function incidentTransition(rules: IncidentRules, incident: IncidentFact, action: IncidentAction, opts: { recovering?: boolean } = {}): Transition {
  const { status } = incident;
  switch (action) {
    case 'update':
      if (status === 'resolved' || status === 'confirmed') {
        return refuse(
          'CLOSED',
          'The incident is resolved: record the analysis instead of updates.',
          '障害は解消済みです。経過ではなく事後の分析を記録してください。',
          rules.analysisRuleIds,
        );
      }
      return { ok: true, to: opts.recovering || status === 'recovering' ? 'recovering' : 'reported', ruleIds: rules.recoveryRuleIds };
    case 'resolve':
      if (status === 'confirmed')
        return refuse('ALREADY_CONFIRMED', 'The resolution has already been confirmed.', '解消はすでに確認されています。', rules.confirmRuleIds);
      if (status === 'resolved')
        return refuse('ALREADY_RESOLVED', 'The incident has already been resolved.', 'この障害はすでに解消が記録されています。', rules.noticeRuleIds);
      return { ok: true, to: 'resolved', ruleIds: [...new Set([...rules.reportRuleIds, ...rules.noticeRuleIds])] };
    case 'record_analysis':
      if (status === 'confirmed')
        return refuse(
          'ALREADY_CONFIRMED',
          'The resolution has been confirmed: the analysis is closed.',
          '解消が確認済みのため、分析は変更できません。',
          rules.confirmRuleIds,
        );
      if (status !== 'resolved')
        return refuse('NOT_RESOLVED', 'The analysis is recorded after recovery.', '事後の分析は復旧後に記録します。', rules.analysisRuleIds);
      return { ok: true, to: 'resolved', ruleIds: rules.analysisRuleIds };
    case 'confirm':
      if (status === 'confirmed')
        return refuse('ALREADY_CONFIRMED', 'The resolution has already been confirmed.', '解消はすでに確認されています。', rules.confirmRuleIds);
      if (status !== 'resolved')
        return refuse(
          'NOT_RESOLVED',
          'The incident is not resolved yet: it cannot be confirmed.',
          '障害はまだ解消していないため、解消を確認できません。',
          rules.confirmRuleIds,
        );
      if (!incident.analysisRecorded)
        return refuse(
          'NO_ANALYSIS',
          'Record the post-incident analysis (cause and preventive measures) before confirming.',
          '解消を確認する前に、原因と再発防止策（事後の分析）を記録してください。',
          [...new Set([...rules.analysisRuleIds, ...rules.confirmRuleIds])],
        );
      return { ok: true, to: 'confirmed', ruleIds: rules.confirmRuleIds };
  }
}

/**
 * MNT-22-3 separates the report of the resolution (by the 保守業務受託者, relayed by whoever records it)
 * from its confirmation (by the 保健福祉課長): the person who recorded the resolution — or someone
 * acting on their behalf — does not confirm it. Whoever reported the occurrence may.
 */
export function confirmerConflict(incident: IncidentFact, actorStaffId: string, onBehalfOfStaffId: string | null): Bilingual | null {
  if (!incident.resolvedBy) return null;
  if (incident.resolvedBy === actorStaffId || incident.resolvedBy === onBehalfOfStaffId) {
    return {
      en: 'The person who recorded the resolution does not confirm it: another administrator of the system confirms.',
      ja: '解消を記録した者は、その解消を確認できません。システムの他の管理者が確認してください。',
    };
  }
  return null;
}

// ---- input -------------------------------------------------------------------------------------------------

export const INCIDENT_LIMITS = {
  title: 200,
  description: 4000,
  cause: 2000,
  degradedOperation: 2000,
  note: 2000,
  analysis: 8000,
  preventiveMeasures: 4000,
} as const;
/** Clock skew allowed between the reporter's clock and the server's for instants "now". */
const SKEW_MS = 5 * 60_000;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function instantOf(errors: FieldError[], path: Path, value: string | null | undefined, label: Bilingual): number | null {
  if (value == null || value === '') return null;
  const ms = HAS_ZONE.test(value.trim()) ? Date.parse(value.trim()) : NaN;
  if (Number.isNaN(ms)) {
    errors.push(
      fieldError(
        path,
        'INVALID_VALUE',
        `Give the ${label.en} as an instant with its time zone (e.g. 2026-11-20T09:30:00+09:00).`,
        `${label.ja}をタイムゾーン付きの日時で入力してください（例: 2026-11-20T09:30:00+09:00）。`,
      ),
    );
    return null;
  }
  return ms;
}

function text(errors: FieldError[], path: Path, value: string | null | undefined, max: number, label: Bilingual, required = false): void {
  const t = value?.trim() ?? '';
  if (!t) {
    if (required) errors.push(fieldError(path, 'REQUIRED', `Give the ${label.en}.`, `${label.ja}を入力してください。`));
    return;
  }
  if ([...t].length > max)
    errors.push(fieldError(path, 'TOO_LONG', `The ${label.en} is at most ${max} characters.`, `${label.ja}は${max}文字以内で入力してください。`));
}

export interface IncidentReportInput {
  title: string;
  description: string;
  occurredAt: string;
  detectedAt?: string | null;
  severity: IncidentSeverity;
  residentsAffected: boolean;
  degradedOperation?: string | null;
  recoveryEta?: string | null;
  cause?: string | null;
}

const L = {
  title: { ja: '件名', en: 'title' },
  description: { ja: '障害の内容', en: 'description' },
  occurredAt: { ja: '発生日時', en: 'time of occurrence' },
  detectedAt: { ja: '覚知日時', en: 'time of detection' },
  recoveryEta: { ja: '復旧見込日時', en: 'expected recovery time' },
  resolvedAt: { ja: '解消日時', en: 'time of resolution' },
  cause: { ja: '原因', en: 'cause' },
  degradedOperation: { ja: '縮退運転の内容', en: 'degraded operation' },
  note: { ja: '経過', en: 'note' },
  analysis: { ja: '事後の分析', en: 'analysis' },
  preventiveMeasures: { ja: '再発防止策', en: 'preventive measures' },
} satisfies Record<string, Bilingual>;

/** Checks a report of occurrence (第8号様式); paths are under `input`. */
export function validateIncidentReport(input: IncidentReportInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  text(errors, ['input', 'title'], input.title, INCIDENT_LIMITS.title, L.title, true);
  text(errors, ['input', 'description'], input.description, INCIDENT_LIMITS.description, L.description, true);
  text(errors, ['input', 'degradedOperation'], input.degradedOperation, INCIDENT_LIMITS.degradedOperation, L.degradedOperation);
  text(errors, ['input', 'cause'], input.cause, INCIDENT_LIMITS.cause, L.cause);
  if (!input.occurredAt?.trim()) errors.push(fieldError(['input', 'occurredAt'], 'REQUIRED', 'Give the time of occurrence.', '発生日時を入力してください。'));
  const occurred = instantOf(errors, ['input', 'occurredAt'], input.occurredAt, L.occurredAt);
  const detected = instantOf(errors, ['input', 'detectedAt'], input.detectedAt, L.detectedAt);
  const eta = instantOf(errors, ['input', 'recoveryEta'], input.recoveryEta, L.recoveryEta);
  const limit = now.getTime() + SKEW_MS;
  if (occurred !== null && occurred > limit)
    errors.push(
      fieldError(['input', 'occurredAt'], 'INVALID_VALUE', 'The time of occurrence cannot be in the future.', '発生日時に未来の日時は指定できません。'),
    );
  if (detected !== null && detected > limit)
    errors.push(
      fieldError(['input', 'detectedAt'], 'INVALID_VALUE', 'The time of detection cannot be in the future.', '覚知日時に未来の日時は指定できません。'),
    );
  if (occurred !== null && detected !== null && detected < occurred)
    errors.push(fieldError(['input', 'detectedAt'], 'INVALID_VALUE', 'The failure is detected after it occurs.', '覚知日時は発生日時以後にしてください。'));
  if (occurred !== null && eta !== null && eta <= occurred)
    errors.push(
      fieldError(
        ['input', 'recoveryEta'],
        'INVALID_VALUE',
        'The expected recovery comes after the occurrence.',
        '復旧見込日時は発生日時より後にしてください。',
      ),
    );
  return errors;
}

export interface IncidentUpdateInput {
  recoveryEta?: string | null;
  cause?: string | null;
  degradedOperation?: string | null;
  note?: string | null;
  recovering?: boolean | null;
}

/** Checks an update (経過): at least one thing to record. */
export function validateIncidentUpdate(input: IncidentUpdateInput, occurredAt: string): FieldError[] {
  const errors: FieldError[] = [];
  text(errors, ['input', 'cause'], input.cause, INCIDENT_LIMITS.cause, L.cause);
  text(errors, ['input', 'degradedOperation'], input.degradedOperation, INCIDENT_LIMITS.degradedOperation, L.degradedOperation);
  text(errors, ['input', 'note'], input.note, INCIDENT_LIMITS.note, L.note);
  const eta = instantOf(errors, ['input', 'recoveryEta'], input.recoveryEta, L.recoveryEta);
  if (eta !== null && eta <= Date.parse(occurredAt))
    errors.push(
      fieldError(
        ['input', 'recoveryEta'],
        'INVALID_VALUE',
        'The expected recovery comes after the occurrence.',
        '復旧見込日時は発生日時より後にしてください。',
      ),
    );
  const any = [input.cause, input.degradedOperation, input.note, input.recoveryEta].some((v) => v?.trim()) || input.recovering;
  if (!any && errors.length === 0)
    errors.push(
      fieldError(
        ['input'],
        'REQUIRED',
        'Record at least one of: expected recovery, cause, degraded operation, note, status.',
        '復旧見込、原因、縮退運転、経過、状態のいずれかを入力してください。',
      ),
    );
  return errors;
}

/** Checks a resolution: when (between the occurrence and now) and, optionally, the cause. */
export function validateIncidentResolution(input: { resolvedAt?: string | null; cause?: string | null }, occurredAt: string, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  text(errors, ['input', 'cause'], input.cause, INCIDENT_LIMITS.cause, L.cause);
  const at = instantOf(errors, ['input', 'resolvedAt'], input.resolvedAt, L.resolvedAt);
  if (at !== null && at > now.getTime() + SKEW_MS)
    errors.push(
      fieldError(['input', 'resolvedAt'], 'INVALID_VALUE', 'The time of resolution cannot be in the future.', '解消日時に未来の日時は指定できません。'),
    );
  if (at !== null && at < Date.parse(occurredAt))
    errors.push(fieldError(['input', 'resolvedAt'], 'INVALID_VALUE', 'The failure is resolved after it occurs.', '解消日時は発生日時以後にしてください。'));
  return errors;
}

/** Checks the post-incident analysis: both the analysis and the preventive measures are required. */
export function validateIncidentAnalysis(input: { analysis: string; preventiveMeasures: string }): FieldError[] {
  const errors: FieldError[] = [];
  text(errors, ['input', 'analysis'], input.analysis, INCIDENT_LIMITS.analysis, L.analysis, true);
  text(errors, ['input', 'preventiveMeasures'], input.preventiveMeasures, INCIDENT_LIMITS.preventiveMeasures, L.preventiveMeasures, true);
  return errors;
}
