import { accessRepo, auditRepo, exec, nowOf, one, registryRepo, requestRepo, type Db } from '@tsukasa/db';
import {
  suspensionRuleIds,
  accountChangeReason,
  accountRequestPurpose,
  DEFAULT_AUTHORITY_PROFILE,
  effectConflict,
  kindRuleIds,
  licenceChangeRefusal,
  positionsAt,
  zonedInstant,
  type EffectConflict,
  type RequestKind,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { refusalError, throwRefusal } from '../../graphql/errors.ts';
import { toTenure } from '../authz/index.ts';
import { setProcedureDefinition } from '../procedures/index.ts';

const conflict = (why: EffectConflict) => refusalError(effectConflict(why));

/** A date the form gave (YYYY-MM-DD) as the instant that day begins in the municipality. */
function dayStart(value: unknown, timeZone = 'Asia/Tokyo'): Date | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? zonedInstant(value, '00:00', timeZone) : null;
}

/** An end date (使用期限) is the last day of use: the account ends as the next day begins. */
function dayAfter(value: unknown, timeZone = 'Asia/Tokyo'): Date | null {
  const d = dayStart(value, timeZone);
  return d ? new Date(d.getTime() + 86_400_000) : null;
}

async function openAccount(db: Db, staffId: string, systemId: string) {
  const a = await accessRepo.accountOf(db, staffId, systemId);
  return a && !a.ended_at ? a : undefined;
}

/**
 * What an approved request changes, in the transaction of its final decision: if the change cannot
 * be made (an account already exists …), the decision fails with it and nothing is half-done.
 */
