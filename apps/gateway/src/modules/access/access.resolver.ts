import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accessRepo, registryRepo } from '@tsukasa/db';
import { fieldError, positionsAt } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts, toAssetFact } from '../authz/viewer-facts.ts';
import { toStaff } from '../people/people.resolver.ts';
import { Staff } from '../people/people.types.ts';
import { toAsset, toPosition, toSystem } from '../registry/registry.mappers.ts';
import { InformationAsset, Position, System } from '../registry/registry.types.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { pageSize } from '../registry/system.resolver.ts';
import * as accounts from './access.service.ts';
import { DesignationResolver } from './designation.resolver.ts';
import * as grants from './grant.service.ts';
import {
  AccessDecision,
  AccessDenialCode,
  Account,
  AccountConnection,
  AccountFeed,
  AccountStatus,
  CreateAccountInput,
  FieldAccessExplanation,
  Grant,
  RequestGrantInput,
} from './access.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';

function requireId(id: string, path: string[]): void {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
}

@Resolver(() => Account)
export class AccessResolver {
  @Rule('access:decide')
  @Query(() => AccessDecision, { description: 'May staff X use system Y at an instant (default: now)? Every reason with its rule IDs.' })
  async accessDecision(
    @Ctx() ctx: Context,
    @Arg('staffId', () => ID) staffId: string,
    @Arg('systemId', () => ID) systemId: string,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<AccessDecision> {
    requireId(staffId, ['staffId']);
    requireId(systemId, ['systemId']);
    const instant = at ?? ctx.now();
    const result = await accounts.decideAccess(await ctx.db.em(), staffId, systemId, instant);
    if (!result) throw notFound('Staff member or system', ['staffId']);
    const { decision, accountId } = result;
    return Object.assign(new AccessDecision(), {
      allowed: decision.allowed,
      authority: decision.authority,
      reasons: decision.reasons.map((r) => ({ ...r, code: r.code as AccessDenialCode })),
      ruleIds: decision.ruleIds,
      staffId,
      systemId,
      at: instant,
      accountId,
    });
  }

  @Rule('access:decide')
  @Query(() => AccountFeed, { description: 'Account changes of a system after a cursor, for login systems to sync. Start with no cursor.' })
  async accountsFeed(
    @Ctx() ctx: Context,
    @Arg('systemId', () => ID) systemId: string,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
  ): Promise<AccountFeed> {
    requireId(systemId, ['systemId']);
    const size = pageSize(first, ['first']);
    if (after != null && !/^\d{1,18}$/.test(after)) throw badInput([fieldError(['after'], 'INVALID_VALUE', 'The cursor is not valid.', 'カーソルが正しくありません。')]);
    const db = await ctx.db.em();
    if (!(await registryRepo.systemsByIds(db, [systemId]))[0]) throw notFound('System', ['systemId']);
    const rows = await accessRepo.accountChanges(db, systemId, after ?? '0', size + 1);
    const page = rows.slice(0, size);
    return Object.assign(new AccountFeed(), { changes: page.map(accounts.toAccount), cursor: page.at(-1)?.change_seq ?? after ?? '0', hasMore: rows.length > size });
  }

  @Rule('registry:read')
  @Query(() => AccountConnection, { description: 'Accounts of a system.' })
  async accounts(
    @Ctx() ctx: Context,
    @Arg('systemId', () => ID) systemId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<AccountConnection> {
    requireId(systemId, ['systemId']);
    if (after) requireId(after, ['after']);
    const size = pageSize(first, ['first']);
    const page = await accessRepo.accountsOfSystem(await ctx.db.em(), systemId, size + 1, after);
    const nodes = page.rows.slice(0, size).map(accounts.toAccount);
    return { totalCount: page.totalCount, pageInfo: { hasNextPage: page.rows.length > size, endCursor: nodes.at(-1)?.id ?? null }, edges: nodes.map((n) => ({ cursor: n.id, node: n })) };
  }

  @FieldResolver(() => Staff)
  async staff(@Root() a: Account, @Ctx() ctx: Context): Promise<Staff> {
    const row = await ctx.loaders.staff.load(a.staffId);
    if (!row) throw new Error('account holder missing');
    return toStaff(row);
  }

  @FieldResolver(() => System)
  async system(@Root() a: Account, @Ctx() ctx: Context): Promise<System> {
    const row = await ctx.loaders.system.load(a.systemId);
    if (!row) throw new Error('account system missing');
    return toSystem(row);
  }

  @FieldResolver(() => Position, { nullable: true, description: 'KTM-11: the duty the account is tied to.' })
  async dutyPosition(@Root() a: Account, @Ctx() ctx: Context): Promise<Position | null> {
    if (!a.dutyPositionId) return null;
    const row = await ctx.loaders.position.load(a.dutyPositionId);
    return row ? toPosition(row) : null;
  }

  @FieldResolver(() => AccountStatus)
  async status(@Root() a: Account, @Ctx() ctx: Context, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<AccountStatus> {
    const [row] = await accessRepo.accountsByIds(await ctx.db.em(), [a.id]);
    return accounts.accountStatus(row!, await ctx.loaders.tenuresOfStaff.load(a.staffId), at ?? ctx.now());
  }

  @Rule('registry:read')
  @Mutation(() => Account, { description: 'Creates an account (the system administrator; MNT-10-2, KTM-10-3 …).' })
  async createAccount(@Ctx() ctx: Context, @Arg('input', () => CreateAccountInput) input: CreateAccountInput): Promise<Account> {
    return accounts.toAccount(await accounts.createAccount(ctx, input));
  }

  @Rule('registry:read')
  @Mutation(() => Account, { description: 'Suspends an account (MNT-16, KTM-10-4; the section head is told, KTM-10-5).' })
  @ArgFormats({ reason: 'multiline' })
  async suspendAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'suspend', reason }));
  }

  @Rule('registry:read')
  @Mutation(() => Account)
  async reinstateAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'reinstate' }));
  }

  @Rule('registry:read')
  @Mutation(() => Account, { description: 'Ends an account (MNT-11-2, KTM-10-1).' })
  @ArgFormats({ reason: 'multiline' })
  async endAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('reason', () => String) reason: string): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'end', reason }));
  }

  @Rule('signedIn')
  @Mutation(() => Boolean, { description: 'KTM-10-6: asks for your own password on a system to be reset.' })
  async requestPasswordReset(@Ctx() ctx: Context, @Arg('systemId', () => ID) systemId: string): Promise<boolean> {
    return accounts.requestPasswordReset(ctx, systemId);
  }
}

