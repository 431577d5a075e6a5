// Field-level authorization of a request: the viewer's facts loaded once, decisions per protected
// field (packages/domain decideFieldAccess), the @Protected middleware that withholds a field with
// FORBIDDEN_FIELD, and the audit of protected reads in the request's transaction.
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { auditRepo, accessRepo } from '@tsukasa/db';
import { decideFieldAccess, explainFieldAccess, localDateAt, type AssetFact, type AssetKind, type FieldDecision, type FieldSubject } from '@tsukasa/domain';
import { loadStaffFacts, toAssetFact, type StaffFacts } from '../modules/authz/index.ts';
import type { Context } from './context.ts';

/**
 * Decision facts change only when the municipality's authz epoch moves (triggers on tenures,
 * bindings, deputations, grants, approvals, owners and classification): cached per epoch and day.
 */
const FACT_CACHE_LIMIT = 5000;
const factCache = new Map<string, Promise<StaffFacts>>();
const assetKindCache = new Map<string, Promise<Map<string, AssetFact>>>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= FACT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    hit = load();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

/** A protected field: which information asset it belongs to and whose data it is. */
export interface Protection<T = unknown> {
  /** The asset: one of the municipality's assets of a kind, or an asset named by the parent object. */
  asset: { kind: Exclude<AssetKind, 'business'> } | { of: (root: T) => string };
  /** Applies only when this holds (e.g. an asset's data items only at 機密性3 and above). */
  when?: (root: T, ctx: Context) => boolean | Promise<boolean>;
  subject?: (root: T) => FieldSubject;
  /** What the audit event names as read. */
  target: (root: T) => { type: string; id: string };
}

/**
 * Per-request authorization: the viewer's facts (roles at the instant, tenures, grants) are loaded
 * once, assets by batch; reads of protected data are collected and written to the audit log in the
 * request's transaction before the response leaves (if that write fails, nothing is returned).
 */
export class Authz {
  #facts: Promise<StaffFacts | null> | undefined;
  #factsReady: StaffFacts | null | undefined;
  #assetsByKind: Promise<Map<string, AssetFact>> | undefined;
  #assetsReady: Map<string, AssetFact> | undefined;
  #assets = new Map<string, Promise<AssetFact | undefined>>();
  #reads = new Map<string, { type: string; ids: Set<string>; fields: Set<string>; ruleIds: Set<string>; onBehalfOf: string | null }>();

  constructor(private readonly ctx: Context) {}

