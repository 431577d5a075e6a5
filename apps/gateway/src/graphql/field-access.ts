// Field-level authorization of the schema: @Protected declares the information asset a field
// belongs to; the field resolves to null with FORBIDDEN_FIELD unless the request's authorization
// (graphql/request-authz.ts) allows it, and allowed reads are audited.
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { AssetKind, FieldDecision, FieldSubject } from '@tsukasa/domain';
import type { Context } from './context.ts';

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

/** Every protected field, by `Type.field`, for tests and documentation. */
export const protectedFields = new Map<string, Protection<never>>();

export function forbiddenField(info: GraphQLResolveInfo, decision: FieldDecision): GraphQLError {
  const fieldPath = responsePathAsArray(info.path);
  return new GraphQLError(decision.message.en, {
    path: fieldPath,
    extensions: {
      code: 'FORBIDDEN_FIELD',
      fieldPath,
      reason: decision.reason,
      messageJa: decision.message.ja,
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
      if (value != null && asset)
        context.authz.recordRead(spec.target(root as T), info.fieldName, asset, { allowed: true, reason: 'ROLE', message: { en: '', ja: '' }, ruleIds: [] });
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
