// What a register entry decides (SPEC §6): each transition of a register is a pure function of the
// entry's current state, the actor's facts and the clock. It returns the entry allowed — with what
// to write and the audit event — or refused, with a typed code, a bilingual message and the rules it
// cites. The gateway loads the facts, calls the decision, persists and audits; the messages are here.
import type { Bilingual } from '../requests/request.types.ts';
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { HeldRole, TenureFact } from '../roles/roles.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { isIsoDate, isMonth } from './due-dates.ts';
import { decideRegisterDuty, type RegisterDecision, type RegisterDutyRule, type RegisterTarget } from './registers.ts';

/**
 * Who makes the entry: a staff member signed in as themselves, with the roles they hold now, the
 * section of each position they hold or deputise for, and their tenures. Null: the viewer is not
 * staff in person (an integrator token carries no duty).
 */
export interface RegisterActor {
  staffId: string;
  roles: readonly HeldRole[];
  tenures: readonly TenureFact[];
  positionOrgUnit: (positionId: string) => string | undefined;
  registryAdmin: boolean;
}

/** The audit event an allowed entry appends (its target is the entry written). */
export interface RegisterAudit {
  action: string;
  after: Record<string, unknown>;
  ruleIds: RuleId[];
  onBehalfOfStaffId: string | null;
}

/** Why an entry is refused: not the actor's to make, in conflict with the register's state, or bad input. */
export type RegisterRefusal =
  | { allowed: false; code: 'FORBIDDEN' | 'CONFLICT'; message: Bilingual; ruleIds: RuleId[] }
  | { allowed: false; code: 'BAD_USER_INPUT'; fieldErrors: FieldError[] };

export type RegisterDutyAllowed = Extract<RegisterDecision, { allowed: true }>;

export const forbiddenEntry = (message: Bilingual, ruleIds: RuleId[] = []): RegisterRefusal => ({ allowed: false, code: 'FORBIDDEN', message, ruleIds });
export const conflictingEntry = (message: Bilingual, ruleIds: RuleId[] = []): RegisterRefusal => ({ allowed: false, code: 'CONFLICT', message, ruleIds });
export const badEntry = (fieldErrors: FieldError[]): RegisterRefusal => ({ allowed: false, code: 'BAD_USER_INPUT', fieldErrors });

/** Register entries are made by staff in person. */
export const STAFF_IN_PERSON_ONLY: Bilingual = {
  ja: '登録は本人としてサインインした職員が行います。',
  en: 'Register entries are made by staff signed in as themselves.',
};

/**
 * The duty the actor records under (REGISTER_DUTIES, a document's keepers), or the refusal naming
 * who may: none for a viewer who is not staff in person.
 */
export function registerDuty(actor: RegisterActor | null, rules: readonly RegisterDutyRule[], target: RegisterTarget): RegisterDutyAllowed | RegisterRefusal {
  if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
  const d = decideRegisterDuty(rules, actor.roles, target, actor.positionOrgUnit, actor.registryAdmin);
  return d.allowed ? d : forbiddenEntry(d.message, d.ruleIds);
}

// ---- the registers' common input checks -------------------------------------------------------------

export const malformedId = (path: Path): FieldError => fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。');

export const monthFilterErrors = (month: string | null | undefined, path: Path = ['month']): FieldError[] =>
  month && !isMonth(month) ? [fieldError(path, 'INVALID_VALUE', 'Give the month as YYYY-MM.', '対象月をYYYY-MMの形式で入力してください。')] : [];

export const dateFilterErrors = (date: string | null | undefined, path: Path = ['at']): FieldError[] =>
  date && !isIsoDate(date) ? [fieldError(path, 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '日付をYYYY-MM-DDの形式で入力してください。')] : [];

export const fiscalYearErrors = (fiscalYear: number, path: Path = ['fiscalYear']): FieldError[] =>
  !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100
    ? [fieldError(path, 'INVALID_VALUE', 'Give the fiscal year (e.g. 2026).', '年度を入力してください（例: 2026）。')]
    : [];

export const orgUnitNotFound = (path: Path): FieldError => fieldError(path, 'NOT_FOUND', 'Org unit not found.', '組織が見つかりません。');
export const positionNotFound = (path: Path): FieldError => fieldError(path, 'NOT_FOUND', 'Position not found.', '職が見つかりません。');

// ---- notices -----------------------------------------------------------------------------------------

/** What the register tells the people concerned (in the app; by mail too when `mail`). */
export interface RegisterNotice {
  kind: string;
  subject: string;
  body: string;
  mail: boolean;
}

/** The mail a register notice is sent as. */
export function registerNoticeMail(n: { subject: string; body: string }): { subject: string; body: string } {
  return { subject: `【司】${n.subject}`, body: `${n.body}\n\n管理画面の「運用」から確認できます。` };
}