  facts(): Promise<StaffFacts | null> {
    const v = this.ctx.viewer;
    // Integrator tokens carry scopes, not a person's duties: no protected field is theirs to see.
    if (!v || v.kind !== 'staff') return (this.#facts ??= Promise.resolve(null));
    const at = this.ctx.now();
    // Roles and tenures are kept by day; grants are evaluated at the instant by the decision itself.
    this.#facts ??= this.ctx.db
      .authzEpoch()
      .then((epoch) => remember(factCache, `${v.municipalityId}:${epoch}:${v.staffId}:${localDateAt(at)}`, async () => loadStaffFacts(await this.ctx.db.em(), v.staffId, at)))
      .then((f) => (this.#factsReady = f));
    return this.#facts;
  }

  /**
   * The decision without waiting, once this request's facts and the asset are loaded (the common
   * case after the first protected value of a list); undefined otherwise.
   */
  decideNow(kind: AssetKind, field: string, subject: FieldSubject): { asset: AssetFact; decision: FieldDecision } | undefined {
    const facts = this.#factsReady;
    const asset = this.#assetsReady?.get(kind);
    if (!facts || !asset) return undefined;
    return { asset, decision: this.#decide(facts, asset, field, subject) };
  }

  #decide(facts: StaffFacts, asset: AssetFact, field: string, subject: FieldSubject): FieldDecision {
    return decideFieldAccess({
      viewer: facts.viewer,
      asset,
      field,
      subject,
      at: this.#at,
      positionOrgUnit: (id) => facts.positionOrgUnit.get(id),
    });
  }

  get #at(): string {
    return (this.#atIso ??= this.ctx.now().toISOString());
  }

  #atIso: string | undefined;

  async assetOfKind(kind: AssetKind): Promise<AssetFact | undefined> {
    const v = this.ctx.viewer;
    const load = async () => {
      const rows = await accessRepo.assetFactsByKinds(await this.ctx.db.em(), ['staff_contacts', 'contractor_contacts', 'system_security', 'emergency_contacts']);
      return new Map(rows.map((r) => [r.kind, toAssetFact(r)]));
    };
    this.#assetsByKind ??= (v?.kind === 'staff' ? this.ctx.db.authzEpoch().then((epoch) => remember(assetKindCache, `${v.municipalityId}:${epoch}`, load)) : load()).then(
      (m) => (this.#assetsReady = m),
    );
    return (await this.#assetsByKind).get(kind);
  }

  assetById(id: string): Promise<AssetFact | undefined> {
    let p = this.#assets.get(id);
    if (!p) {
      p = this.ctx.loaders.assetFact.load(id).then((r) => (r ? toAssetFact(r) : undefined));
      this.#assets.set(id, p);
    }
    return p;
  }

  async decide(asset: AssetFact | undefined, field: string, subject: FieldSubject): Promise<FieldDecision> {
    const facts = await this.facts();
    if (!facts || !asset) return tokenDenied(asset);
    return this.#decide(facts, asset, field, subject);
  }

  async explain(asset: AssetFact, field: string, subject: FieldSubject, facts: StaffFacts, at: Date) {
    return explainFieldAccess({ viewer: facts.viewer, asset, field, subject, at: at.toISOString(), positionOrgUnit: (id) => facts.positionOrgUnit.get(id) });
  }

  /**
   * Personal information and 機密性3+ reads are audited (MNT-19-3, SPEC §5): one event per request
   * and kind of record, naming every record read, the fields and the rules that allowed it.
   */
  recordRead(target: { type: string; id: string }, field: string, asset: AssetFact, decision: FieldDecision): void {
    if (!(asset.kind !== 'business' || asset.confidentiality.startsWith('3'))) return;
    const onBehalfOf = decision.onBehalfOfStaffId ?? null;
    const key = `${target.type}:${onBehalfOf ?? ''}`;
    let entry = this.#reads.get(key);
    if (!entry) this.#reads.set(key, (entry = { type: target.type, ids: new Set(), fields: new Set(), ruleIds: new Set(), onBehalfOf }));
    entry.ids.add(target.id);
    entry.fields.add(field);
    for (const r of decision.ruleIds) entry.ruleIds.add(r);
  }

  async flushReads(): Promise<void> {
    const v = this.ctx.viewer;
    if (!v || this.#reads.size === 0) return;
    // On the primary even when the request read the replica (graphql/request-db.ts writer()).
    const db = await this.ctx.db.writer();
    await auditRepo.appendAuditEvents(
      db,
      v.municipalityId,
      [...this.#reads.values()].map((r) => ({
        actorStaffId: v.staffId,
        actorTokenId: v.kind === 'token' ? v.tokenId : null,
        onBehalfOfStaffId: r.onBehalfOf,
        action: 'read',
        targetType: r.type,
        targetId: r.ids.size === 1 ? [...r.ids][0]! : null,
        targetIds: [...r.ids].sort(),
        fields: [...r.fields].sort(),
        ruleIds: [...r.ruleIds].sort(),
        requestId: this.ctx.requestId,
      })),
    );
    this.#reads.clear();
  }
}

function tokenDenied(asset: AssetFact | undefined): FieldDecision {
  return {
    allowed: false,
    reason: 'NO_RIGHT',
    message: asset ? 'API tokens are not given protected information: it is shown to the people whose duties require it.' : 'The information asset this field belongs to is not registered.',
    messageJa: asset ? 'APIトークンには保護された情報は提供されません。業務上必要な職員にのみ表示されます。' : 'この項目が属する情報資産が登録されていません。',
    ruleIds: [],
  };
}

/** Every protected field, by `Type.field`, for tests and documentation. */
export const protectedFields = new Map<string, Protection<never>>();

export function forbiddenField(info: GraphQLResolveInfo, decision: FieldDecision): GraphQLError {
  const fieldPath = responsePathAsArray(info.path);
  return new GraphQLError(decision.message, {
    path: fieldPath,
    extensions: {
      code: 'FORBIDDEN_FIELD',
      fieldPath,
      reason: decision.reason,
      messageJa: decision.messageJa,
      ruleIds: decision.ruleIds,
    },
  });
}

async function assetOf<T>(spec: Protection<T>, root: T, ctx: Context) {
  return 'kind' in spec.asset ? ctx.authz.assetOfKind(spec.asset.kind) : ctx.authz.assetById(spec.asset.of(root));
}

/** The decision for one protected value, without throwing: lists use it to filter. */
export async function decideProtected<T>(spec: Protection<T>, root: T, field: string, ctx: Context): Promise<FieldDecision & { assetId?: string }> {
  const asset = await assetOf(spec, root, ctx);
  const decision = await ctx.authz.decide(asset, field, spec.subject?.(root) ?? {});
  if (decision.allowed && asset) ctx.authz.recordRead(spec.target(root), field, asset, decision);
  return decision;
}

/**
 * Declares, next to a field, the information asset it belongs to. Unless the viewer may see it
 * (owner, approved grant, rulebook role, or their own record — packages/domain decideFieldAccess),
 * the field resolves to null and the response carries FORBIDDEN_FIELD with the path, the reason
 * and the rule IDs; the rest of the query answers. Reads that are allowed are audited.
 */
export function Protected<T>(spec: Protection<T>): PropertyDecorator & MethodDecorator {
  const guard: MiddlewareFn<Context> = async ({ root, info, context }, next) => {
    if (context.fieldAuthorization === 'off') return next();
    if (context.fieldAuthorization === 'audit-only') {
      const value = await next();
      const asset = await assetOf(spec, root as T, context);
      if (value != null && asset) context.authz.recordRead(spec.target(root as T), info.fieldName, asset, { allowed: true, reason: 'ROLE', message: '', messageJa: '', ruleIds: [] });
      return value;
    }
    if (spec.when && !(await spec.when(root as T, context))) return next();
    const subject = spec.subject?.(root as T) ?? {};
    // Fast path: after the first value of a list, facts and asset are in hand — decide without waiting.
    const ready = 'kind' in spec.asset ? context.authz.decideNow(spec.asset.kind, info.fieldName, subject) : undefined;
    const asset = ready ? ready.asset : await assetOf(spec, root as T, context);
    const decision = ready ? ready.decision : await context.authz.decide(asset, info.fieldName, subject);
    if (!decision.allowed) throw forbiddenField(info, decision);
    const value = await next();
    if (value !== null && value !== undefined && asset) context.authz.recordRead(spec.target(root as T), info.fieldName, asset, decision);
    return value;
  };
  const use = UseMiddleware(guard);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    protectedFields.set(`${target.constructor.name}.${String(key)}`, spec as Protection<never>);
    use(target, key, descriptor as never);
  };
}
