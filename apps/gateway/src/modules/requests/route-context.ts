// What the route rules look at: the context of a request being filed (its system, the requester's
// positions, the assets and data it touches, the registry's licence totals), and the actor context of
// a filed request, from its requester and system as at filing.
import { accessRepo, authRepo, registryRepo, requestRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  chooseSystem,
  localDateAt,
  positionsAt,
  REQUEST_MESSAGES,
  systemIdMalformed,
  systemNotFound,
  touchedAssetsUnknown,
  type RequestKind,
  type RouteContext,
  type RulebookId,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbiddenWith } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import type { ActorContext } from './actors.ts';

/** What the route rules look at, loaded for the viewer filing a request. */
export async function buildRouteContext(ctx: Context, kind: RequestKind, systemId: string | null | undefined, input: Record<string, unknown>) {
  let content = input;
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbiddenWith(REQUEST_MESSAGES.filedByStaff);
  const db = await ctx.db.em();
  if (systemId != null && !isUuid(systemId)) throw badInput([systemIdMalformed(['input', 'systemId'])]);
  const system = systemId ? (await registryRepo.systemsByIds(db, [systemId]))[0] : undefined;
  if (systemId && !system) throw badInput([systemNotFound(['input', 'systemId'])]);
  const municipality = (await authRepo.municipalityById(db, v.municipalityId))!;
  // A request is governed by the rulebook covering its system; without one, by the municipality's only rulebook.
  const rulebookId = (system?.rulebook_id ??
    (municipality.rulebook_ids.length === 1 ? municipality.rulebook_ids[0] : kind.rulebookIds.find((r) => municipality.rulebook_ids.includes(r)))) as
    RulebookId | undefined;
  if (!rulebookId) throw badInput([chooseSystem(['input', 'systemId'])]);
  const now = ctx.now();
  const facts = await loadStaffFacts(db, v.staffId, now);
  const held = positionsAt(v.staffId, now, facts.viewer.tenures);
  const requesterUnitId = held.map((p) => facts.positionOrgUnit.get(p)).find((u): u is string => !!u) ?? null;
  let assets = system
    ? await rows<{ id: string; owner_position_ids: string[] }>(
        db,
        `select a.id, array(select o.position_id::text from information_asset_owner o where o.asset_id = a.id order by o.sort_order) as owner_position_ids
           from information_asset a join information_asset_system x on x.asset_id = a.id where x.system_id = $1 and a.kind = 'business' order by a.name`,
        [system.id],
      )
    : [];
  // The assets a request touches are the ones it names (KWW-6-2, KWW-7-2), among those the system handles.
  if (Array.isArray(content.touchedAssets)) {
    const named = new Set(content.touchedAssets.filter((x): x is string => typeof x === 'string'));
    const unknown = [...named].filter((id) => !assets.some((a) => a.id === id));
    if (unknown.length) {
      throw badInput([touchedAssetsUnknown(['content', 'touchedAssets'])]);
    }
    assets = assets.filter((a) => named.has(a.id));
  }
  const ownerPositions = new Set(assets.flatMap((a) => a.owner_position_ids));
  const itemIds = Array.isArray(content.dataItems) ? content.dataItems.filter((x): x is string => typeof x === 'string' && isUuid(x)) : [];
  const dataUse = itemIds.length
    ? await rows<{ name: string; managing_org_unit_id: string; basic_resident_item: number | null; personal: boolean }>(
        db,
        `select d.name, p.org_unit_id as managing_org_unit_id, d.basic_resident_item, d.personal from data_item d
           join lateral (select o.position_id from information_asset_owner o where o.asset_id = d.asset_id order by o.sort_order limit 1) own on true
           join position p on p.id = own.position_id where d.id = any($1::uuid[])`,
        [itemIds],
      )
    : [];
  // MNT-18: the totals a licence change is checked against come from the registry, never from the client.
  if (kind.effect === 'change_licences' && system) {
    const section = typeof content.section === 'string' && isUuid(content.section) ? content.section : requesterUnitId;
    const totals = section ? await requestRepo.licenceTotals(db, system.id, section) : undefined;
    content = { ...content, purchasedTotal: totals?.purchasedTotal, otherSectionsTotal: totals?.otherSectionsTotal };
  }
  const route: RouteContext = {
    rulebookId,
    filedAt: now.toISOString(),
    timeZone: municipality.time_zone,
    requester: {
      staffId: v.staffId,
      orgUnitId: requesterUnitId,
      roleKeys: facts.viewer.roles.filter((r) => r.rulebookId === rulebookId).map((r) => r.roleKey),
    },
    system: system
      ? {
          id: system.id,
          rulebookId: system.rulebook_id as RulebookId | null,
          managingOrgUnitId: system.managing_org_unit_id,
          managementType: system.management_type as 'digital_section' | 'system_section',
        }
      : null,
    assets: assets.map((a) => ({ id: a.id, ownerPositionIds: a.owner_position_ids })),
    requesterPositionIds: held.filter((p) => ownerPositions.has(p)),
    dataUse: dataUse.map((d) => ({ name: d.name, managingOrgUnitId: d.managing_org_unit_id, basicResidentItem: d.basic_resident_item, personal: d.personal })),
    content,
  };
  const actorContext: ActorContext = {
    rulebookId,
    requesterId: v.staffId,
    requesterUnitId,
    system: system ? { id: system.id, managing_org_unit_id: system.managing_org_unit_id, contractor_id: system.contractor_id } : null,
    assetOwnerPositionIds: [...ownerPositions],
    requesterPositionIds: route.requesterPositionIds,
    today: localDateAt(now),
  };
  // The deputy who files acts on behalf of the role holder (MNT-6-4, MNT-7-3, KTM-3-6).
  const onBehalfOf = facts.viewer.roles.find((r) => r.rulebookId === rulebookId && r.via === 'deputy')?.onBehalfOfStaffId ?? null;
  return { route, actorContext, rulebookId, municipality, system, onBehalfOf };
}

/** The actor context of a filed request, from its requester and system (as at filing). */
export async function buildRouteContextFor(ctx: Context, db: Db, request: requestRepo.RequestRow, kind: RequestKind): Promise<ActorContext> {
  void kind;
  const system = request.system_id ? (await registryRepo.systemsByIds(db, [request.system_id]))[0] : undefined;
  const tenures = await accessRepo.tenuresOfStaff(db, [request.requester_id]);
  const at = toDate(request.filed_at);
  const held = positionsAt(
    request.requester_id,
    at,
    tenures.map((t) => ({ staffId: t.staff_id, positionId: t.position_id, from: t.valid_from, to: t.valid_to })),
  );
  const requesterUnitId = tenures.find((t) => held.includes(t.position_id))?.org_unit_id ?? null;
  const owners = system
    ? (
        await rows<{ position_id: string }>(
          db,
          `select distinct o.position_id::text from information_asset_owner o join information_asset_system x on x.asset_id = o.asset_id
        join information_asset a on a.id = o.asset_id where x.system_id = $1 and a.kind = 'business'`,
          [system.id],
        )
      ).map((r) => r.position_id)
    : [];
  return {
    rulebookId: request.rulebook_id,
    requesterId: request.requester_id,
    requesterUnitId,
    system: system ? { id: system.id, managing_org_unit_id: system.managing_org_unit_id, contractor_id: system.contractor_id } : null,
    assetOwnerPositionIds: owners,
    requesterPositionIds: held.filter((p) => owners.includes(p)),
    today: localDateAt(ctx.now()),
  };
}
