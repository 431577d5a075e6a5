// 行政手続の定義 of Kitami's counter support system (書かない窓口, KTM-7): what each procedure is
// (KTM-7-2-1), the conditions that make it necessary (KTM-7-2-2) as a small condition language the
// system evaluates over a resident's situation, the routing by the staff member's business authority
// (KTM-7-2-3), what to confirm (KTM-7-2-4) and the forms printed (KTM-7-2-5, KTM-8-1), kept up to
// date by the business section (業務所管課, KTM-5-1-1). Pure: no I/O.
//
// The condition language is data, never code: a tree of `all` / `any` / `not` over leaves
// `{ fact, op, value }` (plus `where` for counting household members). Parsing rejects anything
// else with the field path of the offending part, and bounds its size, so a definition can neither
// run code nor make the evaluation expensive.
import { isoDate, lastDayOfMonth, parseIsoDate } from '../calendar/iso-date.ts';
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import {
  PROCEDURE_CATEGORIES,
  evaluateCondition,
  isProcedureCategory,
  parseConditionJson,
  type ProcedureCategory,
  type ProcedureCondition,
  type ResidentSituation,
} from './procedure-conditions.ts';
import { bi, isPlainObject, parseJson, unknownKeys } from './procedure-input.ts';

export * from './procedure-conditions.ts';

// ---- routing by business authority (KTM-7-2-3) --------------------------------------------------

/** What a staff member of a given business authority does with the procedure. */
export type ProcedureRoutingAction = 'handle' | 'accept_and_hand_over' | 'refer';

export const PROCEDURE_ROUTING_ACTIONS: Record<ProcedureRoutingAction, Bilingual> = {
  handle: bi('この窓口で受け付けて処理する', 'Handle it at this counter'),
  accept_and_hand_over: bi('受け付けて届出書等を印字し、所管課へ引き継ぐ', 'Take it, print the form and hand it over to the section in charge'),
  refer: bi('所管課の窓口へ案内する', 'Refer the resident to the section in charge'),
};

const isProcedureRoutingAction = (v: unknown): v is ProcedureRoutingAction => typeof v === 'string' && Object.hasOwn(PROCEDURE_ROUTING_ACTIONS, v);

/** The wildcard authority: any staff member no other pattern names. */
export const ANY_AUTHORITY = '*';

/**
 * One routing pattern: staff whose business authority lies in section `authority` (or below it;
 * `*` for anyone else) do `action`; a hand-over or referral goes `to` a section (default: the
 * section that handles the procedure). Sections are references (key, name or id) the caller resolves.
 */
export interface ProcedureRoutingPattern {
  authority: string;
  action: ProcedureRoutingAction;
  to?: string | null;
  note?: string | null;
}

export interface ProcedureRouting {
  /** The section that handles the procedure (default: the managing section, 業務所管課). */
  handlingSection?: string | null;
  patterns: ProcedureRoutingPattern[];
}

const ROUTING_RULES: RuleId[] = ['KTM-7-2-3'];
const invalidRouting = (path: Path, en: string, ja: string): FieldError => fieldError(path, 'INVALID_VALUE', en, ja, ROUTING_RULES);
const MAX_PATTERNS = 20;

