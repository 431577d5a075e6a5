// Who may see a protected field of an information asset (SPEC §5). A viewer sees it when, in this
// order of preference: it is their own contact data (SELF); they hold an owner position of the
// asset (OWNER); the rulebook gives one of their roles that access (ROLE); or they hold an approved
// grant valid now, not suspended, inside its duty period (GRANT). Everything else is refused.
import type { Bilingual } from '../bilingual.ts';
import type { RulebookId } from '../model/types.ts';
import { findRole, rulebookIds as knownRulebookIds } from '../rulebooks/index.ts';
import { DEFAULT_ROLE_TIME_ZONE, isOnDuty, positionsAt } from '../roles/role-resolution.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import { formatWarekiDateTime } from '../wareki.ts';
import type { AssetKind, FieldAccessInput, FieldDecision, FieldDenialReason, GrantFact } from './authz.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** A role the rulebook lets see the protected data of one kind of asset. */
export interface RoleFieldAccessRule {
  kind: AssetKind;
  rulebookId: RulebookId;
  roleKey: string;
  ruleIds: RuleId[];
  /**
   * ARK-4: the digital section chief and a system-managing chief administer only the systems their
   * own section manages, so the role counts only when its position belongs to the system's managing
   * org unit.
   */
  managingUnitOnly?: boolean;
}

