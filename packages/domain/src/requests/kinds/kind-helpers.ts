// Building blocks shared by the request kinds: actors, stage numbering, notes, content readers.
import { localParts } from '../../calendar/operating-calendar.ts';
import { isSupportedDate } from '../../calendar/supported-dates.ts';
import type { RulebookId } from '../../model/types.ts';
import { findRole, ruleIdSet } from '../../rulebooks/index.ts';
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { ActorRule, Bilingual, ComputedStep, FormField, RouteContext, RouteResult, StepKind } from '../request.types.ts';
import type { RuleId } from '../../rulebooks/rule-id.ts';

export const bi = (ja: string, en: string): Bilingual => ({ ja, en });

export const role = (
  rulebookId: RulebookId,
  roleKey: string,
  opts: { where?: 'system_managing_unit' | 'requester_unit'; scopeKey?: string } = {},
): ActorRule => ({
  kind: 'role',
  rulebookId,
  roleKey,
  ...(opts.where ? { where: opts.where } : {}),
  ...(opts.scopeKey ? { scopeKey: opts.scopeKey } : {}),
});

export const requesterSectionChief: ActorRule = { kind: 'requester_section_chief' };
export const requesterActor: ActorRule = { kind: 'requester' };
export const contractor: ActorRule = { kind: 'contractor' };
export const committee = (committeeKey: string): ActorRule => ({ kind: 'committee', committeeKey });

/** Committee keys as the demo data seeds them (ARK-15 運営委員会, KTM-3-7 運用会議). */
export const ARK_STEERING_COMMITTEE = 'ark.committee.steering';
export const KTM_OPERATIONS_MEETING = 'ktm.committee.one-stop';

/** A step before its stage number is known. */
export type StepDraft = Omit<ComputedStep, 'stage'>;

export function step(
  key: string,
  kind: StepKind,
  actor: ActorRule,
  label: Bilingual,
  ruleIds: RuleId[],
  extra: Partial<Pick<ComputedStep, 'perEach' | 'subjectId' | 'requesterMayDecide'>> = {},
): StepDraft {
  return { key, kind, actor, label, ruleIds: ruleIdSet(ruleIds), ...extra };
}

/**
 * Numbers stages in order, skipping empty ones, so stages are always contiguous from 1 whatever
 * optional steps a route leaves out.
 */
export function staged(...groups: (StepDraft | StepDraft[] | null | undefined | false)[]): ComputedStep[] {
  const steps: ComputedStep[] = [];
  let stage = 0;
  for (const group of groups) {
    const drafts = (Array.isArray(group) ? group : group ? [group] : []).filter(Boolean);
    if (drafts.length === 0) continue;
    stage += 1;
    for (const d of drafts) steps.push({ ...d, stage });
  }
  return steps;
}

export type Note = RouteResult['notes'][number];
export const note = (ja: string, en: string, ruleIds: RuleId[]): Note => ({ message: bi(ja, en), ruleIds: ruleIdSet(ruleIds) });

export function result(steps: ComputedStep[], notes: Note[] = [], errors: FieldError[] = [], dueOn?: string): RouteResult {
  return dueOn === undefined ? { steps, notes, errors } : { steps, notes, errors, dueOn };
}

/** The route of a kind asked for under a rulebook that does not define it. */
export function notDefinedIn(kindName: Bilingual, ctx: RouteContext): RouteResult {
  return result([], [], [unsupportedRulebook(kindName, ctx.rulebookId)]);
}

export function unsupportedRulebook(kindName: Bilingual, rulebookId: RulebookId): FieldError {
  return fieldError(
    ['rulebookId'],
    'INVALID_VALUE',
    `The ${rulebookId} rulebook does not define the request "${kindName.en}".`,
    `${rulebookId}の規程には「${kindName.ja}」の申請の定めがありません。`,
  );
}

// --- content readers: tolerant of whatever the caller sent; validateContent reports the types ---

export const text = (ctx: RouteContext, key: string): string | undefined => {
  const v = ctx.content[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
export const flag = (ctx: RouteContext, key: string): boolean => ctx.content[key] === true;
export const num = (ctx: RouteContext, key: string): number | undefined => {
  const v = ctx.content[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** A real calendar date (YYYY-MM-DD) in the range the product accepts (calendar/supported-dates.ts). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isSupportedDate(value);
}

/** The filing date in the municipality's time zone (ARK-12-2 counts 8月末日 in Japan time). */
export function filedOn(ctx: RouteContext): string {
  return localParts(ctx.filedAt, ctx.timeZone).date;
}

/**
 * Whether the requester holds a role of the context's rulebook, directly or through a role that
 * deputises for it (MNT-6-4 システム総括担当者 for the 保健福祉課長, KTM-3-6 副統括管理者 …).
 */
export function holdsRole(ctx: RouteContext, roleKey: string): boolean {
  return ctx.requester.roleKeys.some((k) => k === roleKey || findRole(ctx.rulebookId, k)?.deputyFor === roleKey);
}

export const path = (key: string, ...rest: (string | number)[]): (string | number)[] => ['content', key, ...rest];

// --- fields used by several kinds ---

export function field(
  key: string,
  type: FormField['type'],
  ja: string,
  en: string,
  required: boolean,
  extra: Partial<Omit<FormField, 'key' | 'type' | 'label' | 'required'>> = {},
): FormField {
  return { key, type, label: bi(ja, en), required, ...extra };
}

export const reasonField = (ruleIds: RuleId[], rulebookIds?: RulebookId[]): FormField =>
  field('reason', 'textarea', '理由', 'Reason', true, { maxLength: 2000, ruleIds, ...(rulebookIds ? { rulebookIds } : {}) });

/** validFrom ≤ validTo when both are given. */
export function validPeriodErrors(ctx: RouteContext, fromKey: string, toKey: string, ruleIds: RuleId[]): FieldError[] {
  const from = ctx.content[fromKey];
  const to = ctx.content[toKey];
  if (isIsoDate(from) && isIsoDate(to) && to < from) {
    return [fieldError(path(toKey), 'INVALID_VALUE', 'The end date is before the start date.', '使用期限が使用開始日より前になっています。', ruleIds)];
  }
  return [];
}