/** Checks routing patterns written as data; sections stay references for the caller to resolve. */
export function parseProcedureRouting(input: unknown, path: Path = []): { routing: ProcedureRouting | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isPlainObject(input))
    return {
      routing: null,
      errors: [
        invalidRouting(path, 'Expected { "handlingSection": …, "patterns": [ … ] }.', '{ "handlingSection": …, "patterns": [ … ] } の形式で記述してください。'),
      ],
    };
  errors.push(...unknownKeys(input, ['handlingSection', 'patterns'], path).map((e) => ({ ...e, ruleIds: ROUTING_RULES })));
  const ref = (v: unknown, p: Path, required: boolean): string | null => {
    if (v === undefined || v === null) {
      if (required) errors.push(invalidRouting(p, 'Name a section (its key or name).', '課（キー又は名称）を指定してください。'));
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '' || v.length > 120) {
      errors.push(invalidRouting(p, 'Name a section (its key or name, at most 120 characters).', '課（キー又は名称、120文字以内）を指定してください。'));
      return null;
    }
    return v.trim();
  };
  const handlingSection = ref(input.handlingSection, [...path, 'handlingSection'], false);
  const list = input.patterns;
  const patterns: ProcedureRoutingPattern[] = [];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PATTERNS) {
    errors.push(
      invalidRouting([...path, 'patterns'], `Give 1 to ${MAX_PATTERNS} routing patterns.`, `振り分けパターンを1〜${MAX_PATTERNS}件指定してください。`),
    );
  } else {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const at = [...path, 'patterns', i];
      if (!isPlainObject(p)) {
        errors.push(invalidRouting(at, 'Expected { "authority": …, "action": … }.', '{ "authority": …, "action": … } の形式で記述してください。'));
        return;
      }
      errors.push(...unknownKeys(p, ['authority', 'action', 'to', 'note'], at).map((e) => ({ ...e, ruleIds: ROUTING_RULES })));
      const authority = ref(p.authority, [...at, 'authority'], true);
      if (authority && seen.has(authority))
        errors.push(invalidRouting([...at, 'authority'], 'This authority already has a pattern.', 'この業務権限の振り分けパターンが重複しています。'));
      if (authority) seen.add(authority);
      if (!isProcedureRoutingAction(p.action)) {
        errors.push(
          invalidRouting(
            [...at, 'action'],
            `The action is one of ${Object.keys(PROCEDURE_ROUTING_ACTIONS).join(', ')}.`,
            `対応方法は${Object.keys(PROCEDURE_ROUTING_ACTIONS).join('、')}のいずれかです。`,
          ),
        );
      }
      const to = ref(p.to, [...at, 'to'], false);
      if (p.action === 'handle' && to)
        errors.push(
          invalidRouting([...at, 'to'], 'A section that handles the procedure hands it to no one.', '「handle」（処理する）のときは引継ぎ先を指定しません。'),
        );
      if (p.note !== undefined && p.note !== null && (typeof p.note !== 'string' || p.note.length > 500)) {
        errors.push(invalidRouting([...at, 'note'], 'The note is text of at most 500 characters.', '備考は500文字以内の文字列で記述してください。'));
      }
      if (authority && isProcedureRoutingAction(p.action))
        patterns.push({ authority, action: p.action, to, note: typeof p.note === 'string' && p.note.trim() ? p.note.trim() : null });
    });
  }
  return errors.length ? { routing: null, errors } : { routing: { handlingSection, patterns }, errors: [] };
}

export function parseProcedureRoutingJson(text: string, path: Path): { routing: ProcedureRouting | null; errors: FieldError[] } {
  const parsed = parseJson(text, path, ROUTING_RULES);
  return parsed.ok ? parseProcedureRouting(parsed.value, path) : { routing: null, errors: [parsed.error] };
}

export interface ProcedureRoutingDecision {
  action: ProcedureRoutingAction;
  /** The section handed over or referred to (null when the viewer's section handles it). */
  to: string | null;
  note: string | null;
  /** Whether a pattern of the definition decided it (false: the default — the handling section handles, others refer). */
  explicit: boolean;
  ruleIds: RuleId[];
}

/**
 * KTM-7-2-3: what a staff member does with the procedure, from the sections their business authority
 * lies in (their section and every section above it). The first pattern naming one of them applies,
 * then the wildcard; without either, the handling section handles it and anyone else refers.
 * Sections are compared as the caller resolved them (ids).
 */