/** Roles that administer a system's security (network, vulnerabilities, incident details). */
const SECURITY_ROLES: Omit<RoleFieldAccessRule, 'kind'>[] = [
  { rulebookId: 'ARK', roleKey: 'information_controller', ruleIds: ['ARK-3-2'] },
  { rulebookId: 'ARK', roleKey: 'information_manager', ruleIds: ['ARK-3の2-3'] },
  { rulebookId: 'ARK', roleKey: 'digital_section_chief', ruleIds: ['ARK-4-1'], managingUnitOnly: true },
  { rulebookId: 'ARK', roleKey: 'system_managing_chief', ruleIds: ['ARK-4-2'], managingUnitOnly: true },
  { rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-20-1', 'MNT-22-1'] },
  { rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-3'] },
  // KWW-4-1: the システム管理者 performs the duties of KWW-3-2 besides acting for the 総括者.
  { rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1'] },
  { rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-2-3'] },
  { rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-3-3-3'] },
  { rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-6'] },
];

/**
 * The rulebook's grants of access by role, per asset kind. `staff_contacts` and `business` have
 * none: personal information is shown only within the viewer's business authority (KTM-9-2,
 * KWO-8-1), which owners express as grants.
 */
export const roleFieldAccessTable: readonly RoleFieldAccessRule[] = [
  ...SECURITY_ROLES.map((r) => ({ ...r, kind: 'system_security' as const })),
  // Contact networks for incidents (KWW-9, KTM-14, KWO-10, MNT-22, ARK-28).
  { kind: 'emergency_contacts', rulebookId: 'KWW', roleKey: 'information_owner', ruleIds: ['KWW-9-1'] },
  { kind: 'emergency_contacts', rulebookId: 'KWW', roleKey: 'system_supervisor', ruleIds: ['KWW-3-2-4'] },
  // KWW-4-1: the システム管理者 also handles incidents (KWW-3-2-4).
  { kind: 'emergency_contacts', rulebookId: 'KWW', roleKey: 'system_administrator', ruleIds: ['KWW-4-1', 'KWW-3-2-4'] },
  { kind: 'emergency_contacts', rulebookId: 'KTM', roleKey: 'general_manager', ruleIds: ['KTM-14-1'] },
  // KTM-3-6: the 副統括管理者 assists the 統括管理者 and stands in for them in an incident.
  { kind: 'emergency_contacts', rulebookId: 'KTM', roleKey: 'deputy_general_manager', ruleIds: ['KTM-3-6', 'KTM-14-1'] },
  { kind: 'emergency_contacts', rulebookId: 'KWO', roleKey: 'system_manager', ruleIds: ['KWO-10-1'] },
  { kind: 'emergency_contacts', rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-22-1'] },
  { kind: 'emergency_contacts', rulebookId: 'ARK', roleKey: 'digital_section_chief', ruleIds: ['ARK-28-1'], managingUnitOnly: true },
  { kind: 'emergency_contacts', rulebookId: 'ARK', roleKey: 'system_managing_chief', ruleIds: ['ARK-28-1'], managingUnitOnly: true },
  // The contractor's people are reached by those who administer the system.
  ...SECURITY_ROLES.map((r) => ({ ...r, kind: 'contractor_contacts' as const })),
];

/** The owner's judgement over use of the information (KWW-5-2, KWO-3-2, ARK-14-1, MNT-19-1, KTM-4-3-2). */
export const OWNER_RULE_IDS: Record<RulebookId, RuleId[]> = {
  KWW: ['KWW-5-2'],
  KWO: ['KWO-3-2'],
  ARK: ['ARK-14-1'],
  MNT: ['MNT-19-1'],
  KTM: ['KTM-4-3-2'],
};

/** The basis of a viewing grant approved by the owner. */
export const GRANT_RULE_IDS: Record<RulebookId, RuleId[]> = {
  KWW: ['KWW-5-2'],
  KWO: ['KWO-3-2'],
  KTM: ['KTM-9-2'],
  MNT: ['MNT-19-3'],
  ARK: ['ARK-14-1'],
};

/** Why someone without a right sees nothing: information is shown only within business authority. */
export const NO_RIGHT_RULE_IDS: Record<RulebookId, RuleId[]> = {
  KTM: ['KTM-9-2'],
  KWO: ['KWO-8-1'],
  KWW: ['KWW-5-2'],
  MNT: ['MNT-19-1'],
  ARK: ['ARK-14-1'],
};

/** KTM-11: a right lasts as long as its holder does the duty. */
const DUTY_RULE_IDS: Partial<Record<RulebookId, RuleId[]>> = { KTM: ['KTM-11'] };

const OWNER_TITLE: Record<RulebookId, { ja: string; en: string }> = {
  KWW: { ja: '情報管理責任者', en: 'information owner' },
  KWO: { ja: '情報資産管理責任者', en: 'information asset manager' },
  ARK: { ja: 'データを管理する課の長', en: 'chief of the section managing the data' },
  MNT: { ja: '所管課長', en: 'chief of the section in charge' },
  KTM: { ja: '管理者', en: 'manager' },
};

const KIND_LABEL: Record<AssetKind, { ja: string; en: string }> = {
  business: { ja: '業務情報', en: 'business information' },
  staff_contacts: { ja: '職員の連絡先', en: 'staff contact details' },
  contractor_contacts: { ja: '受託事業者の連絡先', en: 'contractor contact details' },
  system_security: { ja: 'システムのセキュリティ情報', en: 'system security information' },
  emergency_contacts: { ja: '緊急連絡体制', en: 'emergency contact network' },
};

/** Order in which a failing grant's defects are reported. */
const GRANT_DEFECT_ORDER: readonly FieldDenialReason[] = [
  'GRANT_PENDING_APPROVAL',
  'GRANT_NOT_YET_VALID',
  'GRANT_EXPIRED',
  'GRANT_SUSPENDED',
  'GRANT_OUTSIDE_DUTY',
  'GRANT_OTHER_FIELDS',
];

export const FIELD_CHECK_KIND_VALUES = ['SELF', 'OWNER', 'ROLE', 'GRANT'] as const;
export type FieldCheckKind = (typeof FIELD_CHECK_KIND_VALUES)[number];

/** One rule the decision checked, and whether the viewer passed it. */
export interface FieldAccessCheck {
  kind: FieldCheckKind;
  passed: boolean;
  message: Bilingual;
  ruleIds: RuleId[];
  /** ROLE: the table entry checked; the role the viewer holds for it, if any. */
  role?: { rulebookId: string; roleKey: string; positionId: string | null; via: 'position' | 'deputy' | null };
  /** GRANT: the grant checked and, when it fails, every defect it has (most telling first). */
  grantId?: string;
  defects?: FieldDenialReason[];
}

export interface FieldAccessExplanation {
  decision: FieldDecision;
  checks: FieldAccessCheck[];
}

function uniq<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function isRulebookId(value: string | null | undefined): value is RulebookId {
  return value != null && (knownRulebookIds as readonly string[]).includes(value);
}

/** The rulebooks whose rules apply: the asset's, and the system's when the subject names one. */
function governingRulebooks(input: FieldAccessInput): RulebookId[] {
  return uniq([...input.asset.rulebookIds, input.subject.systemRulebookId]).filter(isRulebookId);
}

function ruleIdsFor(table: Partial<Record<RulebookId, RuleId[]>>, books: readonly RulebookId[]): RuleId[] {
  return uniq(books.flatMap((b) => table[b] ?? []));
}

function ownerTitle(books: readonly RulebookId[]): { ja: string; en: string } {
  const [only] = books;
  return books.length === 1 && only ? OWNER_TITLE[only] : OWNER_TITLE.KWW;
}

/** Milliseconds of an ISO instant; NaN when unreadable (every comparison below then denies). */
function ms(instant: string): number {
  return Date.parse(instant);
}

function atMs(input: FieldAccessInput): number {
  const t = ms(input.at);
  if (Number.isNaN(t)) throw new RangeError(`Invalid instant: ${input.at}`);
  return t;
}

function timeZoneOf(input: FieldAccessInput): string {
  return input.timeZone ?? DEFAULT_ROLE_TIME_ZONE;
}

function isSelf(input: FieldAccessInput): boolean {
  return input.asset.kind === 'staff_contacts' && input.subject.staffId !== undefined && input.subject.staffId === input.viewer.staffId;
}

/** The owner position the viewer holds at the instant (directly, or as a deputy), if any. */
function ownerHeld(input: FieldAccessInput): { positionId: string; deputy: HeldRole | null } | null {
  const owners = input.asset.ownerPositionIds;
  const direct = positionsAt(input.viewer.staffId, input.at, input.viewer.tenures, timeZoneOf(input)).find((p) => owners.includes(p));
  if (direct !== undefined) return { positionId: direct, deputy: null };
  const deputy = input.viewer.roles.find((r) => r.via === 'deputy' && owners.includes(r.positionId));
  return deputy ? { positionId: deputy.positionId, deputy } : null;
}

function managingUnitMatches(input: FieldAccessInput, role: HeldRole): boolean {
  const unit = input.subject.systemManagingOrgUnitId;
  return unit !== undefined && input.positionOrgUnit(role.positionId) === unit;
}

/** Table entries that apply to this asset: its kind, and a rulebook that governs it. */
function applicableRoleRules(input: FieldAccessInput, books: readonly RulebookId[]): RoleFieldAccessRule[] {
  return roleFieldAccessTable.filter((e) => e.kind === input.asset.kind && books.includes(e.rulebookId));
}

function roleHolding(input: FieldAccessInput, entry: RoleFieldAccessRule): { role: HeldRole | null; unitMismatch: boolean } {
  const candidates = input.viewer.roles.filter((r) => r.rulebookId === entry.rulebookId && r.roleKey === entry.roleKey);
  const passing = candidates.find((r) => !entry.managingUnitOnly || managingUnitMatches(input, r));
  if (passing) return { role: passing, unitMismatch: false };
  return { role: candidates[0] ?? null, unitMismatch: candidates.length > 0 };
}

/** Every defect of a grant at the instant; an empty list means it lets the viewer see the field. */
function grantDefects(input: FieldAccessInput, grant: GrantFact): FieldDenialReason[] {
  const at = atMs(input);
  const defects: FieldDenialReason[] = [];
  // KWW-5-2 / KWO-3-2: only the owners' approval makes a grant active.
  if (!grant.approved) defects.push('GRANT_PENDING_APPROVAL');
  // Written as negations so that an unreadable instant counts against the grant.
  if (!(ms(grant.validFrom) <= at)) defects.push('GRANT_NOT_YET_VALID');
  if (grant.validTo !== null && !(at < ms(grant.validTo))) defects.push('GRANT_EXPIRED');
  if (grant.suspendedAt !== null && !(at < ms(grant.suspendedAt))) defects.push('GRANT_SUSPENDED');
  // KTM-11: a grant for a duty lapses when its holder leaves the position (personnel transfer).
  if (grant.positionId !== null && !isOnDuty(input.viewer.staffId, grant.positionId, input.at, input.viewer.tenures, timeZoneOf(input))) {
    defects.push('GRANT_OUTSIDE_DUTY');
  }
  if (grant.fields !== null && !grant.fields.includes(input.field)) defects.push('GRANT_OTHER_FIELDS');
  return defects;
}

function viewerGrants(input: FieldAccessInput): GrantFact[] {
  return input.viewer.grants.filter((g) => g.assetId === input.asset.id && g.granteeStaffId === input.viewer.staffId);
}

function roleLabel(rulebookId: string, roleKey: string): { ja: string; en: string } {
  const def = isRulebookId(rulebookId) ? findRole(rulebookId, roleKey) : undefined;
  return def ? { ja: def.name, en: def.nameEn } : { ja: roleKey, en: roleKey };
}

function ja(instant: string, input: FieldAccessInput): string {
  try {
    return formatWarekiDateTime(instant, { timeZone: timeZoneOf(input) });
  } catch {
    return instant;
  }
}

function grantDefectText(defect: FieldDenialReason, grant: GrantFact, input: FieldAccessInput, books: readonly RulebookId[]): { en: string; ja: string } {
  const title = ownerTitle(books);
  switch (defect) {
    case 'GRANT_PENDING_APPROVAL':
      return {
        en: `The viewing grant ${grant.id} has not yet been approved by the asset's ${title.en}.`,
        ja: `閲覧権限（${grant.id}）はこの情報資産の${title.ja}の承認待ちです。`,
      };
    case 'GRANT_NOT_YET_VALID':
      return {
        en: `The viewing grant ${grant.id} is valid only from ${grant.validFrom}.`,
        ja: `閲覧権限（${grant.id}）の有効期間は${ja(grant.validFrom, input)}からです。`,
      };
    case 'GRANT_EXPIRED':
      return {
        en: `The viewing grant ${grant.id} expired at ${grant.validTo ?? ''}.`,
        ja: `閲覧権限（${grant.id}）の有効期間は${grant.validTo ? ja(grant.validTo, input) : ''}に終了しました。`,
      };
    case 'GRANT_SUSPENDED':
      return {
        en: `The viewing grant ${grant.id} has been suspended since ${grant.suspendedAt ?? ''}.`,
        ja: `閲覧権限（${grant.id}）は${grant.suspendedAt ? ja(grant.suspendedAt, input) : ''}から停止されています。`,
      };
    case 'GRANT_OUTSIDE_DUTY':
      return {
        en: `The viewing grant ${grant.id} was given for position ${grant.positionId ?? ''}, which the viewer no longer holds.`,
        ja: `閲覧権限（${grant.id}）は職（${grant.positionId ?? ''}）の事務に従事する期間に限り有効ですが、現在その職に就いていません。`,
      };
    case 'GRANT_OTHER_FIELDS':
      return {
        en: `The viewing grant ${grant.id} does not cover the field "${input.field}".`,
        ja: `閲覧権限（${grant.id}）の対象項目に「${input.field}」が含まれていません。`,
      };
    default:
      return { en: 'No right.', ja: '閲覧権限がありません。' };
  }
}

function grantDefectRuleIds(defect: FieldDenialReason, books: readonly RulebookId[]): RuleId[] {
  const base = ruleIdsFor(GRANT_RULE_IDS, books);
  return defect === 'GRANT_OUTSIDE_DUTY' ? uniq([...base, ...ruleIdsFor(DUTY_RULE_IDS, books)]) : base;
}

/** Among grants that fail, the one closest to working: fewest defects, then the latest. */
function bestFailingGrant(failing: { grant: GrantFact; defects: FieldDenialReason[] }[]): { grant: GrantFact; defects: FieldDenialReason[] } | undefined {
  let best: { grant: GrantFact; defects: FieldDenialReason[] } | undefined;
  for (const candidate of failing) {
    if (
      !best ||
      candidate.defects.length < best.defects.length ||
      (candidate.defects.length === best.defects.length && ms(candidate.grant.validFrom) > ms(best.grant.validFrom))
    ) {
      best = candidate;
    }
  }
  return best;
}

function sortDefects(defects: FieldDenialReason[]): FieldDenialReason[] {
  return [...defects].sort((a, b) => GRANT_DEFECT_ORDER.indexOf(a) - GRANT_DEFECT_ORDER.indexOf(b));
}

function selfDecision(): FieldDecision {
  // No article covers it: a person may always read the contact details held about themselves.
  return { allowed: true, reason: 'SELF', message: { en: "These are the viewer's own contact details.", ja: 'ご本人の連絡先です。' }, ruleIds: [] };
}

function ownerDecision(books: readonly RulebookId[], held: { positionId: string; deputy: HeldRole | null }): FieldDecision {
  const title = ownerTitle(books);
  const ruleIds = uniq([...ruleIdsFor(OWNER_RULE_IDS, books), ...(held.deputy?.ruleIds ?? [])]);
  return held.deputy
    ? {
        allowed: true,
        reason: 'OWNER',
        message: {
          en: `The viewer acts as deputy for the ${title.en} of this asset (position ${held.positionId}).`,
          ja: `この情報資産の${title.ja}（${held.positionId}）の代理として閲覧できます。`,
        },
        ruleIds,
        onBehalfOfStaffId: held.deputy.onBehalfOfStaffId,
      }
    : {
        allowed: true,
        reason: 'OWNER',
        message: {
          en: `The viewer is the ${title.en} of this asset (position ${held.positionId}).`,
          ja: `この情報資産の${title.ja}（${held.positionId}）として閲覧できます。`,
        },
        ruleIds,
      };
}

function roleDecision(input: FieldAccessInput, entry: RoleFieldAccessRule, role: HeldRole): FieldDecision {
  const label = roleLabel(entry.rulebookId, entry.roleKey);
  const kind = KIND_LABEL[input.asset.kind];
  const deputy = role.via === 'deputy';
  return {
    allowed: true,
    reason: 'ROLE',
    message: {
      en: `As ${label.en}${deputy ? ' (deputy)' : ''}, the viewer may see the ${kind.en}.`,
      ja: `${label.ja}${deputy ? '（代理）' : ''}として${kind.ja}を閲覧できます。`,
    },
    ruleIds: uniq([...entry.ruleIds, ...(deputy ? role.ruleIds : [])]),
    role: { rulebookId: entry.rulebookId, roleKey: entry.roleKey },
    ...(deputy ? { onBehalfOfStaffId: role.onBehalfOfStaffId } : {}),
  };
}

function grantDecision(input: FieldAccessInput, books: readonly RulebookId[], grant: GrantFact): FieldDecision {
  const title = ownerTitle(books);
  return {
    allowed: true,
    reason: 'GRANT',
    message: {
      en: `The viewer holds viewing grant ${grant.id}, approved by the asset's ${title.en} and valid now.`,
      ja: `この情報資産の${title.ja}の承認を得た有効な閲覧権限（${grant.id}）があります。`,
    },
    ruleIds: ruleIdsFor(GRANT_RULE_IDS, books),
    grantId: grant.id,
  };
}

function noRightDecision(input: FieldAccessInput, books: readonly RulebookId[]): FieldDecision {
  const title = ownerTitle(books);
  return {
    allowed: false,
    reason: 'NO_RIGHT',
    message: {
      en: `No right to see "${input.field}": the viewer is not an owner of this asset, holds no role the rulebook lets see it, and has no viewing grant approved by its ${title.en}.`,
      ja: `項目「${input.field}」を閲覧する権限がありません。この情報資産の${title.ja}の承認を得た閲覧権限がありません。`,
    },
    ruleIds: ruleIdsFor(NO_RIGHT_RULE_IDS, books),
  };
}

function failedGrantDecision(input: FieldAccessInput, books: readonly RulebookId[], grant: GrantFact, defects: FieldDenialReason[]): FieldDecision {
  const [reason = 'NO_RIGHT'] = sortDefects(defects);
  const text = grantDefectText(reason, grant, input, books);
  return {
    allowed: false,
    reason,
    message: { en: `No right to see "${input.field}": ${text.en}`, ja: `項目「${input.field}」を閲覧できません。${text.ja}` },
    ruleIds: grantDefectRuleIds(reason, books),
    grantId: grant.id,
  };
}

/** May the viewer see this protected field of the asset at the instant? */
export function decideFieldAccess(input: FieldAccessInput): FieldDecision {
  atMs(input);
  const books = governingRulebooks(input);
  if (isSelf(input)) return selfDecision();
  const owner = ownerHeld(input);
  if (owner) return ownerDecision(books, owner);
  for (const entry of applicableRoleRules(input, books)) {
    const { role, unitMismatch } = roleHolding(input, entry);
    if (role && !unitMismatch) return roleDecision(input, entry, role);
  }
  const failing: { grant: GrantFact; defects: FieldDenialReason[] }[] = [];
  for (const grant of viewerGrants(input)) {
    const defects = grantDefects(input, grant);
    if (defects.length === 0) return grantDecision(input, books, grant);
    failing.push({ grant, defects });
  }
  const best = bestFailingGrant(failing);
  return best ? failedGrantDecision(input, books, best.grant, best.defects) : noRightDecision(input, books);
}

/**
 * Every rule the decision checks for this viewer and field, passed or failed, with the decision
 * itself: the admin app's "why can't X see this?" explainer.
 */
export function explainFieldAccess(input: FieldAccessInput): FieldAccessExplanation {
  const decision = decideFieldAccess(input);
  const books = governingRulebooks(input);
  const checks: FieldAccessCheck[] = [];
  const title = ownerTitle(books);

  if (input.asset.kind === 'staff_contacts') {
    const passed = isSelf(input);
    checks.push({
      kind: 'SELF',
      passed,
      message: {
        en: passed ? 'The data is about the viewer.' : 'The data is about someone else.',
        ja: passed ? 'ご本人の連絡先です。' : 'ご本人以外の連絡先です。',
      },
      ruleIds: [],
    });
  }

  const owner = ownerHeld(input);
  checks.push({
    kind: 'OWNER',
    passed: owner !== null,
    message: {
      en: owner
        ? `Holds owner position ${owner.positionId}${owner.deputy ? ' as a deputy' : ''}.`
        : `Holds none of the owner positions (${input.asset.ownerPositionIds.join(', ') || 'none registered'}) at this time.`,
      ja: owner
        ? `${title.ja}の職（${owner.positionId}）に${owner.deputy ? '代理として' : ''}就いています。`
        : `この時点で${title.ja}の職（${input.asset.ownerPositionIds.join('、') || '未登録'}）に就いていません。`,
    },
    ruleIds: ruleIdsFor(OWNER_RULE_IDS, books),
  });

  const entries = applicableRoleRules(input, books);
  const kind = KIND_LABEL[input.asset.kind];
  if (entries.length === 0) {
    checks.push({
      kind: 'ROLE',
      passed: false,
      message: {
        en: `The rulebook gives no role access to ${kind.en}; it is shown only within business authority, by grant.`,
        ja: `${kind.ja}は役割による閲覧の対象ではありません。業務権限の範囲内で、閲覧権限により表示します。`,
      },
      ruleIds: ruleIdsFor(NO_RIGHT_RULE_IDS, books),
    });
  }
  for (const entry of entries) {
    const { role, unitMismatch } = roleHolding(input, entry);
    const label = roleLabel(entry.rulebookId, entry.roleKey);
    const passed = role !== null && !unitMismatch;
    checks.push({
      kind: 'ROLE',
      passed,
      message: {
        en: passed
          ? `Holds ${label.en}${role?.via === 'deputy' ? ' as a deputy' : ''}.`
          : unitMismatch
            ? `Holds ${label.en}, but not for the section managing this system.`
            : `Does not hold ${label.en}.`,
        ja: passed
          ? `${label.ja}${role?.via === 'deputy' ? '（代理）' : ''}です。`
          : unitMismatch
            ? `${label.ja}ですが、このシステムを管理する課の職ではありません。`
            : `${label.ja}ではありません。`,
      },
      ruleIds: [...entry.ruleIds],
      role: { rulebookId: entry.rulebookId, roleKey: entry.roleKey, positionId: role?.positionId ?? null, via: role?.via ?? null },
    });
  }

  const grants = viewerGrants(input);
  if (grants.length === 0) {
    checks.push({
      kind: 'GRANT',
      passed: false,
      message: { en: `Holds no viewing grant for this asset approved by its ${title.en}.`, ja: `この情報資産の${title.ja}の承認を得た閲覧権限がありません。` },
      ruleIds: ruleIdsFor(GRANT_RULE_IDS, books),
    });
  }
  for (const grant of grants) {
    const defects = sortDefects(grantDefects(input, grant));
    const texts = defects.map((d) => grantDefectText(d, grant, input, books));
    checks.push({
      kind: 'GRANT',
      passed: defects.length === 0,
      message: {
        en: defects.length === 0 ? `Viewing grant ${grant.id} is approved and valid now.` : texts.map((t) => t.en).join(' '),
        ja: defects.length === 0 ? `閲覧権限（${grant.id}）は承認済みで有効です。` : texts.map((t) => t.ja).join(''),
      },
      ruleIds: uniq(defects.length === 0 ? ruleIdsFor(GRANT_RULE_IDS, books) : defects.flatMap((d) => grantDefectRuleIds(d, books))),
      grantId: grant.id,
      defects,
    });
  }
  return { decision, checks };
}