export async function applyEffect(ctx: Context, db: Db, request: requestRepo.RequestRow, kind: RequestKind, steps: requestRepo.StepRow[]): Promise<void> {
  const v = ctx.viewer!;
  const c = request.content;
  const systemId = request.system_id;
  const performer = steps.filter((s) => s.kind === 'perform' && s.decided_by_id).at(-1)?.decided_by_id ?? v.staffId;
  const changed: { targetType: string; targetId: string; after: unknown }[] = [];
  const ruleIds = kindRuleIds(kind, [request.rulebook_id]);
  const addAccount = async (staffId: string, authorityProfile: string, validFrom: unknown, validTo: unknown) => {
    if (!systemId) throw conflict('noSystem');
    if (await openAccount(db, staffId, systemId)) throw conflict('accountExists');
    // KTM-11: the account lasts while its holder does the duty.
    let dutyPositionId: string | null = null;
    if (request.rulebook_id === 'KTM')
      dutyPositionId = positionsAt(staffId, ctx.now(), (await accessRepo.tenuresOfStaff(db, [staffId])).map(toTenure))[0] ?? null;
    const row = await accessRepo.insertAccount(db, {
      municipalityId: v.municipalityId,
      staffId,
      systemId,
      authorityProfile,
      validFrom: dayStart(validFrom) ?? ctx.now(),
      validTo: dayAfter(validTo),
      dutyPositionId,
      // KTM-12-1: an account the section head asked for is for the holder's own duties.
      purpose: request.rulebook_id === 'KTM' ? accountRequestPurpose(request.number) : null,
      ruleIds,
    });
    changed.push({ targetType: 'account', targetId: row.id, after: { staffId, authorityProfile, validTo: row.valid_to } });
  };
  const endAccount = async (staffId: string, reason: string) => {
    if (!systemId) return;
    const a = await openAccount(db, staffId, systemId);
    if (!a) throw conflict('noOpenAccount');
    await accessRepo.updateAccountIfVersion(db, a.id, a.version, { ended_at: ctx.now(), end_reason: reason });
    changed.push({ targetType: 'account', targetId: a.id, after: { ended: true } });
  };
  switch (kind.effect) {
    case 'create_accounts':
      await addAccount(String(c.staffId), String(c.authorityProfile ?? DEFAULT_AUTHORITY_PROFILE), c.validFrom, c.validTo);
      break;
    case 'end_accounts':
      await endAccount(String(c.staffId), accountChangeReason(request.number));
      break;
    case 'bulk_update_accounts': {
      // MNT-12: judged and applied together — one failing row fails them all.
      const rows = Array.isArray(c.changes) ? (c.changes as Record<string, unknown>[]) : [];
      for (const row of rows) {
        if (row.action === 'add') await addAccount(String(row.staffId), String(row.authorityProfile ?? DEFAULT_AUTHORITY_PROFILE), row.validFrom, row.validTo);
        else await endAccount(String(row.staffId), accountChangeReason(request.number, true));
      }
      break;
    }
    case 'update_access_rights': {
      const a = systemId ? await openAccount(db, String(c.staffId), systemId) : undefined;
      if (!a) throw conflict('noOpenAccount');
      await exec(db, 'update account set authority_profile = $2, version = version + 1, updated_at = $3 where id = $1', [
        a.id,
        String(c.newAuthorityProfile),
        nowOf(db),
      ]);
      changed.push({ targetType: 'account', targetId: a.id, after: { authorityProfile: c.newAuthorityProfile } });
      break;
    }
    case 'suspend_accounts':
    case 'reinstate_accounts': {
      const a = systemId ? await openAccount(db, String(c.staffId), systemId) : undefined;
      if (!a) throw conflict('noOpenAccount');
      const suspend = kind.effect === 'suspend_accounts';
      await accessRepo.updateAccountIfVersion(
        db,
        a.id,
        a.version,
        suspend
          ? {
              suspended_at: ctx.now(),
              suspension_reason: accountChangeReason(request.number),
              // The ground the requester gave decides the paragraph: KTM-10-4 on a privacy-law breach, else KTM-10-1/KTM-10-3.
              suspension_rule_ids: suspensionRuleIds(request.rulebook_id, c.privacyBreach === true ? 'privacy_breach' : 'revocation'),
            }
          : { suspended_at: null, suspension_reason: null, suspension_rule_ids: null },
      );
      changed.push({ targetType: 'account', targetId: a.id, after: { suspended: suspend } });
      break;
    }
    case 'introduce_system': {
      // ARK-12: the 運営委員会's approval registers the system as proposed (導入予定).
      const unit = (
        await one<{ org_unit_id: string }>(
          db,
          `select p.org_unit_id from position_tenure t join position p on p.id = t.position_id
        where t.staff_id = $1 and t.valid_to is null order by t.valid_from desc limit 1`,
          [request.requester_id],
        )
      )?.org_unit_id;
      const municipality = await one<{ rulebook_ids: string[] }>(db, 'select rulebook_ids from municipality where id = $1', [v.municipalityId]);
      if (!unit) throw conflict('requesterWithoutPosition');
      const system = await registryRepo.insertSystem(db, v.municipalityId, {
        name: String(c.systemName),
        business_content: String(c.summary ?? c.systemName),
        managing_org_unit_id: unit,
        management_type: 'system_section',
        lifecycle_status: 'proposed',
        rulebook_id: municipality?.rulebook_ids.length === 1 ? municipality.rulebook_ids[0]! : null,
      });
      changed.push({ targetType: 'system', targetId: system.id, after: { name: system.name, lifecycleStatus: 'proposed' } });
      break;
    }
    case 'retire_system':
      if (systemId) {
        await exec(db, `update system set lifecycle_status = 'retired', version = version + 1, updated_at = $2 where id = $1`, [systemId, nowOf(db)]);
        changed.push({ targetType: 'system', targetId: systemId, after: { lifecycleStatus: 'retired' } });
      }
      break;
    case 'change_licences': {
      // MNT-18-1: checked again under the pool's lock, so two approvals at once cannot both fit.
      const section = String(c.section);
      const totals = systemId ? await requestRepo.licenceTotals(db, systemId, section, true) : undefined;
      const count = Number(c.newCount);
      if (!systemId || !totals) throw conflict('noLicences');
      throwRefusal(licenceChangeRefusal(totals, count));
      await requestRepo.setLicenceAllocation(db, v.municipalityId, systemId, section, count);
      changed.push({ targetType: 'licence_allocation', targetId: `${systemId}:${section}`, after: { before: totals.current, count } });
      break;
    }
    case 'modify_system':
      if (systemId) changed.push({ targetType: 'system', targetId: systemId, after: { modified: true } });
      break;
    case 'set_procedure_definition':
      // KTM-7-4: the 副統括管理者 sets the definition the 管理者 asked for.
      changed.push(await setProcedureDefinition(ctx, db, request, performer));
      break;
    default:
      // Recorded by the request itself (its steps hold the work and the records).
      break;
  }
  await auditRepo.appendAuditEvents(
    db,
    v.municipalityId,
    changed.map((x) => ({
      actorStaffId: performer,
      action: `effect.${kind.effect}`,
      targetType: x.targetType,
      targetId: x.targetId,
      after: { ...(x.after as object), request: request.number, requestUuid: request.id },
      ruleIds,
      requestId: ctx.requestId,
    })),
  );
}