export function procedureRouteFor(
  routing: { handlingSection: string; patterns: ProcedureRoutingPattern[] },
  viewerSections: readonly string[],
): ProcedureRoutingDecision {
  const hit =
    routing.patterns.find((p) => p.authority !== ANY_AUTHORITY && viewerSections.includes(p.authority)) ??
    routing.patterns.find((p) => p.authority === ANY_AUTHORITY);
  const decide = (action: ProcedureRoutingAction, to: string | null, note: string | null, explicit: boolean): ProcedureRoutingDecision => ({
    action,
    to: action === 'handle' ? null : (to ?? routing.handlingSection),
    note,
    explicit,
    // A hand-over between sections is arranged by them (KTM-5-1-2); the counter prints the form it hands over (KTM-8-1).
    ruleIds: action === 'accept_and_hand_over' ? ['KTM-7-2-3', 'KTM-5-1-2', 'KTM-8-1'] : ['KTM-7-2-3'],
  });
  if (hit) return decide(hit.action, hit.to ?? null, hit.note ?? null, true);
  return viewerSections.includes(routing.handlingSection) ? decide('handle', null, null, false) : decide('refer', null, null, false);
}

// ---- the definition as the request carries it (KTM-7-2, KTM-7-4) --------------------------------

export interface ProcedureOutputForm {
  name: string;
  printedFields: string[];
}

export interface ProcedureDefinitionContent {
  name: string;
  category: ProcedureCategory;
  /** KTM-7-2-1 */
  overview: string;
  /** KTM-7-2-2, for people. */
  conditionsText: string;
  /** KTM-7-2-2, for the system; null: never proposed automatically, staff judge from the text. */
  conditionRules: ProcedureCondition | null;
  /** KTM-7-2-3, for people. */
  routingText: string;
  routing: ProcedureRouting | null;
  /** KTM-7-2-4 */
  confirmationItems: string[];
  /** KTM-7-2-5 */
  outputForms: ProcedureOutputForm[];
  /** KTM-7-2-6 */
  other: string | null;
  /** Order within its category at the counter (KTM-7-3: set for a smooth counter). */
  displayOrder: number;
}

export const DEFAULT_PROCEDURE_ORDER = 100;

const LINE_BULLET = /^\s*(?:[・•\-*＊]|\d+[.．)）]|[（(]\d+[)）])\s*/;

/** One item per line, bullets and numbering dropped. */
export function splitProcedureLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(LINE_BULLET, '').trim())
    .filter((l) => l !== '');
}

/**
 * Output forms, one per line: "様式名（印字：項目、項目）" or "様式名：項目、項目" or just "様式名".
 * Printed fields are separated by 、 , ， or ・.
 */
export function parseProcedureOutputForms(text: string): ProcedureOutputForm[] {
  return splitProcedureLines(text).map((line) => {
    const m = /^(.+?)\s*[（(]\s*印字(?:項目)?\s*[:：]\s*(.+?)\s*[)）]\s*$/.exec(line) ?? /^(.+?)\s*[:：]\s*(.+)$/.exec(line);
    if (!m) return { name: line, printedFields: [] };
    return {
      name: m[1]!.trim(),
      printedFields: m[2]!
        .split(/[、,，・]/)
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    };
  });
}

