import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { registryRepo } from '@tsukasa/db';
import type { Context } from '../../graphql/context.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { Rule } from '../../graphql/rules.ts';
import { encodeCursor, isText, isUuid } from '../../graphql/scalars.ts';
import { toAsset, toSystem } from './registry.mappers.ts';
import * as service from './system.service.ts';
import { afterCursor, pageSize } from '../../graphql/pagination.ts';
import { AssignOwnersInput, InformationAsset, InformationAssetConnection, Owner, SetClassificationInput, System } from './registry.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

@Resolver(() => InformationAsset)
export class InformationAssetResolver {
  @Rule('registry:read')
  @Query(() => InformationAssetConnection)
  async informationAssets(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<InformationAssetConnection> {
    const size = pageSize(first, ['first']);
    const position = after ? afterCursor<[string, string]>(after, [isText, isUuid]) : null;
    const afterKey = position && { name: position[0], id: position[1] };
    const page = await registryRepo.listAssets(await ctx.db.em(), size, afterKey);
    for (const r of page.rows) ctx.loaders.asset.prime(r.id, r);
    const edges = page.rows.map((r) => ({ cursor: encodeCursor([r.name, r.id]), node: toAsset(r) }));
    return { totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, edges };
  }

  @Rule('registry:read')
  @Query(() => InformationAsset, { nullable: true })
  async informationAsset(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<InformationAsset | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.loaders.asset.load(id);
    return row ? toAsset(row) : null;
  }

  @Rule('registry:write')
  @Mutation(() => InformationAsset, { description: 'Sets the CIA classification on the municipality’s scale (ARK-26-2-2).' })
  async setInformationAssetClassification(
    @Ctx() ctx: Context,
    @Arg('input', () => SetClassificationInput) input: SetClassificationInput,
  ): Promise<InformationAsset> {
    return toAsset(await service.setClassification(ctx, input));
  }

  @Rule('registry:write')
  @Mutation(() => InformationAsset, { description: 'Replaces the owners (情報管理責任者) of an information asset; one or more positions.' })
  async assignInformationAssetOwners(@Ctx() ctx: Context, @Arg('input', () => AssignOwnersInput) input: AssignOwnersInput): Promise<InformationAsset> {
    return toAsset(await service.assignOwners(ctx, input));
  }

  @FieldResolver(() => [Owner], { description: '情報管理責任者: one or more positions.' })
  async owners(@Root() a: InformationAsset, @Ctx() ctx: Context): Promise<Owner[]> {
    const ids = await ctx.loaders.ownerPositionIds.load(a.id);
    const positions = await loadAll(ctx.loaders.position, ids);
    return positions.map((p) => graphqlObject(Owner, { positionId: p.id, name: p.name, orgUnitId: p.org_unit_id }));
  }

  @FieldResolver(() => [System], { description: 'Systems that handle the asset.' })
  async systems(@Root() a: InformationAsset, @Ctx() ctx: Context): Promise<System[]> {
    const ids = await ctx.loaders.systemIdsOfAsset.load(a.id);
    return (await loadAll(ctx.loaders.system, ids)).map(toSystem);
  }
}
