import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { accessRepo, registryRepo } from '@tsukasa/db';
import { fieldError, positionsAt, type SuspensionGround } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts, toAssetFact } from '../authz/index.ts';
import { Staff, toStaff } from '../people/index.ts';
import { InformationAsset, Position, System, toAsset, toPosition, toSystem } from '../registry/index.ts';
import { afterId, afterSequence, pageSize } from '../../graphql/pagination.ts';
import { loadAll } from '../../graphql/loaders.ts';
import * as accounts from './access.service.ts';
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
  GrantApproval,
  GrantEvent,
  RequestGrantInput,
  SuspensionGroundEnum,
} from './access.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';
import { graphqlObject } from '../../graphql/object.ts';

function requireId(id: string, path: string[]): void {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
}

const staffOnly = (ctx: Context) => {
  if (ctx.viewer?.kind !== 'staff') throw forbidden('Grants are listed for staff.', [], '閲覧権限の一覧は職員だけが参照できます。');
};

/** The grants the viewer may see: their own, those they requested, those of assets they own (all, for registry administrators). */
async function visibleGrants(ctx: Context, rows: accessRepo.GrantRow[]): Promise<accessRepo.GrantRow[]> {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') return [];
  if (v.registryAdmin || rows.length === 0) return rows;
  const facts = await loadStaffFacts(await ctx.db.em(), v.staffId, ctx.now());
  const held = new Set([
    ...positionsAt(v.staffId, ctx.now(), facts.viewer.tenures),
    ...facts.viewer.roles.filter((r) => r.via === 'deputy').map((r) => r.positionId),
  ]);
  return rows.filter((g) => g.grantee_id === v.staffId || g.requested_by_id === v.staffId || g.owner_position_ids.some((p) => held.has(p)));
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
    return graphqlObject(AccessDecision, {
      allowed: decision.allowed,
      authority: decision.authority,
      reasons: decision.reasons.map((r) => ({ ...r, code: r.code as AccessDenialCode })),
      ruleIds: decision.ruleIds,
      staffId,
      systemId,
      at: instant,
      accountId,
      purpose: decision.purpose,
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
    if (after != null) afterSequence(after);
    const db = await ctx.db.em();
    if (!(await registryRepo.systemsByIds(db, [systemId]))[0]) throw notFound('System', ['systemId']);
    const rows = await accessRepo.accountChanges(db, systemId, after ?? '0', size + 1);
    const page = rows.slice(0, size);
    return graphqlObject(AccountFeed, { changes: page.map(accounts.toAccount), cursor: page.at(-1)?.change_seq ?? after ?? '0', hasMore: rows.length > size });
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
    if (after) afterId(after);
    const size = pageSize(first, ['first']);
    const page = await accessRepo.accountsOfSystem(await ctx.db.em(), systemId, size + 1, after);
    const nodes = page.rows.slice(0, size).map(accounts.toAccount);
    return {
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.rows.length > size, endCursor: nodes.at(-1)?.id ?? null },
      edges: nodes.map((n) => ({ cursor: n.id, node: n })),
    };
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
  @Mutation(() => Account, {
    description:
      'Suspends an account, citing the rule of its ground (MNT-16; in Kitami KTM-10-4 on a privacy-law breach, otherwise an ordinary revocation, KTM-10-1 and KTM-10-3; the section head is told, KTM-10-5).',
  })
  @ArgFormats({ reason: 'multiline' })
  async suspendAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
    @Arg('ground', () => SuspensionGroundEnum, { nullable: true, description: 'Default: an ordinary revocation (REVOCATION).' })
    ground: SuspensionGround | null,
  ): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'suspend', reason, ground }));
  }

  @Rule('registry:read')
  @Mutation(() => Account)
  async reinstateAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'reinstate' }));
  }

  @Rule('registry:read')
  @Mutation(() => Account, { description: 'Ends an account (MNT-11-2, KTM-10-1).' })
  @ArgFormats({ reason: 'multiline' })
  async endAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<Account> {
    return accounts.toAccount(await accounts.changeAccount(ctx, id, version, { kind: 'end', reason }));
  }

  @Rule('signedIn')
  @Mutation(() => Account, {
    description: 'ARK-10-1: the chief of a section using the system approves the account’s holder as an operator; without it the access decision refuses.',
  })
  async approveAccountOperator(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number): Promise<Account> {
    return accounts.toAccount(await accounts.approveAccountOperator(ctx, id, version));
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'ARK-10-1: the using section chief who approved the holder as an operator.' })
  async operatorApprovedBy(@Root() a: Account, @Ctx() ctx: Context): Promise<Staff | null> {
    if (!a.operatorApprovedById) return null;
    const row = await ctx.loaders.staff.load(a.operatorApprovedById);
    return row ? toStaff(row) : null;
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
  async grants(
    @Ctx() ctx: Context,
    @Arg('assetId', () => ID, { nullable: true }) assetId: string | null,
    @Arg('granteeId', () => ID, { nullable: true }) granteeId: string | null,
  ): Promise<Grant[]> {
    if (assetId) requireId(assetId, ['assetId']);
    if (granteeId) requireId(granteeId, ['granteeId']);
    staffOnly(ctx);
    const db = await ctx.db.em();
    const visible = await visibleGrants(ctx, await accessRepo.listGrants(db, { assetId, granteeId }));
    return grants.toGrants(ctx, db, visible, ctx.now());
  }

  @Rule('signedIn')
  @Query(() => Grant, { nullable: true, description: 'One grant you may see (as in `grants`), with its approvals and history.' })
  async grant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant | null> {
    requireId(id, ['id']);
    staffOnly(ctx);
    const db = await ctx.db.em();
    const row = await accessRepo.grantById(db, id);
    const [visible] = row ? await visibleGrants(ctx, [row]) : [];
    return visible ? grants.toGrantAt(ctx, visible) : null;
  }

  @Rule('signedIn')
  @Mutation(() => Grant, {
    description:
      'Asks the owner(s) of an information asset to let someone see its protected fields. While the same access (asset, grantee, duty, fields, period) awaits approval, another request is refused: CONFLICT with existingGrantId.',
  })
  async requestGrant(@Ctx() ctx: Context, @Arg('input', () => RequestGrantInput) input: RequestGrantInput): Promise<Grant> {
    return grants.toGrantAt(ctx, await grants.requestGrant(ctx, input));
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'An owner approves (KWW-5-2); every owner must, for the grant to be active.' })
  async approveGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrantAt(ctx, await grants.approveGrant(ctx, id));
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'An owner suspends a grant in force (ACTIVE, NOT_YET_VALID, DUTY_ENDED); otherwise CONFLICT.' })
  async suspendGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrantAt(ctx, await grants.setGrantState(ctx, id, 'suspend'));
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'An owner reinstates a SUSPENDED grant; otherwise CONFLICT.' })
  async reinstateGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrantAt(ctx, await grants.setGrantState(ctx, id, 'reinstate'));
  }

  @Rule('signedIn')
  @Mutation(() => Grant, { description: 'An owner revokes a grant (a request still waiting is withdrawn). A revoked grant is not found again.' })
  async revokeGrant(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Grant> {
    return grants.toGrantAt(ctx, await grants.setGrantState(ctx, id, 'revoke'));
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
    const { decision, checks } = await ctx.authz.explain(
      toAssetFact(asset),
      field,
      {
        staffId: subjectStaffId ?? undefined,
        systemManagingOrgUnitId: system?.managing_org_unit_id,
        systemRulebookId: system?.rulebook_id,
      },
      facts,
      instant,
    );
    return graphqlObject(FieldAccessExplanation, {
      allowed: decision.allowed,
      reason: decision.reason,
      message: decision.message,
      ruleIds: decision.ruleIds,
      checks: checks.map((c) => ({ kind: c.kind, passed: c.passed, message: c.message, ruleIds: c.ruleIds })),
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

  @FieldResolver(() => Staff, { description: 'Who asked for it.' })
  async requestedBy(@Root() g: Grant, @Ctx() ctx: Context): Promise<Staff> {
    return (await staffOf(ctx, g.requestedById))!;
  }

  @FieldResolver(() => Staff, {
    nullable: true,
    description: 'Who brought it into its state (null: the calendar did — its first or last day, a personnel change — or it was not recorded).',
  })
  stateChangedBy(@Root() g: Grant, @Ctx() ctx: Context): Promise<Staff | null> {
    return staffOf(ctx, g.stateChangedById);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The owner a deputy acted for, when a deputy did.' })
  stateChangedOnBehalfOf(@Root() g: Grant, @Ctx() ctx: Context): Promise<Staff | null> {
    return staffOf(ctx, g.stateChangedOnBehalfOfId);
  }
}

async function staffOf(ctx: Context, id: string | null): Promise<Staff | null> {
  const row = id ? await ctx.loaders.staff.load(id) : undefined;
  return row ? toStaff(row) : null;
}

async function positionOf(ctx: Context, id: string | null): Promise<Position | null> {
  const row = id ? await ctx.loaders.position.load(id) : undefined;
  return row ? toPosition(row) : null;
}

@Resolver(() => GrantApproval)
export class GrantApprovalResolver {
  @FieldResolver(() => Position, { nullable: true })
  ownerPosition(@Root() a: GrantApproval, @Ctx() ctx: Context): Promise<Position | null> {
    return positionOf(ctx, a.ownerPositionId);
  }

  @FieldResolver(() => Staff)
  async approvedBy(@Root() a: GrantApproval, @Ctx() ctx: Context): Promise<Staff> {
    return (await staffOf(ctx, a.approvedById))!;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The owner a deputy approved for.' })
  onBehalfOf(@Root() a: GrantApproval, @Ctx() ctx: Context): Promise<Staff | null> {
    return staffOf(ctx, a.onBehalfOfId);
  }
}

@Resolver(() => GrantEvent)
export class GrantEventResolver {
  @FieldResolver(() => Staff, { nullable: true })
  by(@Root() e: GrantEvent, @Ctx() ctx: Context): Promise<Staff | null> {
    return staffOf(ctx, e.byId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  onBehalfOf(@Root() e: GrantEvent, @Ctx() ctx: Context): Promise<Staff | null> {
    return staffOf(ctx, e.onBehalfOfId);
  }

  @FieldResolver(() => Position, { nullable: true })
  ownerPosition(@Root() e: GrantEvent, @Ctx() ctx: Context): Promise<Position | null> {
    return positionOf(ctx, e.ownerPositionId);
  }
}

export const accessResolvers = [
  AccessResolver,
  GrantResolver,
  StaffAccessResolver,
  SystemAccessResolver,
  GrantNamesResolver,
  GrantApprovalResolver,
  GrantEventResolver,
] as const;
