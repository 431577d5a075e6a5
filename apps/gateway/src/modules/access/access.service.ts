import { accessRepo, auditRepo, registryRepo, toDate, toDateOrNull, toIsoOrNull, type Db } from '@tsukasa/db';
import {
  ABSENCE_MESSAGES,
  ACCESS_MESSAGES,
  accountAdministrators,
  accountChangeNotice,
  accountChangeReasonError,
  accountChangeRefusal,
  accountChangeRuleIds,
  accountExists,
  accountInputErrors,
  accountPurposeError,
  decideDuty,
  decideSystemAccess,
  dutyPositionNotHeld,
  fieldErrorOf,
  localDateAt,
  malformedIdErrors,
  operatorApprovalRefusal,
  operatorApprovers,
  positionsAt,
  rulebookCalendar,
  staffNotFound,
  suspensionRuleIds,
  systemNotFound,
  systemOperatingCalendar,
  type AccessDecision as DomainDecision,
  type AccountFact,
  type FieldError,
  type RulebookId,
  type RuleId,
  type SuspensionGround,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbiddenWith, notFound, staleVersion, throwRefusal } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts, toTenure } from '../authz/index.ts';
import { toWindowFact } from '../maintenance/index.ts';
import { Account, AccountStatus } from './access.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

const iso = toIsoOrNull;

export function toAccountFact(a: accessRepo.AccountRow): AccountFact {
  return {
    id: a.id,
    staffId: a.staff_id,
    systemId: a.system_id,
    authorityProfile: a.authority_profile,
    validFrom: iso(a.valid_from)!,
    validTo: iso(a.valid_to),
    dutyPositionId: a.duty_position_id,
    suspendedAt: iso(a.suspended_at),
    suspensionReason: a.suspension_reason,
    suspensionRuleIds: a.suspension_rule_ids,
    endedAt: iso(a.ended_at),
    purpose: a.purpose,
    operatorApprovedAt: iso(a.operator_approved_at),
  };
}

export function toAccount(a: accessRepo.AccountRow): Account {
  return graphqlObject(Account, {
    id: a.id,
    authorityProfile: a.authority_profile,
    validFrom: toDate(a.valid_from),
    validTo: toDateOrNull(a.valid_to),
    suspendedAt: toDateOrNull(a.suspended_at),
    suspensionReason: a.suspension_reason,
    suspensionRuleIds: a.suspension_rule_ids,
    endedAt: toDateOrNull(a.ended_at),
    endReason: a.end_reason,
    purpose: a.purpose,
    operatorApprovedAt: toDateOrNull(a.operator_approved_at),
    operatorApprovedById: a.operator_approved_by_id,
    ruleIds: a.rule_ids,
    changeSeq: a.change_seq,
    version: a.version,
    updatedAt: toDate(a.updated_at),
    staffId: a.staff_id,
    systemId: a.system_id,
    dutyPositionId: a.duty_position_id,
  });
}

/** The whole decision for one person, one system, one instant (the integrators' question). */
export async function decideAccess(
  db: Db,
  staffId: string,
  systemId: string,
  at: Date,
): Promise<{ decision: DomainDecision; accountId: string | null } | null> {
  // One statement: the system, the account, the tenures and the maintenance windows in force.
  const facts = await accessRepo.decisionFacts(db, staffId, systemId, at);
  if (!facts) return null;
  const rulebookId = (facts.rulebook_id ?? 'ARK') as RulebookId;
  const decision = decideSystemAccess({
    account: facts.account ? toAccountFact(facts.account) : null,
    tenures: facts.tenures.map(toTenure),
    system: { id: facts.system_id, lifecycleStatus: facts.lifecycle_status, rulebookId: facts.rulebook_id as RulebookId | null },
    // Announced maintenance stops and extensions are exceptions of the calendar (MNT-15-2, KTM-15-2).
    calendar: systemOperatingCalendar(rulebookId, facts.windows.map(toWindowFact)),
    at: at.toISOString(),
  });
  return { decision, accountId: facts.account?.id ?? null };
}

/** An account's own state at an instant (its system's calendar aside). */
export function accountStatus(account: accessRepo.AccountRow, tenures: accessRepo.TenureRow[], at: Date): AccountStatus {
  const d = decideSystemAccess({
    account: toAccountFact(account),
    tenures: tenures.map(toTenure),
    system: { id: account.system_id, lifecycleStatus: 'in_service', rulebookId: 'KWW' },
    calendar: rulebookCalendar('KWW'),
    at: at.toISOString(),
  });
  const code = d.reasons[0]?.code;
  switch (code) {
    case undefined:
      return AccountStatus.ACTIVE;
    case 'ENDED':
      return AccountStatus.ENDED;
    case 'SUSPENDED':
      return AccountStatus.SUSPENDED;
    case 'EXPIRED':
      return AccountStatus.EXPIRED;
    case 'NOT_YET_VALID':
      return AccountStatus.NOT_YET_VALID;
    case 'DUTY_ENDED':
      return AccountStatus.DUTY_ENDED;
    default:
      return AccountStatus.ACTIVE;
  }
}

