import { Arg, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accessRepo, auditRepo, toDate, toDateOrNull } from '@tsukasa/db';
import {
  ACCESS_MESSAGES,
  assetNotFound,
  designationPermitRefusal,
  designatorOnly,
  fieldErrorOf,
  localDateAt,
  malformedId,
  permitterOnly,
  staffNotFound,
  type RuleId,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound, refusalError, throwRefusal } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { Staff, toStaff } from '../people/index.ts';
import { OrgUnit, toOrgUnit } from '../registry/index.ts';
import { graphqlObject } from '../../graphql/object.ts';

@ObjectType({ description: 'KWO-6: a person designated to handle an information asset at a using place.' })
export class Designation {
  @Field(() => ID) id!: string;
  @Field(() => ID) assetId!: string;
  @Field(() => Boolean, { description: 'The person is outside the designating chief’s own supervision (needs prior permission).' })
  outsideSupervision!: boolean;
  @Field(() => Date, { nullable: true }) permittedAt!: Date | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true }) validTo!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Boolean, { description: 'In force now: not revoked, valid, and permitted when it needs to be.' }) effective!: boolean;
  @Field(() => [String]) ruleIds!: RuleId[];
  staffId!: string;
  designatedById!: string;
  permittedById!: string | null;
  orgUnitId!: string;
}

@InputType()
export class DesignateHandlerInput {
  @Field(() => ID) assetId!: string;
  @Field(() => ID) staffId!: string;
  @Field(() => ID, { description: 'The using place: the org unit of the designating システム利用責任者.' }) orgUnitId!: string;
  @Field(() => Date, { nullable: true }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true }) validTo?: Date | null;
}

function toDesignation(d: accessRepo.DesignationRow, at: Date): Designation {
  const validFrom = toDate(d.valid_from);
  const validTo = toDateOrNull(d.valid_to);
  const revokedAt = toDateOrNull(d.revoked_at);
  const effective = !revokedAt && validFrom <= at && (!validTo || at < validTo) && (!d.outside_supervision || d.permitted_by_id !== null);
  return graphqlObject(Designation, {
    id: d.id,
    assetId: d.asset_id,
    outsideSupervision: d.outside_supervision,
    permittedAt: toDateOrNull(d.permitted_at),
    validFrom,
    validTo,
    revokedAt,
    effective,
    ruleIds: d.rule_ids,
    staffId: d.staff_id,
    designatedById: d.designated_by_id,
    permittedById: d.permitted_by_id,
    orgUnitId: d.org_unit_id,
  });
}

async function kwoRole(ctx: Context, roleKey: string) {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbidden('Designations are made by staff.');
  const facts = await loadStaffFacts(await ctx.db.em(), v.staffId, ctx.now());
  return { facts, roles: facts.viewer.roles.filter((r) => r.rulebookId === 'KWO' && r.roleKey === roleKey) };
}

@Resolver(() => Designation)
export class DesignationResolver {
  @Rule('registry:read')
  @Query(() => [Designation], { description: 'KWO-6 designations of who may handle an information asset.' })
  async designations(@Ctx() ctx: Context, @Arg('assetId', () => ID, { nullable: true }) assetId: string | null): Promise<Designation[]> {
    if (assetId && !isUuid(assetId)) throw badInput([malformedId(['assetId'])]);
    return (await accessRepo.listDesignations(await ctx.db.em(), assetId)).map((d) => toDesignation(d, ctx.now()));
  }

