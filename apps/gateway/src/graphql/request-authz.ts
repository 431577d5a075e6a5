// The field-level authorization of one request: the viewer's facts loaded once, a decision per
// protected value (packages/domain decideFieldAccess), and the audit of protected reads written in
// the request's transaction. graphql/field-access.ts applies it to fields.
import { accessRepo, auditRepo } from '@tsukasa/db';
import {
  decideFieldAccess,
  explainFieldAccess,
  localDateAt,
  type AssetFact,
  type AssetKind,
  type FieldDecision,
  type FieldSubject,
  type RuleId,
} from '@tsukasa/domain';
import { loadStaffFacts, toAssetFact, type StaffFacts } from '../modules/authz/index.ts';
import type { Loaders } from './loaders.ts';
import type { RequestDb } from './request-db.ts';
import type { Viewer } from './viewer.ts';

/** What the authorization reads of its request (graphql/context.ts Context has all of it). */
export interface AuthzRequest {
  requestId: string;
  viewer: Viewer | null;
  db: RequestDb;
  loaders: Loaders;
  now(): Date;
}

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
  #reads = new Map<string, { type: string; ids: Set<string>; fields: Set<string>; ruleIds: Set<RuleId>; onBehalfOf: string | null }>();

  constructor(private readonly ctx: AuthzRequest) {}

  facts(): Promise<StaffFacts | null> {
    const v = this.ctx.viewer;
    // Integrator tokens carry scopes, not a person's duties: no protected field is theirs to see.
    if (!v || v.kind !== 'staff') return (this.#facts ??= Promise.resolve(null));
    const at = this.ctx.now();
    // Roles and tenures are kept by day; grants are evaluated at the instant by the decision itself.
    this.#facts ??= this.ctx.db
      .authzEpoch()
      .then((epoch) =>
        remember(factCache, `${v.municipalityId}:${epoch}:${v.staffId}:${localDateAt(at)}`, async () => loadStaffFacts(await this.ctx.db.em(), v.staffId, at)),
      )
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
      const rows = await accessRepo.assetFactsByKinds(await this.ctx.db.em(), [
        'staff_contacts',
        'contractor_contacts',
        'system_security',
        'emergency_contacts',
      ]);
      return new Map(rows.map((r) => [r.kind, toAssetFact(r)]));
    };
    this.#assetsByKind ??= (
      v?.kind === 'staff' ? this.ctx.db.authzEpoch().then((epoch) => remember(assetKindCache, `${v.municipalityId}:${epoch}`, load)) : load()
    ).then((m) => (this.#assetsReady = m));
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
    message: asset
      ? {
          en: 'API tokens are not given protected information: it is shown to the people whose duties require it.',
          ja: 'APIトークンには保護された情報は提供されません。業務上必要な職員にのみ表示されます。',
        }
      : { en: 'The information asset this field belongs to is not registered.', ja: 'この項目が属する情報資産が登録されていません。' },
    ruleIds: [],
  };
}