/** Whether the viewer administers a system's accounts (for the admin app to show its actions). */
export async function canAdministerAccounts(ctx: Context, systemId: string): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return false;
  if (v.registryAdmin) return true;
  const facts = await ctx.authz.facts();
  const system = await ctx.loaders.system.load(systemId);
  if (!facts || !system) return false;
  return decideDuty(accountAdministrators, facts.viewer.roles, { rulebookId: system.rulebook_id, managingOrgUnitId: system.managing_org_unit_id }, (p) =>
    facts.positionOrgUnit.get(p),
  ).allowed;
}

/** The viewer must hold a role that administers the system's accounts (or be a registry administrator). */
async function requireAccountAdministrator(ctx: Context, db: Db, system: registryRepo.SystemRow) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(ACCESS_MESSAGES.accountsByStaff);
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const duty = decideDuty(accountAdministrators, facts.viewer.roles, { rulebookId: system.rulebook_id, managingOrgUnitId: system.managing_org_unit_id }, (p) =>
    facts.positionOrgUnit.get(p),
  );
  if (duty.allowed) return duty;
  if (v.registryAdmin) return { ...duty, allowed: true, ruleIds: [] };
  // KTM-3-6: the deputy acts for the 統括管理者 only during a declared absence.
  if (duty.deputyNotActing) throw forbiddenWith(ABSENCE_MESSAGES.deputyNotActing, duty.ruleIds);
  throw forbiddenWith(ACCESS_MESSAGES.accountAdministratorsOnly, duty.ruleIds);
}

async function accountForChange(db: Db, id: string, version: number) {
  if (!isUuid(id)) throw badInput([fieldErrorOf(['id'], 'INVALID_VALUE', ACCESS_MESSAGES.accountIdMalformed)]);
  const [account] = await accessRepo.accountsByIds(db, [id]);
  if (!account) throw notFound('Account', ['id']);
  if (account.version !== version) throw staleVersion('Account', account.version);
  const [system] = await registryRepo.systemsByIds(db, [account.system_id]);
  return { account, system: system! };
}

const snapshot = (a: accessRepo.AccountRow) => ({
  authorityProfile: a.authority_profile,
  validFrom: iso(a.valid_from),
  validTo: iso(a.valid_to),
  dutyPositionId: a.duty_position_id,
  suspendedAt: iso(a.suspended_at),
  suspensionReason: a.suspension_reason,
  suspensionRuleIds: a.suspension_rule_ids,
  endedAt: iso(a.ended_at),
  endReason: a.end_reason,
  purpose: a.purpose,
  operatorApprovedById: a.operator_approved_by_id,
  operatorApprovedAt: iso(a.operator_approved_at),
  version: a.version,
});

export async function createAccount(
  ctx: Context,
  input: {
    staffId: string;
    systemId: string;
    authorityProfile: string;
    validFrom?: Date | null;
    validTo?: Date | null;
    dutyPositionId?: string | null;
    purpose?: string | null;
  },
) {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const ids = [
    ['staffId', input.staffId],
    ['systemId', input.systemId],
    ['dutyPositionId', input.dutyPositionId],
  ] as const;
  const validFrom = input.validFrom ?? ctx.now();
  const errors: FieldError[] = [
    ...malformedIdErrors(ids.filter(([, id]) => id != null && !isUuid(id)).map(([key]) => key)),
    ...accountInputErrors({ authorityProfile: input.authorityProfile, validFrom, validTo: input.validTo }),
  ];
  if (errors.length) throw badInput(errors);
  const [system] = await registryRepo.systemsByIds(db, [input.systemId]);
  const [staff] = await accessRepo.staffByIds(db, [input.staffId]);
  if (!system) errors.push(systemNotFound(['input', 'systemId']));
  if (!staff) errors.push(staffNotFound(['input', 'staffId']));
  // KTM-12-1: a Kitami account states what it is used for.
  const purposeError = system ? accountPurposeError(system.rulebook_id, input.purpose) : null;
  if (purposeError) errors.push(purposeError);
  if (errors.length) throw badInput(errors);
  const duty = await requireAccountAdministrator(ctx, db, system!);
  if (input.dutyPositionId) {
    const tenures = (await accessRepo.tenuresOfStaff(db, [input.staffId])).map(toTenure);
    if (!positionsAt(input.staffId, validFrom, tenures).includes(input.dutyPositionId)) {
      throw badInput([dutyPositionNotHeld()]);
    }
  }
  const open = await accessRepo.accountOf(db, input.staffId, input.systemId);
  if (open && !open.ended_at) throw badInput([accountExists()]);
  const row = await accessRepo.insertAccount(db, {
    municipalityId: v.municipalityId,
    staffId: input.staffId,
    systemId: input.systemId,
    authorityProfile: input.authorityProfile.trim(),
    validFrom,
    validTo: input.validTo ?? null,
    dutyPositionId: input.dutyPositionId ?? null,
    purpose: input.purpose?.trim() || null,
    ruleIds: duty.ruleIds,
  });
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
      action: 'account.create',
      targetType: 'account',
      targetId: row.id,
      after: snapshot(row),
      ruleIds: duty.ruleIds,
      requestId: ctx.requestId,
    },
  ]);
  return row;
}