  @Rule('signedIn')
  @Mutation(() => Designation, { description: 'A システム利用責任者 designates who may handle the information at their using place (KWO-5-1, KWO-6).' })
  async designateHandler(@Ctx() ctx: Context, @Arg('input', () => DesignateHandlerInput) input: DesignateHandlerInput): Promise<Designation> {
    const v = ctx.viewer!;
    for (const [k, id] of [
      ['assetId', input.assetId],
      ['staffId', input.staffId],
      ['orgUnitId', input.orgUnitId],
    ] as const) {
      if (!isUuid(id)) throw badInput([malformedId(['input', k])]);
    }
    const db = await ctx.db.em();
    const { facts, roles } = await kwoRole(ctx, 'system_usage_manager');
    // KWO-6: the designating chief designates for their own using place.
    const mine = roles.find((r) => facts.positionOrgUnit.get(r.positionId) === input.orgUnitId);
    if (!mine) throw refusalError(designatorOnly());
    const [asset] = await accessRepo.assetFactsByIds(db, [input.assetId]);
    const [staff] = await accessRepo.staffByIds(db, [input.staffId]);
    if (!asset) throw badInput([assetNotFound(['input', 'assetId'])]);
    if (!staff) throw badInput([staffNotFound(['input', 'staffId'])]);
    const validFrom = input.validFrom ?? ctx.now();
    if (input.validTo && input.validTo <= validFrom) throw badInput([fieldErrorOf(['input', 'validTo'], 'INVALID_VALUE', ACCESS_MESSAGES.endBeforeStart)]);
    // KWO-6: someone outside the chief's own supervision needs the 情報資産管理責任者's prior permission.
    const outside = !(await accessRepo.isMemberOn(db, input.staffId, input.orgUnitId, localDateAt(ctx.now())));
    const row = await accessRepo.insertDesignation(db, {
      municipalityId: v.municipalityId,
      assetId: input.assetId,
      staffId: input.staffId,
      designatedBy: v.staffId,
      orgUnitId: input.orgUnitId,
      outsideSupervision: outside,
      validFrom,
      validTo: input.validTo ?? null,
      ruleIds: outside ? ['KWO-6'] : ['KWO-5-1', 'KWO-6'],
    });
    await auditRepo.appendAuditEvents(db, v.municipalityId, [
      {
        actorStaffId: v.staffId,
        onBehalfOfStaffId: mine.via === 'deputy' ? mine.onBehalfOfStaffId : null,
        action: 'designation.create',
        targetType: 'designation',
        targetId: row.id,
        after: { assetId: input.assetId, staffId: input.staffId, orgUnitId: input.orgUnitId, outsideSupervision: outside },
        ruleIds: row.rule_ids,
        requestId: ctx.requestId,
      },
    ]);
    return toDesignation(row, ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => Designation, { description: 'KWO-6: the 情報資産管理責任者 permits a designation outside the designating chief’s supervision.' })
  async permitDesignation(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Designation> {
    const v = ctx.viewer!;
    if (!isUuid(id)) throw badInput([malformedId(['id'])]);
    const db = await ctx.db.em();
    const { roles } = await kwoRole(ctx, 'asset_manager');
    if (roles.length === 0) throw refusalError(permitterOnly());
    const d = await accessRepo.designationById(db, id);
    if (!d || d.revoked_at) throw notFound('Designation', ['id']);
    throwRefusal(designationPermitRefusal(d.designated_by_id, v.staffId));
    if (!d.outside_supervision || d.permitted_by_id) return toDesignation(d, ctx.now());
    const row = (await accessRepo.updateDesignation(db, id, { permitted_by_id: v.staffId, permitted_at: ctx.now() }))!;
    await auditRepo.appendAuditEvents(db, v.municipalityId, [
      { actorStaffId: v.staffId, action: 'designation.permit', targetType: 'designation', targetId: id, ruleIds: ['KWO-6'], requestId: ctx.requestId },
    ]);
    return toDesignation(row, ctx.now());
  }

  @FieldResolver(() => Staff)
  async staff(@Root() d: Designation, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(d.staffId))!);
  }

  @FieldResolver(() => Staff)
  async designatedBy(@Root() d: Designation, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(d.designatedById))!);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async permittedBy(@Root() d: Designation, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = d.permittedById ? await ctx.loaders.staff.load(d.permittedById) : null;
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => OrgUnit)
  async orgUnit(@Root() d: Designation, @Ctx() ctx: Context): Promise<OrgUnit> {
    return toOrgUnit((await ctx.loaders.orgUnit.load(d.orgUnitId))!);
  }
}
