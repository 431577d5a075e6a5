// What the decisions need to know about a staff member (roles at an instant, tenures, grants) and
// about information assets, read from the database.
import { accessRepo, toIsoOrNull, type Db } from '@tsukasa/db';
import {
  deputationNeedsAbsence,
  rolesAt,
  type AssetFact,
  type AssetKind,
  type GrantFact,
  type HeldRole,
  type RulebookId,
  type TenureFact,
  type ViewerFacts,
} from '@tsukasa/domain';

const iso = toIsoOrNull;

export function toGrantFact(g: accessRepo.GrantRow): GrantFact {
  return {
    id: g.id,
    assetId: g.asset_id,
    granteeStaffId: g.grantee_id,
    positionId: g.position_id,
    validFrom: iso(g.valid_from)!,
    validTo: iso(g.valid_to),
    suspendedAt: iso(g.suspended_at),
    fields: g.fields,
    // KWW-5-2: the owner judges; with several owners, every one of them.
    approved: g.owner_position_ids.length > 0 && g.owner_position_ids.every((p) => g.approved_position_ids.includes(p)),
  };
}

export function toAssetFact(a: accessRepo.AssetFactRow): AssetFact {
  return { id: a.id, kind: a.kind as AssetKind, confidentiality: a.confidentiality, ownerPositionIds: a.owner_position_ids, rulebookIds: a.rulebook_ids };
}

export const toTenure = (t: accessRepo.TenureRow): TenureFact => ({ staffId: t.staff_id, positionId: t.position_id, from: t.valid_from, to: t.valid_to });

/** Everything the decisions need to know about one staff member, loaded in six statements. */
export async function loadStaffFacts(db: Db, staffId: string, at: Date) {
  const [tenures, deputations, grants] = await Promise.all([
    accessRepo.tenuresOfStaff(db, [staffId]),
    accessRepo.deputationsOfStaff(db, [staffId]),
    accessRepo.grantsOfStaff(db, [staffId]),
  ]);
  const positions = [...new Set([...tenures.map((t) => t.position_id), ...deputations.map((d) => d.principal_position_id)])];
  // KTM-3-6: a deputation that needs an absence of its principal reads the declared absences.
  const absentPositions = [...new Set(deputations.filter((d) => deputationNeedsAbsence({ ruleIds: d.rule_ids })).map((d) => d.principal_position_id))];
  const [bindings, principalTenures, absences] = await Promise.all([
    accessRepo.bindingsOfPositions(db, positions),
    accessRepo.tenuresOfPositions(
      db,
      deputations.map((d) => d.principal_position_id),
    ),
    accessRepo.absencesOfPositions(db, absentPositions),
  ]);
  const allTenures = [...tenures, ...principalTenures];
  const positionOrgUnit = new Map(allTenures.map((t) => [t.position_id, t.org_unit_id]));
  const tenureFacts = allTenures.map(toTenure);
  const roles: HeldRole[] = rolesAt(staffId, at, {
    tenures: tenureFacts,
    bindings: bindings.map((b) => ({
      rulebookId: b.rulebook_id as RulebookId,
      roleKey: b.role_key,
      positionId: b.position_id,
      scopeKey: b.scope_key,
      scopeLabel: b.scope_label,
      ruleIds: b.rule_ids,
    })),
    deputations: deputations.map((d) => ({
      id: d.id,
      deputyStaffId: d.deputy_staff_id,
      principalPositionId: d.principal_position_id,
      rulebookId: d.rulebook_id as RulebookId,
      roleKeys: d.role_keys,
      from: d.valid_from,
      to: d.valid_to,
      ruleIds: d.rule_ids,
    })),
    absences: absences.map((x) => ({ id: x.id, positionId: x.position_id, from: x.valid_from, to: x.valid_to })),
  });
  const viewer: ViewerFacts = { staffId, roles, tenures: tenureFacts, grants: grants.map(toGrantFact) };
  return { viewer, positionOrgUnit };
}

export type StaffFacts = Awaited<ReturnType<typeof loadStaffFacts>>;
