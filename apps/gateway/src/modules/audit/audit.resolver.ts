import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Staff, toStaff } from '../people/index.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { afterSequence, pageSize } from '../../graphql/pagination.ts';
import { auditRepo, toDate, type Db } from '@tsukasa/db';
import { auditReaders, decideDuty, fieldError, ruleIdSet } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { toCsv } from '../../graphql/csv.ts';
import { graphqlObject } from '../../graphql/object.ts';

@ObjectType({ description: 'One entry of the append-only, hash-chained audit log.' })
export class AuditEvent {
  @Field(() => String) seq!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ID, { nullable: true }) actorStaffId!: string | null;
  @Field(() => ID, { nullable: true }) actorTokenId!: string | null;
  @Field(() => ID, { nullable: true, description: 'When a deputy acted: the role holder acted for.' }) onBehalfOfStaffId!: string | null;
  @Field(() => String, { description: 'e.g. system.update, read, account.suspend' }) action!: string;
  @Field(() => String) targetType!: string;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => [String], { nullable: true, description: 'A read of several records names them all.' }) targetIds!: string[] | null;
  @Field(() => [String], { nullable: true }) fields!: string[] | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON' }) after!: string | null;
  // Text, not RuleIds: the rules the event cited when it happened, as the hash chain recorded them.
  @Field(() => [String]) ruleIds!: string[];
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String) hash!: string;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => [AuditEvent]) nodes!: AuditEvent[];
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Action or its prefix, e.g. "read" or "account."' }) action?: string | null;
  @Field(() => ID, { nullable: true, description: 'Acted as, or on behalf of.' }) actorStaffId?: string | null;
  @Field(() => String, { nullable: true }) targetType?: string | null;
  @Field(() => String, { nullable: true }) targetId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}

const toEvent = (r: auditRepo.AuditEventRow): AuditEvent =>
  graphqlObject(AuditEvent, {
    seq: String(r.seq),
    occurredAt: toDate(r.occurred_at as Date | string),
    actorStaffId: r.actor_staff_id,
    actorTokenId: r.actor_token_id,
    onBehalfOfStaffId: r.on_behalf_of_staff_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetIds: r.target_ids,
    fields: r.fields,
    before: r.before == null ? null : JSON.stringify(r.before),
    after: r.after == null ? null : JSON.stringify(r.after),
    ruleIds: ruleIdSet<string>(r.rule_ids),
    requestId: r.request_id,
    hash: r.hash,
  });

/** MNT-19-3 and its equivalents: the monitors of personal-information lookups, or a registry administrator. */
async function requireAuditReader(ctx: Context, db: Db): Promise<void> {
  const v = ctx.viewer!;
  if (v.kind === 'staff' && v.registryAdmin) return;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const duty = decideDuty(auditReaders, facts.viewer.roles, { rulebookId: null }, (p) => facts.positionOrgUnit.get(p));
  if (!duty.allowed)
    throw forbidden('Only those who monitor the audit log may read it.', duty.ruleIds, '監査ログを参照できるのは、アクセス記録を監視する職員だけです。');
}

function checkFilter(f: AuditFilter | null) {
  if (f?.actorStaffId && !isUuid(f.actorStaffId))
    throw badInput([fieldError(['filter', 'actorStaffId'], 'INVALID_VALUE', 'Staff id is malformed.', '職員IDが正しくありません。')]);
  for (const k of ['action', 'targetType', 'targetId'] as const) {
    if ((f?.[k]?.length ?? 0) > 100) throw badInput([fieldError(['filter', k], 'TOO_LONG', `${k} is too long.`, '検索条件が長すぎます。')]);
  }
}

@Resolver(() => AuditEvent)
export class AuditEventNamesResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async actor(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = e.actorStaffId ? await ctx.loaders.staff.load(e.actorStaffId) : null;
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async onBehalfOf(@Root() e: AuditEvent, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = e.onBehalfOfStaffId ? await ctx.loaders.staff.load(e.onBehalfOfStaffId) : null;
    return row ? toStaff(row) : null;
  }
}

@Resolver()
export class AuditResolver {
  @Rule('audit:read')
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (MNT-19-3).' })
  async auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    const size = pageSize(first, ['first']);
    checkFilter(filter);
    if (after != null) afterSequence(after);
    const db = await ctx.db.em();
    await requireAuditReader(ctx, db);
    const page = await auditRepo.searchAuditEvents(db, filter ?? {}, size + 1, after);
    const nodes = page.rows.slice(0, size).map(toEvent);
    return { totalCount: page.totalCount, hasNextPage: page.rows.length > size, endCursor: nodes.at(-1)?.seq ?? null, nodes };
  }

  @Rule('audit:read')
  @Query(() => String, { description: 'CSV export of the audit log matching the filter (up to 100,000 events); prepend a BOM for Excel.' })
  async auditEventsCsv(@Ctx() ctx: Context, @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null): Promise<string> {
    checkFilter(filter);
    const db = await ctx.db.em();
    await requireAuditReader(ctx, db);
    const page = await auditRepo.searchAuditEvents(db, filter ?? {}, 100_000, null);
    return toCsv([
      ['連番', '日時', '操作者', '代理元', 'APIトークン', '操作', '対象種別', '対象ID', '項目', '変更前', '変更後', '根拠条文', 'リクエストID', 'ハッシュ'],
      ...page.rows
        .map(toEvent)
        .map((e) => [
          e.seq,
          e.occurredAt.toISOString(),
          e.actorStaffId ?? '',
          e.onBehalfOfStaffId ?? '',
          e.actorTokenId ?? '',
          e.action,
          e.targetType,
          e.targetId ?? '',
          (e.fields ?? []).join(' '),
          e.before ?? '',
          e.after ?? '',
          e.ruleIds.join(' '),
          e.requestId ?? '',
          e.hash,
        ]),
    ]);
  }
}