const str = (c: Record<string, unknown>, key: string): string | null => {
  const v = c[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/**
 * The structured parts of a procedure_definition request's content: refusals for the JSON fields
 * (conditionRules, routingRules) with the path of each offending part. The form's own checks
 * (required fields, lengths, the category) come from the request kind.
 */
export function procedureContentErrors(content: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const rules = content.conditionRules;
  if (typeof rules === 'string' && rules.trim() !== '') errors.push(...parseConditionJson(rules, ['content', 'conditionRules']).errors);
  const routing = content.routingRules;
  if (typeof routing === 'string' && routing.trim() !== '') errors.push(...parseProcedureRoutingJson(routing, ['content', 'routingRules']).errors);
  return errors;
}

/** The definition an approved request sets (its content already validated at filing). */
export function procedureDefinitionFromContent(content: Record<string, unknown>): { definition: ProcedureDefinitionContent | null; errors: FieldError[] } {
  const errors = procedureContentErrors(content);
  const name = str(content, 'procedureName');
  const category = content.procedureCategory;
  if (!name)
    errors.push(fieldError(['content', 'procedureName'], 'REQUIRED', 'Procedure name is required.', '行政手続の名称を入力してください。', ['KTM-7-1']));
  if (!isProcedureCategory(category))
    errors.push(fieldError(['content', 'procedureCategory'], 'INVALID_VALUE', 'Choose a category.', '行政手続の区分を選択してください。', ['KTM-7-1']));
  if (errors.length || !name || !isProcedureCategory(category)) return { definition: null, errors };
  const rulesText = str(content, 'conditionRules');
  const routingText = str(content, 'routingRules');
  const order = content.displayOrder;
  return {
    definition: {
      name: name.normalize('NFKC'),
      category,
      overview: str(content, 'overview') ?? '',
      conditionsText: str(content, 'conditions') ?? '',
      conditionRules: rulesText ? parseConditionJson(rulesText, ['content', 'conditionRules']).condition : null,
      routingText: str(content, 'routingPattern') ?? '',
      routing: routingText ? parseProcedureRoutingJson(routingText, ['content', 'routingRules']).routing : null,
      confirmationItems: splitProcedureLines(str(content, 'confirmationItems') ?? ''),
      outputForms: parseProcedureOutputForms(str(content, 'outputForms') ?? ''),
      other: str(content, 'other'),
      displayOrder: typeof order === 'number' && Number.isInteger(order) ? order : DEFAULT_PROCEDURE_ORDER,
    },
    errors: [],
  };
}

/** The identity of a procedure across versions: its name, NFKC-normalised, spaces removed. */
export function procedureNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// ---- which procedures a situation needs ---------------------------------------------------------

export interface ProcedureCandidate {
  name: string;
  category: ProcedureCategory;
  displayOrder: number;
  conditionRules: ProcedureCondition | null;
}

export interface NeededProcedure<T extends ProcedureCandidate> {
  definition: T;
  /** The conditions that matched, with what was found. */
  reasons: Bilingual[];
  ruleIds: RuleId[];
}

const collator = new Intl.Collator('ja');

/**
 * The procedures a situation needs (KTM-7-2-2): every definition whose condition holds, in the
 * order of KTM-7-1 — the 住所・氏名・世帯 notification first, then the related ones, then the others —
 * and within a category by the order the definitions set, then by name. Definitions without
 * structured conditions are never proposed: the counter judges them from their text.
 */
export function proceduresNeeded<T extends ProcedureCandidate>(definitions: readonly T[], situation: ResidentSituation): NeededProcedure<T>[] {
  const out: NeededProcedure<T>[] = [];
  for (const d of definitions) {
    if (!d.conditionRules) continue;
    const r = evaluateCondition(d.conditionRules, situation);
    if (r.matched) out.push({ definition: d, reasons: r.reasons, ruleIds: [PROCEDURE_CATEGORIES[d.category].ruleId, 'KTM-7-2-2'] });
  }
  return out.sort((a, b) => compareProcedures(a.definition, b.definition));
}

export function compareProcedures(
  a: Pick<ProcedureCandidate, 'category' | 'displayOrder' | 'name'>,
  b: Pick<ProcedureCandidate, 'category' | 'displayOrder' | 'name'>,
): number {
  return PROCEDURE_CATEGORIES[a.category].order - PROCEDURE_CATEGORIES[b.category].order || a.displayOrder - b.displayOrder || collator.compare(a.name, b.name);
}

// ---- regular review (KTM-5-1-1) -----------------------------------------------------------------

/** KTM-5-1-1 says 定期的に without a period: a definition not reviewed for over a year is due. */
export const PROCEDURE_REVIEW_INTERVAL_YEARS = 1;

export interface ProcedureReviewStatus {
  /** The last day the last review covers. */
  reviewDueOn: string;
  /** Not reviewed for over a year. */
  reviewDue: boolean;
  ruleIds: RuleId[];
}

export function procedureReviewStatus(reviewedOn: string, today: string): ProcedureReviewStatus {
  const { year, month, day } = parseIsoDate(reviewedOn);
  const last = Number(lastDayOfMonth(year + PROCEDURE_REVIEW_INTERVAL_YEARS, month).slice(8));
  const reviewDueOn = isoDate(year + PROCEDURE_REVIEW_INTERVAL_YEARS, month, Math.min(day, last));
  return { reviewDueOn, reviewDue: today > reviewDueOn, ruleIds: ['KTM-5-1-1'] };
}
