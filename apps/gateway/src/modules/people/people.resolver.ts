import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { accessRepo } from '@tsukasa/db';
import { findRole, peopleFilterErrors, positionsAt, type RulebookId } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { encodeCursor, isText, isUuid } from '../../graphql/scalars.ts';
import { Protected } from '../../graphql/field-access.ts';
import { loadStaffFacts, toTenure } from '../authz/index.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { InformationAsset, Position, System, toPosition, toSystem } from '../registry/index.ts';
import { afterCursor, pageSize } from '../../graphql/pagination.ts';
import { toNetwork, toPerson, toStaff } from './people.mappers.ts';
import { visibleNetworks } from './people.service.ts';
import {
  ContactNetwork,
  ContactNetworkMember,
  Contractor,
  ContractorPerson,
  DataItem,
  HeldRole,
  RoleVia,
  Staff,
  StaffConnection,
  StaffFilter,
  Tenure,
} from './people.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

function instant(at: Date | null | undefined, ctx: Context): Date {
  return at ?? ctx.now();
}

@Resolver(() => Staff)
export class StaffResolver {
  @Rule('registry:read')
  @Query(() => StaffConnection, { description: "Staff of the viewer's municipality, by kana order." })
  async staff(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter: StaffFilter | null,
  ): Promise<StaffConnection> {
    const size = pageSize(first, ['first']);
    const filterErrors = peopleFilterErrors({ orgUnitIdMalformed: !!filter?.orgUnitId && !isUuid(filter.orgUnitId), text: filter?.text });
    if (filterErrors.length) throw badInput(filterErrors);
    const position = after ? afterCursor<[string, string]>(after, [isText, isUuid]) : null;
    const afterKey = position && { name: position[0], id: position[1] };
    const page = await accessRepo.listStaff(await ctx.db.em(), { text: filter?.text, orgUnitId: filter?.orgUnitId, first: size, after: afterKey });
    for (const r of page.rows) ctx.loaders.staff.prime(r.id, r);
    const edges = page.rows.map((r) => ({ cursor: encodeCursor([r.sort_key, r.id]), node: toStaff(r) }));
    return { totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, edges };
  }

  @Rule('registry:read')
  @Query(() => Staff, { nullable: true })
  async staffMember(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Staff | null> {
    if (!isUuid(id)) return null;
    const row = await ctx.loaders.staff.load(id);
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => [Tenure], { description: 'Every position held, past and present.' })
  async tenures(@Root() s: Staff, @Ctx() ctx: Context): Promise<Tenure[]> {
    return (await ctx.loaders.tenuresOfStaff.load(s.id)).map((t) => graphqlObject(Tenure, { positionId: t.position_id, from: t.valid_from, to: t.valid_to }));
  }

  @FieldResolver(() => [Position], { description: 'Positions held at an instant (default: now).' })
  async positions(@Root() s: Staff, @Ctx() ctx: Context, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<Position[]> {
    const day = instant(at, ctx);
    const tenures = (await ctx.loaders.tenuresOfStaff.load(s.id)).map(toTenure);
    return (await loadAll(ctx.loaders.position, positionsAt(s.id, day, tenures))).map(toPosition);
  }

  @FieldResolver(() => [HeldRole], { description: 'Rulebook roles held at an instant (default: now), through positions and as a deputy.' })
  async roles(@Root() s: Staff, @Ctx() ctx: Context, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<HeldRole[]> {
    const facts = await loadStaffFacts(await ctx.db.em(), s.id, instant(at, ctx));
    return facts.viewer.roles.map((r) => {
      const def = findRole(r.rulebookId as RulebookId, r.roleKey);
      return graphqlObject(HeldRole, {
        rulebookId: r.rulebookId,
        roleKey: r.roleKey,
        roleName: def?.name ?? r.roleKey,
        roleNameEn: def?.nameEn ?? r.roleKey,
        positionId: r.positionId,
        scopeKey: r.scopeKey,
        scopeLabel: r.scopeLabel ?? null,
        via: r.via === 'deputy' ? RoleVia.DEPUTY : RoleVia.POSITION,
        onBehalfOfStaffId: r.onBehalfOfStaffId,
        ruleIds: r.ruleIds,
      });
    });
  }
}

@Resolver(() => Tenure)
export class TenureResolver {
  @FieldResolver(() => Position)
  async position(@Root() t: Tenure, @Ctx() ctx: Context): Promise<Position> {
    const row = await ctx.loaders.position.load(t.positionId);
    if (!row) throw new Error(`position ${t.positionId} missing`);
    return toPosition(row);
  }
}

@Resolver(() => Contractor)
export class ContractorResolver {
  @Rule('registry:read')
  @Query(() => [Contractor], { description: 'Contractors (受託事業者) of the municipality.' })
  async contractors(@Ctx() ctx: Context): Promise<Contractor[]> {
    return (await accessRepo.listContractors(await ctx.db.em())).map((r) => graphqlObject(Contractor, { id: r.id, name: r.name }));
  }

  @FieldResolver(() => [ContractorPerson])
  async people(@Root() c: Contractor, @Ctx() ctx: Context): Promise<ContractorPerson[]> {
    return (await ctx.loaders.contractorPeople.load(c.id)).map(toPerson);
  }
}

@Resolver(() => System)
export class SystemProtectedResolver {
  @Protected<System>({
    asset: { kind: 'system_security' },
    subject: (s) => ({ systemManagingOrgUnitId: s.managingOrgUnitId, systemRulebookId: s.rulebookId }),
    target: (s) => ({ type: 'system', id: s.id }),
  })
  @FieldResolver(() => String, { nullable: true, description: 'Network layout: security-sensitive (システムのセキュリティ情報).' })
  async networkDescription(@Root() s: System, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.systemSecurity.load(s.id))?.network_description ?? null;
  }

  @Protected<System>({
    asset: { kind: 'system_security' },
    subject: (s) => ({ systemManagingOrgUnitId: s.managingOrgUnitId, systemRulebookId: s.rulebookId }),
    target: (s) => ({ type: 'system', id: s.id }),
  })
  @FieldResolver(() => String, { nullable: true, description: 'Known vulnerabilities: security-sensitive (システムのセキュリティ情報).' })
  async vulnerabilityNotes(@Root() s: System, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.systemSecurity.load(s.id))?.vulnerability_notes ?? null;
  }

  @FieldResolver(() => [ContactNetwork], { description: 'Emergency contact networks of the system that the viewer may see.' })
  async contactNetworks(@Root() s: System, @Ctx() ctx: Context): Promise<ContactNetwork[]> {
    return visibleNetworks(ctx, (await ctx.loaders.networksOfSystem.load(s.id)).map(toNetwork));
  }
}

@Resolver(() => ContactNetwork)
export class ContactNetworkResolver {
  @Rule('registry:read')
  @Query(() => [ContactNetwork], { description: 'Emergency contact networks the viewer may see (the others are not listed or counted).' })
  async contactNetworks(@Ctx() ctx: Context): Promise<ContactNetwork[]> {
    return visibleNetworks(ctx, (await accessRepo.listNetworks(await ctx.db.em())).map(toNetwork));
  }

