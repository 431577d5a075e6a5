// The request kinds, and what every kind gets checked against at filing time: the rulebook defines the
// kind, the requester may file it, the content matches the form, then the kind's own rules.
import { localParts } from '../calendar/operating-calendar.ts';
import { isRealDate, isSupportedInstant, unsupportedDateError } from '../calendar/supported-dates.ts';
import type { RulebookId } from '../model/types.ts';
import { fieldError, type FieldError } from '../registry/field-error.ts';
import { textError } from '../registry/text-policy.ts';
import { ruleIdsWithin } from '../rulebooks/rule-id-set.ts';
import { accessRightsUpdateKind } from './kinds/access-rights-update.kind.ts';
import { bulkUserUpdateKind } from './kinds/bulk-user-update.kind.ts';
import { dataUseConsultationKind } from './kinds/data-use-consultation.kind.ts';
import { holdsRole, isIsoDate, unsupportedRulebook } from './kinds/kind-helpers.ts';
import { licenceCountChangeKind } from './kinds/licence-count-change.kind.ts';
import { newSystemIntroductionKind } from './kinds/new-system-introduction.kind.ts';
import { passwordResetKind } from './kinds/password-reset.kind.ts';
import { procedureDefinitionKind } from './kinds/procedure-definition.kind.ts';
import { systemModificationKind } from './kinds/system-modification.kind.ts';
import { systemRetirementKind } from './kinds/system-retirement.kind.ts';
import { usageReinstatementKind, usageSuspensionKind } from './kinds/usage-restriction.kind.ts';
import { userAdditionKind } from './kinds/user-addition.kind.ts';
import { userTerminationKind } from './kinds/user-termination.kind.ts';
import { workRequestKind } from './kinds/work-request.kind.ts';
import type { ActorRule, FormField, RequestKind, RouteContext, RouteResult } from './request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

export const requestKinds: RequestKind[] = [
  userAdditionKind,
  userTerminationKind,
  bulkUserUpdateKind,
  accessRightsUpdateKind,
  licenceCountChangeKind,
  usageSuspensionKind,
  usageReinstatementKind,
  passwordResetKind,
  workRequestKind,
  systemModificationKind,
  newSystemIntroductionKind,
  dataUseConsultationKind,
  systemRetirementKind,
  procedureDefinitionKind,
];

const byKey = new Map(requestKinds.map((k) => [k.key, k]));

export function findRequestKind(key: string): RequestKind | undefined {
  return byKey.get(key);
}

/** The kinds a rulebook defines (KTM has no work request, MNT no procedure definition …). */
export function kindsFor(rulebookId: RulebookId): RequestKind[] {
  return requestKinds.filter((k) => k.rulebookIds.includes(rulebookId));
}

/**
 * The paper form a kind replaces under a rulebook, or undefined when that rulebook names none: a
 * user addition is MNT's 第1号様式, while KTM defines no forms and KWO's 第1号様式 is the form ledger.
 */
export function paperFormFor(kind: RequestKind, rulebookId: RulebookId): string | undefined {
  return kind.paperForms?.[rulebookId];
}

/** The form fields shown under a rulebook, each citing that rulebook's rules only. */
export function fieldsFor(kind: RequestKind, rulebookId: RulebookId): FormField[] {
  return kind.fields
    .filter((f) => !f.rulebookIds || f.rulebookIds.includes(rulebookId))
    .map((f) => (f.ruleIds ? { ...f, ruleIds: ruleIdsWithin(f.ruleIds, [rulebookId]) } : f));
}

/**
 * The rules a kind cites under these rulebooks: a kind defined by several rulebooks lists the
 * rules of each (user addition: MNT-10, KTM-10, KWO-6), and a municipality sees its own.
 */
export function kindRuleIds(kind: RequestKind, rulebookIds: readonly string[]): RuleId[] {
  return ruleIdsWithin(kind.ruleIds, rulebookIds);
}

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function checkField(f: FormField, value: unknown): FieldError | null {
  const p = ['content', f.key];
  const { ja, en } = f.label;
  const rules = f.ruleIds;
  if (isBlank(value)) {
    return f.required ? fieldError(p, 'REQUIRED', `${en} is required.`, `${ja}を入力してください。`, rules) : null;
  }
  const invalid = (enWhy: string, jaWhy: string) => fieldError(p, 'INVALID_VALUE', `${en}: ${enWhy}`, `${ja}：${jaWhy}`, rules);
  switch (f.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return invalid('expected text.', '文字列で入力してください。');
      const refused = textError(p, value, f.type === 'text' ? 'line' : 'multiline', f.label);
      if (refused) return { ...refused, ...(rules ? { ruleIds: rules } : {}) };
      if (f.maxLength !== undefined && [...value.trim()].length > f.maxLength) {
        return fieldError(p, 'TOO_LONG', `${en} is longer than ${f.maxLength} characters.`, `${ja}は${f.maxLength}文字以内で入力してください。`, rules);
      }
      return null;
    }
    case 'date':
      if (isIsoDate(value)) return null;
      return typeof value === 'string' && isRealDate(value)
        ? unsupportedDateError(p, 'date')
        : invalid('expected a date (YYYY-MM-DD).', '日付（YYYY-MM-DD）で入力してください。');
    case 'datetime':
      if (typeof value !== 'string' || !HAS_ZONE.test(value) || Number.isNaN(Date.parse(value)))
        return invalid('expected a date and time with its offset.', '日時（時差付き）で入力してください。');
      return isSupportedInstant(new Date(value)) ? null : unsupportedDateError(p, 'instant');
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid('expected a number.', '数値で入力してください。');
      if (f.min !== undefined && value < f.min) return invalid(`must be at least ${f.min}.`, `${f.min}以上で入力してください。`);
      if (f.max !== undefined && value > f.max) return invalid(`must be at most ${f.max}.`, `${f.max}以下で入力してください。`);
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : invalid('expected yes or no.', 'はい又はいいえで選択してください。');
    case 'select':
      return typeof value === 'string' && (f.options ?? []).some((o) => o.value === value)
        ? null
        : invalid('choose one of the options.', '選択肢から選んでください。');
    case 'staff':
    case 'system':
    case 'asset':
    case 'orgUnit':
    case 'position':
      return typeof value === 'string' ? null : invalid('expected an id.', '選択してください。');
    case 'staffList':
    case 'assetList':
    case 'dataItems':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')
        ? null
        : invalid('expected a list.', '一覧で選択してください。');
    case 'userChanges':
      return Array.isArray(value) ? null : invalid('expected a list of changes.', '更新内容を一覧で入力してください。');
  }
}

