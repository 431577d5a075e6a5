import DataLoader from 'dataloader';
import { accessRepo, registryRepo, type AssetRow, type OrgUnitRow, type PositionRow, type SystemRow, type SystemWithUnitRow } from '@tsukasa/db';
import type { RequestDb } from './request-db.ts';

/** Groups rows by a key, keeping the order of `keys` (DataLoader's contract). */
function groupBy<R>(keys: readonly string[], list: R[], keyOf: (r: R) => string): R[][] {
  const map = new Map<string, R[]>();
  for (const r of list) {
    const k = keyOf(r);
    const bucket = map.get(k);
    if (bucket) bucket.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

function byId<R extends { id: string }>(keys: readonly string[], list: R[]): (R | null)[] {
  const map = new Map(list.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Rows that came joined to another level, handed to that level's loader (it will not ask for them). */
function primed<R extends { id: string }, L extends R>(loader: DataLoader<string, R | null>, list: L[]): L[] {
  for (const r of list) loader.prime(r.id, r);
  return list;
}

/** Systems loaded with their managing org unit in the same row (registryRepo.SystemWithUnitRow). */
function primeManagingUnits<R extends SystemWithUnitRow>(orgUnit: DataLoader<string, OrgUnitRow | null>, list: R[]): R[] {
  for (const r of list) orgUnit.prime(r.managing_org_unit_id, registryRepo.managingOrgUnitOf(r));
  return list;
}

/**
 * Per-request batch loaders: every relation a list can reach is loaded with one statement per
 * level, whatever the page size (DESIGN: no N+1); where a level only points to rows of the next
 * (a system's units and assets, an asset's owners) both come in that one statement.
 */
export function createLoaders(current: () => RequestDb) {
  const db = { em: () => current().em() };
  const orgUnit = new DataLoader<string, OrgUnitRow | null>(async (ids) => byId(ids, await registryRepo.orgUnitsByIds(await db.em(), ids)));
  const position = new DataLoader<string, PositionRow | null>(async (ids) => byId(ids, await registryRepo.positionsByIds(await db.em(), ids)));
  const asset = new DataLoader<string, AssetRow | null>(async (ids) => byId(ids, await registryRepo.assetsByIds(await db.em(), ids)));
  // A level and the rows it points to in one statement: the second loader is primed, not asked.
  const system = new DataLoader<string, SystemRow | null>(async (ids) =>
    byId(ids, primeManagingUnits(orgUnit, await registryRepo.systemsByIds(await db.em(), ids))),
  );
  const usingOrgUnitIds = new DataLoader<string, string[]>(async (ids) =>
    groupBy(ids, primed(orgUnit, await registryRepo.usingOrgUnitsBySystemIds(await db.em(), ids)), (r) => r.system_id).map((g) => g.map((r) => r.id)),
  );
  const assetIdsOfSystem = new DataLoader<string, string[]>(async (ids) =>
    groupBy(ids, primed(asset, await registryRepo.assetsBySystemIds(await db.em(), ids)), (r) => r.system_id).map((g) => g.map((r) => r.id)),
  );
  // The same, with each asset's owners when the query asks for them (graphql/lookahead.ts).
  const assetIdsOfSystemWithOwners = new DataLoader<string, string[]>(async (ids) => {
    const list = primed(asset, await registryRepo.assetsWithOwnersBySystemIds(await db.em(), ids));
    for (const a of list)
      ownerPositionIds.prime(
        a.id,
        primed(position, a.owners).map((p) => p.id),
      );
    return groupBy(ids, list, (r) => r.system_id).map((g) => g.map((r) => r.id));
  });
  /** The levels below systems that came in the systems' own statement, handed to their loaders. */
  function primeSystemLevels<R extends SystemWithUnitRow & registryRepo.NestedSystemLevels>(list: R[], nested: registryRepo.NestedLevels): R[] {
    primeManagingUnits(orgUnit, list);
    for (const s of list) {
      if (nested.usingUnits && s.using_units)
        usingOrgUnitIds.prime(
          s.id,
          primed(orgUnit, s.using_units).map((u) => u.id),
        );
      if (!nested.assets || !s.assets) continue;
      const assetIds = primed(asset, s.assets).map((a) => a.id);
      assetIdsOfSystem.prime(s.id, assetIds);
      if (!nested.owners) continue;
      assetIdsOfSystemWithOwners.prime(s.id, assetIds);
      for (const a of s.assets)
        ownerPositionIds.prime(
          a.id,
          primed(position, a.owners ?? []).map((p) => p.id),
        );
    }
    return list;
  }
  // A system with the levels below it a query asks for, in one statement (one loader per combination).
  const systemWithLevels = new Map<string, DataLoader<string, SystemRow | null>>();
  function systemWith(nested: registryRepo.NestedLevels): DataLoader<string, SystemRow | null> {
    const key = `${Number(!!nested.usingUnits)}${Number(!!nested.assets)}${Number(!!nested.owners)}`;
    let loader = systemWithLevels.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => byId(ids, primeSystemLevels(await registryRepo.systemsWithLevelsByIds(await db.em(), ids, nested), nested)));
      systemWithLevels.set(key, loader);
    }
    return loader;
  }
  const systemIdsOfAsset = new DataLoader<string, string[]>(async (ids) =>
    groupBy(ids, await registryRepo.systemIdsByAssetIds(await db.em(), ids), (r) => r.asset_id).map((g) => g.map((r) => r.system_id)),
  );
  const ownerPositionIds = new DataLoader<string, string[]>(async (ids) =>
    groupBy(ids, primed(position, await registryRepo.ownerPositionsByAssetIds(await db.em(), ids)), (r) => r.asset_id).map((g) => g.map((r) => r.id)),
  );
  const assetFact = new DataLoader<string, accessRepo.AssetFactRow | null>(async (ids) => byId(ids, await accessRepo.assetFactsByIds(await db.em(), ids)));
  const staff = new DataLoader<string, accessRepo.StaffRow | null>(async (ids) => byId(ids, await accessRepo.staffByIds(await db.em(), ids)));
  const tenuresOfStaff = new DataLoader<string, accessRepo.TenureRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.tenuresOfStaff(await db.em(), ids), (r) => r.staff_id),
  );
  const accountsOfStaff = new DataLoader<string, accessRepo.AccountRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.accountsOfStaff(await db.em(), ids), (r) => r.staff_id),
  );
  const dataItemsOfAsset = new DataLoader<string, accessRepo.DataItemRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.dataItemsOfAssets(await db.em(), ids), (r) => r.asset_id),
  );
  const contractorPeople = new DataLoader<string, accessRepo.ContractorPersonRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.contractorPeople(await db.em(), ids), (r) => r.contractor_id),
  );
  const networksOfSystem = new DataLoader<string, accessRepo.ContactNetworkRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.networksOfSystems(await db.em(), ids), (r) => r.system_id),
  );
  const membersOfNetwork = new DataLoader<string, accessRepo.ContactNetworkMemberRow[]>(async (ids) =>
    groupBy(ids, await accessRepo.membersOfNetworks(await db.em(), ids), (r) => r.network_id),
  );
  const systemSecurity = new DataLoader<string, accessRepo.SystemSecurityRow | null>(async (ids) =>
    byId(ids, await accessRepo.systemSecurityByIds(await db.em(), ids)),
  );
  const contractorPerson = new DataLoader<string, accessRepo.ContractorPersonRow | null>(async (ids) =>
    byId(ids, await accessRepo.contractorPeopleByIds(await db.em(), ids)),
  );
  return {
    orgUnit,
    position,
    system,
    systemWith,
    primeSystemLevels,
    asset,
    usingOrgUnitIds,
    assetIdsOfSystem,
    assetIdsOfSystemWithOwners,
    systemIdsOfAsset,
    ownerPositionIds,
    assetFact,
    staff,
    tenuresOfStaff,
    accountsOfStaff,
    dataItemsOfAsset,
    contractorPeople,
    networksOfSystem,
    membersOfNetwork,
    contractorPerson,
    systemSecurity,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many ids through a loader, dropping ids that resolve to nothing (e.g. hidden by RLS). */
export async function loadAll<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const got = await loader.loadMany(ids);
  return got.filter((x): x is T => x !== null && !(x instanceof Error));
}