  @FieldResolver(() => System)
  async system(@Root() n: ContactNetwork, @Ctx() ctx: Context): Promise<System> {
    const row = await ctx.loaders.system.load(n.systemId);
    if (!row) throw new Error(`system ${n.systemId} missing`);
    return toSystem(row);
  }

  @FieldResolver(() => [ContactNetworkMember])
  async members(@Root() n: ContactNetwork, @Ctx() ctx: Context): Promise<ContactNetworkMember[]> {
    return (await ctx.loaders.membersOfNetwork.load(n.id)).map((m) =>
      graphqlObject(ContactNetworkMember, {
        duty: m.duty,
        canInform: m.can_inform,
        canDecide: m.can_decide,
        phone: m.phone,
        staffId: m.staff_id,
        contractorPersonId: m.contractor_person_id,
      }),
    );
  }

  @FieldResolver(() => Boolean, { description: 'KWW-9-2 / KTM-14-4: nobody in the network can decide.' })
  async missingDecider(@Root() n: ContactNetwork, @Ctx() ctx: Context): Promise<boolean> {
    return !(await ctx.loaders.membersOfNetwork.load(n.id)).some((m) => m.can_decide);
  }

  @FieldResolver(() => Boolean, { description: 'KWW-9-2 / KTM-14-4: nobody in the network can give information.' })
  async missingInformer(@Root() n: ContactNetwork, @Ctx() ctx: Context): Promise<boolean> {
    return !(await ctx.loaders.membersOfNetwork.load(n.id)).some((m) => m.can_inform);
  }
}

@Resolver(() => ContactNetworkMember)
export class ContactNetworkMemberResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async staff(@Root() m: ContactNetworkMember, @Ctx() ctx: Context): Promise<Staff | null> {
    if (!m.staffId) return null;
    const row = await ctx.loaders.staff.load(m.staffId);
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => ContractorPerson, { nullable: true })
  async contractorPerson(@Root() m: ContactNetworkMember, @Ctx() ctx: Context): Promise<ContractorPerson | null> {
    if (!m.contractorPersonId) return null;
    const row = await ctx.loaders.contractorPerson.load(m.contractorPersonId);
    return row ? toPerson(row) : null;
  }
}

@Resolver(() => InformationAsset)
export class InformationAssetProtectedResolver {
  @FieldResolver(() => String, { description: 'business, or the kind of protected record the asset holds.' })
  async kind(@Root() a: InformationAsset, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.assetFact.load(a.id))?.kind ?? 'business';
  }

  // Data items of an asset at 機密性3 or above are themselves protected (SPEC §5).
  @Protected<InformationAsset>({
    asset: { of: (a) => a.id },
    when: (a) => a.classification.confidentiality.startsWith('3'),
    target: (a) => ({ type: 'information_asset', id: a.id }),
  })
  @FieldResolver(() => [DataItem], { nullable: true, description: 'Data items; protected when the asset is 機密性3 or above.' })
  async dataItems(@Root() a: InformationAsset, @Ctx() ctx: Context): Promise<DataItem[]> {
    return (await ctx.loaders.dataItemsOfAsset.load(a.id)).map((d) =>
      graphqlObject(DataItem, { id: d.id, name: d.name, basicResidentItem: d.basic_resident_item, personal: d.personal }),
    );
  }
}

export const peopleResolvers = [
  StaffResolver,
  TenureResolver,
  ContractorResolver,
  SystemProtectedResolver,
  ContactNetworkResolver,
  ContactNetworkMemberResolver,
  InformationAssetProtectedResolver,
] as const;
