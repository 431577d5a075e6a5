import { accessRepo, one, requestRepo, type Db } from '@tsukasa/db';
import { accountAdministrators, type ActorRule } from '@tsukasa/domain';

export interface ResolvedActors {
  positionIds: string[] | null;
  staffIds: string[] | null;
  contractorId: string | null;
  committeeId: string | null;
}

export interface ActorContext {
  rulebookId: string;
  requesterId: string;
  requesterUnitId: string | null;
  system: { id: string; managing_org_unit_id: string; contractor_id: string | null } | null;
  /** Owner positions of the assets the request touches, and those the requester holds. */
  assetOwnerPositionIds: string[];
  requesterPositionIds: string[];
  /** The day the actors are resolved on (YYYY-MM-DD, Japan time), from the request's clock: who heads a section is who heads it that day. */
  today: string;
}

/**
 * Who may act on a step, resolved when the step opens: the positions that hold the role (their
 * holders and deputies act), the owners, the chiefs, the committee (its chair and secretariat
 * record the decision), or the requester. A contractor's report is recorded by the system's
 * administrators on its behalf: contractors have no sign-in.
 */
export async function resolveActors(db: Db, actor: ActorRule, subjectId: string | null, c: ActorContext): Promise<ResolvedActors> {
  const none: ResolvedActors = { positionIds: null, staffIds: null, contractorId: null, committeeId: null };
  switch (actor.kind) {
    case 'role': {
      let positions = await requestRepo.positionsWithRole(db, actor.rulebookId, actor.roleKey, actor.scopeKey ?? null);
      if (actor.where === 'system_managing_unit' && c.system) positions = positions.filter((p) => p.org_unit_id === c.system!.managing_org_unit_id);
      if (actor.where === 'requester_unit' && c.requesterUnitId) positions = positions.filter((p) => p.org_unit_id === c.requesterUnitId);
      return { ...none, positionIds: positions.map((p) => p.position_id) };
    }
    case 'asset_owners': {
      if (subjectId) return { ...none, positionIds: [subjectId] };
      const owners =
        actor.which === 'requester_own'
          ? c.requesterPositionIds
          : actor.which === 'others'
            ? c.assetOwnerPositionIds.filter((p) => !c.requesterPositionIds.includes(p))
            : c.assetOwnerPositionIds;
      return { ...none, positionIds: [...new Set(owners)] };
    }
    case 'data_managing_chiefs': {
      const heads = subjectId ? await requestRepo.headPositionsOfUnits(db, [subjectId]) : [];
      return { ...none, positionIds: heads.map((h) => h.id) };
    }
    case 'committee': {
      const committee = await one<{ id: string; chair_position_id: string; secretariat_org_unit_id: string }>(
        db,
        'select id, chair_position_id, secretariat_org_unit_id from committee where key = $1',
        [actor.committeeKey],
      );
      if (!committee) return none;
      const secretariat = await requestRepo.headPositionsOfUnits(db, [committee.secretariat_org_unit_id]);
      return { ...none, committeeId: committee.id, positionIds: [committee.chair_position_id, ...secretariat.map((s) => s.id)] };
    }
    case 'contractor': {
      const positions: string[] = [];
      for (const rule of accountAdministrators.filter((r) => r.rulebookId === c.rulebookId)) {
        for (const p of await requestRepo.positionsWithRole(db, rule.rulebookId, rule.roleKey, null)) {
          if (!rule.managingUnitOnly || !c.system || p.org_unit_id === c.system.managing_org_unit_id) positions.push(p.position_id);
        }
      }
      return { ...none, contractorId: c.system?.contractor_id ?? null, positionIds: [...new Set(positions)] };
    }
    case 'requester_section_chief': {
      // The head of the requester's own section — the requester themself when they head it (the
      // requesting chief confirms the work, MNT-14-4; the applying chief does the privacy-law
      // procedure, ARK-14-2). Whether they may decide is the route's call (mayDecide).
      const heads = c.requesterUnitId ? await accessRepo.headsAbove(db, c.requesterUnitId, c.today) : [];
      return { ...none, positionIds: heads.slice(0, 1).map((h) => h.position_id) };
    }
    case 'requester':
      return { ...none, staffIds: [c.requesterId] };
  }
}
