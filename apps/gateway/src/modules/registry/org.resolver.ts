import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { registryRepo } from '@tsukasa/db';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import { toOrgUnit, toPosition } from './registry.mappers.ts';
import { OrgUnit, Owner, Position } from './registry.types.ts';

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Rule('registry:read')
  @Query(() => [OrgUnit], { description: 'The org-unit tree of the viewer’s municipality, parents before children.' })
  async orgUnits(@Ctx() ctx: Context): Promise<OrgUnit[]> {
    const rows = await registryRepo.listOrgUnits(await ctx.db.em());
    for (const r of rows) ctx.loaders.orgUnit.prime(r.id, r);
    return rows.map(toOrgUnit);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  async parent(@Root() o: OrgUnit, @Ctx() ctx: Context): Promise<OrgUnit | null> {
    if (!o.parentId) return null;
    const row = await ctx.loaders.orgUnit.load(o.parentId);
    return row ? toOrgUnit(row) : null;
  }

  @FieldResolver(() => String, { description: 'Names from the top of the tree, e.g. 管理部 / デジタル推進課.' })
  async path(@Root() o: OrgUnit, @Ctx() ctx: Context): Promise<string> {
    const names = [o.name];
    let parentId = o.parentId;
    for (let depth = 0; parentId && depth < 10; depth++) {
      const row = await ctx.loaders.orgUnit.load(parentId);
      if (!row) break;
      names.unshift(row.name);
      parentId = row.parent_id;
    }
    return names.join(' / ');
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @Rule('registry:read')
  @Query(() => [Position])
  async positions(@Ctx() ctx: Context): Promise<Position[]> {
    const rows = await registryRepo.listPositions(await ctx.db.em());
    for (const r of rows) ctx.loaders.position.prime(r.id, r);
    return rows.map(toPosition);
  }

  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() p: Position, @Ctx() ctx: Context): Promise<OrgUnit> {
    const row = await ctx.loaders.orgUnit.load(p.orgUnitId);
    if (!row) throw new Error(`org unit ${p.orgUnitId} missing`);
    return toOrgUnit(row);
  }
}

@Resolver(() => Owner)
export class OwnerResolver {
  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() o: Owner, @Ctx() ctx: Context): Promise<OrgUnit> {
    const row = await ctx.loaders.orgUnit.load(o.orgUnitId);
    if (!row) throw new Error(`org unit ${o.orgUnitId} missing`);
    return toOrgUnit(row);
  }
}
