import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { registryRepo, type SystemSortField as RepoSortField } from '@tsukasa/db';
import { fieldError } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { selects } from '../../graphql/lookahead.ts';
import { afterCursor, pageSize } from '../../graphql/pagination.ts';
import { Rule } from '../../graphql/rules.ts';
import { SortDirection, encodeCursor, isText, isUuid } from '../../graphql/scalars.ts';
import { Rulebook, toRulebook } from '../rulebook/index.ts';
import { toAsset, toOrgUnit, toSystem } from './registry.mappers.ts';
import * as service from './system.service.ts';
import {
  CreateSystemInput,
  InformationAsset,
  LifecycleStatus,
  OrgUnit,
  SetUsingOrgUnitsInput,
  System,
  SystemConnection,
  SystemFilter,
  SystemSort,
  SystemImportResult,
  SystemSortField,
  UpdateSystemInput,
} from './registry.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';

/** The levels below a system (at `under` in the query) that a query asks for: loaded with the system. */
function levelsAsked(info: GraphQLResolveInfo, ...under: string[]): registryRepo.NestedLevels {
  return {
    usingUnits: selects(info, ...under, 'usingOrgUnits'),
    assets: selects(info, ...under, 'informationAssets'),
    owners: selects(info, ...under, 'informationAssets', 'owners'),
  };
}

function checkFilter(filter: SystemFilter | null | undefined): void {
  if (filter?.managingOrgUnitId != null && !isUuid(filter.managingOrgUnitId)) {
    throw badInput([
      fieldError(['filter', 'managingOrgUnitId'], 'INVALID_VALUE', 'Managing section id is malformed.', '管理に係る所管のIDが正しくありません。'),
    ]);
  }
  if (filter?.text && [...filter.text].length > 200) {
    throw badInput([fieldError(['filter', 'text'], 'TOO_LONG', 'Search text must be at most 200 characters.', '検索語は200文字以内で入力してください。')]);
  }
}

@Resolver(() => System)
export class SystemResolver {
  @Rule('registry:read')
  @Query(() => SystemConnection, { description: 'Systems of the viewer’s municipality: filter, sort, cursor pagination.' })
  async systems(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => SystemFilter, { nullable: true }) filter: SystemFilter | null,
    @Arg('sort', () => SystemSort, { nullable: true }) sort: SystemSort | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SystemConnection> {
    const size = pageSize(first, ['first']);
    checkFilter(filter);
    const sortSpec = { field: (sort?.field ?? SystemSortField.NAME) as RepoSortField, direction: sort?.direction ?? SortDirection.ASC };
    // A cursor names the sort it was taken in: one of another order is refused.
    const position = after ? afterCursor<[string, string, string]>(after, [(v: unknown): v is string => v === sortSpec.field, isText, isUuid]) : null;
    const afterKey = position && { value: position[1], id: position[2] };
    const nested = levelsAsked(info, 'edges', 'node');
    const page = await registryRepo.listSystems(
      await ctx.db.em(),
      {
        text: filter?.text,
        managingOrgUnitId: filter?.managingOrgUnitId,
        lifecycleStatus: filter?.lifecycleStatus,
        sort: sortSpec,
        first: size,
        after: afterKey,
      },
      nested,
    );
    for (const r of ctx.loaders.primeSystemLevels(page.rows, nested)) ctx.loaders.system.prime(r.id, r);
    const edges = page.rows.map((r) => ({ cursor: encodeCursor([sortSpec.field, r.sort_value, r.id]), node: toSystem(r) }));
    return { totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, edges };
  }

  @Rule('registry:read')
  @Query(() => System, { nullable: true, description: 'One system with everything linked to it (null when it does not exist in your municipality).' })
  async system(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Info() info: GraphQLResolveInfo): Promise<System | null> {
    if (!isUuid(id)) return null;
    // The levels below it the query asks for come in the same statement.
    const nested = levelsAsked(info);
    const row = await (nested.usingUnits || nested.assets ? ctx.loaders.systemWith(nested) : ctx.loaders.system).load(id);
    if (row) ctx.loaders.system.prime(id, row);
    return row ? toSystem(row) : null;
  }