@Resolver(() => Grant)
export class GrantResolver {
  @Rule('signedIn')
  @Query(() => [Grant], { description: 'Grants you may see: your own, those you requested, those of assets you own (all, for registry administrators).' })
  async grants(@Ctx() ctx: Context, @Arg('assetId', () => ID, { nullable: true }) assetId: string | null, @Arg('granteeId', () => ID, { nullable: true }) granteeId: string | null): Promise<Grant[]> {
    if (assetId) requireId(assetId, ['assetId']);
    if (granteeId) requireId(granteeId, ['granteeId']);
    const v = ctx.viewer!;
    if (v.kind !== 'staff') throw forbidden('Grants are listed for staff.', [], '閲覧権限の一覧は職員だけが参照できます。');
    const db = await ctx.db.em();
    const all = await accessRepo.listGrants(db, { assetId, granteeId });
    if (v.registryAdmin) return all.map((g) => grants.toGrant(g, ctx.now()));
    const facts = await loadStaffFacts(db, v.staffId, ctx.now());
    const held = new Set([...positionsAt(v.staffId, ctx.now(), facts.viewer.tenures), ...facts.viewer.roles.filter((r) => r.via === 'deputy').map((r) => r.positionId)]);
    return all
      .filter((g) => g.grantee_id === v.staffId || g.requested_by_id === v.staffId || g.owner_position_ids.some((p) => held.has(p)))
      .map((g) => grants.toGrant(g, ctx.now()));
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'Asks the owner(s) of an information asset to let someone see its protected fields.' })
  async requestGrant(@Ctx() ctx: Context, @Arg('input', () => RequestGrantInput) input: RequestGrantInput): Promise<Grant> {
    return grants.toGrant(await grants.requestGrant(ctx, input), ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'An owner approves (KWW-5-2); every owner must, for the grant to be active.' })
  async approveGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrant(await grants.approveGrant(ctx, id), ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => Grant)
  async suspendGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrant(await grants.setGrantState(ctx, id, 'suspend'), ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => Grant)
  async reinstateGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrant(await grants.setGrantState(ctx, id, 'reinstate'), ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => Grant)
  async revokeGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrant(await grants.setGrantState(ctx, id, 'revoke'), ctx.now());
  }

  @Rule('registry:write')
  @Query(() => FieldAccessExplanation, { description: '“Why can’t X see this?” For a staff member, an information asset and a protected field.' })
  async explainFieldAccess(
    @Ctx() ctx: Context,
    @Arg('staffId', () => ID) staffId: string,
    @Arg('assetId', () => ID) assetId: string,
    @Arg('field', () => String) field: string,
    @Arg('subjectStaffId', () => ID, { nullable: true }) subjectStaffId: string | null,
    @Arg('systemId', () => ID, { nullable: true }) systemId: string | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<FieldAccessExplanation> {
    requireId(staffId, ['staffId']);
    requireId(assetId, ['assetId']);
    const db = await ctx.db.em();
    const [asset] = await accessRepo.assetFactsByIds(db, [assetId]);
    const [staff] = await accessRepo.staffByIds(db, [staffId]);
    if (!asset || !staff) throw notFound('Staff member or information asset', ['assetId']);
    const system = systemId && isUuid(systemId) ? (await registryRepo.systemsByIds(db, [systemId]))[0] : undefined;
    const instant = at ?? ctx.now();
    const facts = await loadStaffFacts(db, staffId, instant);
    const { decision, checks } = await ctx.authz.explain(toAssetFact(asset), field, {
      staffId: subjectStaffId ?? undefined,
      systemManagingOrgUnitId: system?.managing_org_unit_id,
      systemRulebookId: system?.rulebook_id,
    }, facts, instant);
    return Object.assign(new FieldAccessExplanation(), {
      allowed: decision.allowed, reason: decision.reason, message: decision.message, messageJa: decision.messageJa, ruleIds: decision.ruleIds,
      checks: checks.map((c) => ({ kind: c.kind, passed: c.passed, message: c.message, messageJa: c.messageJa, ruleIds: c.ruleIds })),
    });
  }
}