/** KTM-10-5: the section head is told when a user's ID or authority is removed (and restored). */
async function noticeToSectionHead(ctx: Context, db: Db, account: accessRepo.AccountRow, notice: { subject: string; body: string; ruleIds: RuleId[] }) {
  const tenures = await accessRepo.tenuresOfStaff(db, [account.staff_id]);
  const current = positionsAt(account.staff_id, ctx.now(), tenures.map(toTenure));
  const unit = tenures.find((t) => current.includes(t.position_id))?.org_unit_id;
  if (!unit) return;
  const heads = (await accessRepo.headsAbove(db, unit, localDateAt(ctx.now()))).filter((h) => h.staff_id !== account.staff_id);
  const head = heads[0];
  if (!head) return;
  await accessRepo.insertNotifications(db, ctx.viewer!.municipalityId, [
    { recipientId: head.staff_id, kind: 'account.notice', ...notice, targetType: 'account', targetId: account.id },
  ]);
}

export async function changeAccount(
  ctx: Context,
  id: string,
  version: number,
  change: { kind: 'suspend' | 'reinstate' | 'end'; reason?: string | null; ground?: SuspensionGround | null },
) {
  const v = ctx.viewer!;
  const db = await ctx.db.em();
  const reasonError = accountChangeReasonError(change);
  if (reasonError) throw badInput([reasonError]);
  const { account, system } = await accountForChange(db, id, version);
  const duty = await requireAccountAdministrator(ctx, db, system);
  const now = ctx.now();
  const patch =
    change.kind === 'suspend'
      ? { suspended_at: now, suspension_reason: change.reason!.trim(), suspension_rule_ids: suspensionRuleIds(system.rulebook_id, change.ground) }
      : change.kind === 'reinstate'
        ? { suspended_at: null, suspension_reason: null, suspension_rule_ids: null }
        : { ended_at: now, end_reason: change.reason!.trim() };
  throwRefusal(accountChangeRefusal(change.kind, { suspendedAt: account.suspended_at, endedAt: account.ended_at }));
  const after = await accessRepo.updateAccountIfVersion(db, id, version, patch);
  if (!after) throw staleVersion('Account', null);
  const rulebook = system.rulebook_id;
  const basis = accountChangeRuleIds(change.kind, rulebook, duty.ruleIds, change.ground);
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
      action: `account.${change.kind}`,
      targetType: 'account',
      targetId: id,
      before: snapshot(account),
      after: snapshot(after),
      ruleIds: basis,
      requestId: ctx.requestId,
    },
  ]);
  if (rulebook === 'KTM') await noticeToSectionHead(ctx, db, after, accountChangeNotice(change.kind, change.reason, system.name));
  return after;
}

/**
 * ARK-10-1: the chief of a section using the system approves the account's holder as an operator; until
 * then the access decision refuses the account. The approval is audited.
 */
export async function approveAccountOperator(ctx: Context, id: string, version: number) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(ACCESS_MESSAGES.operatorApproversOnly, ['ARK-10-1']);
  const db = await ctx.db.em();
  const { account, system } = await accountForChange(db, id, version);
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const duty = decideDuty(operatorApprovers, facts.viewer.roles, { rulebookId: system.rulebook_id }, (p) => facts.positionOrgUnit.get(p));
  const usingUnitIds = (await registryRepo.usingOrgUnitIdsBySystemIds(db, [system.id])).map((u) => u.org_unit_id);
  throwRefusal(
    operatorApprovalRefusal({
      rulebookId: system.rulebook_id,
      duty,
      approverUnitId: duty.role ? facts.positionOrgUnit.get(duty.role.positionId) : undefined,
      usingUnitIds,
      account: { endedAt: account.ended_at, operatorApprovedAt: account.operator_approved_at },
    }),
  );
  const after = await accessRepo.updateAccountIfVersion(db, id, version, { operator_approved_by_id: v.staffId, operator_approved_at: ctx.now() });
  if (!after) throw staleVersion('Account', null);
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      onBehalfOfStaffId: duty.onBehalfOfStaffId,
      action: 'account.operator_approve',
      targetType: 'account',
      targetId: id,
      before: snapshot(account),
      after: snapshot(after),
      ruleIds: duty.ruleIds,
      requestId: ctx.requestId,
    },
  ]);
  return after;
}

/** KTM-10-6: a user asks for their own password to be reset. */
export async function requestPasswordReset(ctx: Context, systemId: string) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(ACCESS_MESSAGES.passwordResetInPerson);
  const db = await ctx.db.em();
  const account = isUuid(systemId) ? await accessRepo.accountOf(db, v.staffId, systemId) : undefined;
  if (!account || account.ended_at) throw notFound('Account', ['systemId']);
  const id = await accessRepo.insertPasswordResetRequest(db, v.municipalityId, account.id);
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: 'account.password_reset_requested',
      targetType: 'account',
      targetId: account.id,
      after: { requestId: id },
      ruleIds: ['KTM-10-6'],
      requestId: ctx.requestId,
    },
  ]);
  return true;
}