  @Rule('registry:read')
  @Query(() => String, { description: 'CSV (UTF-8, no BOM — prepend one for Excel) of the systems matching the filter; the import reads the same columns.' })
  async systemsCsv(@Ctx() ctx: Context, @Arg('filter', () => SystemFilter, { nullable: true }) filter: SystemFilter | null): Promise<string> {
    checkFilter(filter);
    const { exportSystemsCsv } = await import('./system-csv.ts');
    return exportSystemsCsv(ctx, filter);
  }

  @Rule('registry:write')
  @Mutation(() => System)
  async createSystem(@Ctx() ctx: Context, @Arg('input', () => CreateSystemInput) input: CreateSystemInput): Promise<System> {
    return toSystem(await service.createSystem(ctx, input));
  }

  @Rule('registry:write')
  @Mutation(() => System, { description: 'Edits a system. `version` must be the version you loaded; a stale one is refused with STALE_VERSION.' })
  async updateSystem(@Ctx() ctx: Context, @Arg('input', () => UpdateSystemInput) input: UpdateSystemInput): Promise<System> {
    return toSystem(await service.updateSystem(ctx, input));
  }

  @Rule('registry:write')
  @Mutation(() => System, { description: 'Marks a system retired (廃止).' })
  async retireSystem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<System> {
    return toSystem(await service.updateSystem(ctx, { id, version, lifecycleStatus: LifecycleStatus.RETIRED }, 'system.retire'));
  }

  @Rule('registry:write')
  @Mutation(() => System)
  async setSystemUsingOrgUnits(@Ctx() ctx: Context, @Arg('input', () => SetUsingOrgUnitsInput) input: SetUsingOrgUnitsInput): Promise<System> {
    return toSystem(await service.setUsingOrgUnits(ctx, input));
  }

  @FieldResolver(() => OrgUnit, { description: '管理に係る所管' })
  async managingOrgUnit(@Root() s: System, @Ctx() ctx: Context): Promise<OrgUnit> {
    const row = await ctx.loaders.orgUnit.load(s.managingOrgUnitId);
    if (!row) throw new Error(`managing org unit ${s.managingOrgUnitId} missing`);
    return toOrgUnit(row);
  }

  @FieldResolver(() => [OrgUnit], { description: 'Sections that use the system (システム使用課 / 利用課).' })
  async usingOrgUnits(@Root() s: System, @Ctx() ctx: Context): Promise<OrgUnit[]> {
    const ids = await ctx.loaders.usingOrgUnitIds.load(s.id);
    return (await loadAll(ctx.loaders.orgUnit, ids)).map(toOrgUnit);
  }

  @FieldResolver(() => Rulebook, { nullable: true, description: 'The rulebook governing the system.' })
  rulebook(@Root() s: System): Rulebook | null {
    return s.rulebookId ? toRulebook(s.rulebookId) : null;
  }

  @FieldResolver(() => [InformationAsset], { description: 'Information assets the system handles.' })
  async informationAssets(@Root() s: System, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<InformationAsset[]> {
    const ids = await (selects(info, 'owners') ? ctx.loaders.assetIdsOfSystemWithOwners : ctx.loaders.assetIdsOfSystem).load(s.id);
    return (await loadAll(ctx.loaders.asset, ids)).map(toAsset);
  }
}

@Resolver()
export class SystemImportResolver {
  @Rule('registry:write')
  @Mutation(() => SystemImportResult, { description: 'Imports the CSV of systemsCsv. dryRun: the diff only; otherwise all rows or none.' })
  @ArgFormats({ csv: 'document' })
  async importSystemsCsv(
    @Ctx() ctx: Context,
    @Arg('csv', () => String) csv: string,
    @Arg('dryRun', () => Boolean) dryRun: boolean,
  ): Promise<SystemImportResult> {
    const { importSystemsCsv } = await import('./system-csv.ts');
    return importSystemsCsv(ctx, csv, dryRun);
  }
}