@Resolver(() => Staff)
export class StaffAccessResolver {
  @FieldResolver(() => [Account], { description: 'The accounts the person holds, on every system.' })
  async accounts(@Root() s: Staff, @Ctx() ctx: Context): Promise<Account[]> {
    return (await ctx.loaders.accountsOfStaff.load(s.id)).map(accounts.toAccount);
  }
}

@Resolver(() => System)
export class SystemAccessResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer administers this system’s accounts (MNT-4, KTM-10-3, KWW-4, KWO-4, ARK-4).' })
  async viewerCanAdministerAccounts(@Root() s: System, @Ctx() ctx: Context): Promise<boolean> {
    return accounts.canAdministerAccounts(ctx, s.id);
  }
}

@Resolver(() => Grant)
export class GrantNamesResolver {
  @FieldResolver(() => Staff)
  async grantee(@Root() g: Grant, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(g.granteeId))!);
  }

  @FieldResolver(() => InformationAsset)
  async asset(@Root() g: Grant, @Ctx() ctx: Context): Promise<InformationAsset> {
    return toAsset((await ctx.loaders.asset.load(g.assetId))!);
  }

  @FieldResolver(() => [Position], { description: 'Owner positions whose approval is needed.' })
  async owners(@Root() g: Grant, @Ctx() ctx: Context): Promise<Position[]> {
    return (await loadAll(ctx.loaders.position, g.ownerPositionIds)).map(toPosition);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may approve it now (an owner, not its requester or grantee).' })
  async viewerCanApprove(@Root() g: Grant, @Ctx() ctx: Context): Promise<boolean> {
    return grants.viewerCanApprove(ctx, g);
  }
}

export const accessResolvers = [AccessResolver, GrantResolver, DesignationResolver, StaffAccessResolver, SystemAccessResolver, GrantNamesResolver] as const;