/**
 * The form checked generically (type, required, maxLength, min/max, options; paths ['content', key])
 * and then by the kind's own rules. Under a rulebook that does not define the kind, only that refusal.
 */
export function validateContent(kind: RequestKind, ctx: RouteContext): FieldError[] {
  if (!kind.rulebookIds.includes(ctx.rulebookId)) return [unsupportedRulebook(kind.name, ctx.rulebookId)];
  const errors: FieldError[] = [];
  for (const f of fieldsFor(kind, ctx.rulebookId)) {
    const e = checkField(f, ctx.content[f.key]);
    if (e) errors.push(e);
  }
  return dedupe([...errors, ...kind.validate(ctx)]);
}

function mayFileAs(filer: ActorRule, ctx: RouteContext): boolean {
  switch (filer.kind) {
    case 'role':
      return filer.rulebookId === ctx.rulebookId && holdsRole(ctx, filer.roleKey);
    case 'requester':
      return true;
    case 'asset_owners':
      return ctx.requesterPositionIds.length > 0;
    default:
      // Committees, contractors, data chiefs — and "the requester's section chief", which the context
      // cannot attest — never file: deny by default.
      return false;
  }
}

/** Who may file and where: the rulebook defines the kind, the system is governed by it, the requester is a filer. */
export function filingErrors(kind: RequestKind, ctx: RouteContext): FieldError[] {
  if (!kind.rulebookIds.includes(ctx.rulebookId)) return [unsupportedRulebook(kind.name, ctx.rulebookId)];
  const errors: FieldError[] = [];
  if (ctx.system?.rulebookId && ctx.system.rulebookId !== ctx.rulebookId) {
    errors.push(
      fieldError(
        ['system'],
        'INVALID_VALUE',
        `The system is governed by the ${ctx.system.rulebookId} rulebook, not ${ctx.rulebookId}.`,
        `このシステムは${ctx.system.rulebookId}の規程の対象です（${ctx.rulebookId}ではありません）。`,
      ),
    );
  }
  if (!kind.filers.some((f) => mayFileAs(f, ctx))) {
    errors.push(
      fieldError(
        ['requester'],
        'INVALID_VALUE',
        `You may not file "${kind.name.en}" under this rulebook.`,
        `「${kind.name.ja}」を申請できる立場にありません。`,
        kindRuleIds(kind, [ctx.rulebookId]),
      ),
    );
  }
  try {
    localParts(ctx.filedAt, ctx.timeZone);
  } catch {
    errors.push(fieldError(['filedAt'], 'INVALID_VALUE', 'The filing instant needs a time zone offset.', '申請日時が正しくありません。'));
  }
  return errors;
}

/** One refusal per field: the first (the form's own check comes before the kind's rules). */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = JSON.stringify(e.path);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * What the applicant sees before filing and what the gateway checks at filing: the route with every
 * refusal (filing, form, rules, route). A request is filed only when `errors` is empty.
 */
export function previewRoute(kind: RequestKind, ctx: RouteContext): RouteResult {
  const filing = filingErrors(kind, ctx);
  if (!kind.rulebookIds.includes(ctx.rulebookId) || filing.some((e) => e.path[0] === 'filedAt')) return { steps: [], notes: [], errors: filing };
  const routed = kind.route(ctx);
  return { ...routed, errors: dedupe([...filing, ...validateContent(kind, ctx), ...routed.errors]) };
}

/**
 * The kinds of a rulebook that cite a rule, in the menu's order: the kind or one of its form fields
 * cites the rule itself, or the article or paragraph that holds it (a kind citing MNT-10 cites
 * MNT-10-1 too).
 */
export function kindsCitingRule(rulebookId: RulebookId, ruleId: RuleId): RequestKind[] {
  const holds = (cited: RuleId) => ruleId === cited || ruleId.startsWith(`${cited}-`);
  return kindsFor(rulebookId).filter((kind) =>
    [...kindRuleIds(kind, [rulebookId]), ...fieldsFor(kind, rulebookId).flatMap((f) => f.ruleIds ?? [])].some(holds),
  );
}
