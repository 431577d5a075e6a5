import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Authorized, UseMiddleware, type AuthChecker, type MiddlewareFn } from 'type-graphql';
import { exec } from '@tsukasa/db';
import type { Context } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

/**
 * Who may call an operation. Every Query and Mutation field declares one rule with `@Rule(…)`;
 * an operation without one is refused before anything runs (checkRootFieldsRuled) and fails the
 * schema-walk test.
 */
export type RuleName =
  | 'public' // sign-in
  | 'signedIn'
  | 'registry:read'
  | 'registry:write'
  | 'tokens:manage'
  | 'access:decide'
  | 'audit:read'
  | 'committees:read'
  | 'committees:manage';

export const ruledOperations = new Map<string, RuleName>();

/**
 * Each root mutation runs in a savepoint of the request's transaction: a refused mutation leaves
 * nothing behind (its partial writes and audit rows are rolled back), while an earlier successful
 * mutation of the same request stays.
 */
const mutationSavepoint: MiddlewareFn<Context> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation' || info.fieldName === 'signIn') return next();
  const em = await context.db.em();
  await exec(em, 'savepoint mutation');
  try {
    const result = await next();
    await exec(em, 'release savepoint mutation');
    return result;
  } catch (e) {
    await exec(em, 'rollback to savepoint mutation');
    throw e;
  }
};

/** Declares the rule of a root operation. */
export function Rule(rule: RuleName): MethodDecorator {
  const authorized = Authorized(rule);
  const savepoint = UseMiddleware(mutationSavepoint);
  return (target, propertyKey, descriptor) => {
    ruledOperations.set(String(propertyKey), rule);
    savepoint(target, propertyKey, descriptor);
    authorized(target, propertyKey, descriptor);
  };
}

export function viewerHasScope(ctx: Context, scope: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  if (v.kind === 'token') return v.scopes.includes(scope);
  switch (scope) {
    case 'registry:read':
      return true; // everyone signed in reads their own municipality's registry
    case 'registry:write':
    case 'access:read':
      return v.registryAdmin;
    default:
      return false;
  }
}

export const authChecker: AuthChecker<Context, RuleName> = ({ context }, roles) => {
  const rule = roles[0];
  if (rule === 'public') return true;
  if (!context.viewer) throw unauthenticated();
  switch (rule) {
    case 'signedIn':
      return true;
    case 'registry:read':
    case 'registry:write':
      if (viewerHasScope(context, rule)) return true;
      throw forbidden(
        rule === 'registry:write' ? 'Only registry administrators may edit the registry.' : 'This token may not read the registry.',
        [],
        rule === 'registry:write' ? '台帳を編集できるのは台帳管理者だけです。' : 'このトークンでは台帳を参照できません。',
      );
    case 'access:decide':
      if (viewerHasScope(context, 'access:read')) return true;
      throw forbidden(
        'Access decisions are for integrators with the access:read scope and registry administrators.',
        [],
        '利用可否の判定は、access:read スコープを持つ連携システムと台帳管理者だけが参照できます。',
      );
    case 'audit:read':
      // The audit log is checked further by role in the service (MNT-19-3); tokens never read it.
      if (context.viewer.kind === 'staff') return true;
      throw forbidden('API tokens may not read the audit log.', [], 'APIトークンでは監査ログを参照できません。');
    case 'committees:read':
      // Staff read their municipality's committees and meetings; integrators with the scope too.
      if (context.viewer.kind === 'staff' || context.viewer.scopes.includes('committees:read')) return true;
      throw forbidden('This token may not read committees.', [], 'このトークンでは会議体を参照できません。');
    case 'committees:manage':
      // Which committee's papers the viewer keeps is checked in the service (ARK-19-3 …).
      if (context.viewer.kind === 'staff') return true;
      throw forbidden('Meetings are kept by staff of the secretariat.', [], '会議は庶務担当の職員が管理します。');
    case 'tokens:manage':
      if (context.viewer.kind === 'staff' && context.viewer.registryAdmin) return true;
      throw forbidden(
        'Only registry administrators signed in as themselves may manage API tokens.',
        [],
        'APIトークンを管理できるのは、本人としてサインインした台帳管理者だけです。',
      );
    default:
      throw forbidden();
  }
};

/**
 * Deny by default, once per request: every root field of the operation must have declared a rule.
 * (Introspection fields are answered by GraphQL itself.)
 */
export function checkRootFieldsRuled(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): void {
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    const root = def.operation === 'mutation' ? schema.getMutationType() : def.operation === 'query' ? schema.getQueryType() : null;
    if (!root) throw new GraphQLError('Subscriptions are not served.', { extensions: { code: 'FORBIDDEN' } });
    const visit = (selections: readonly import('graphql').SelectionNode[]): void => {
      for (const sel of selections) {
        if (sel.kind === Kind.FIELD) {
          const name = sel.name.value;
          if (!name.startsWith('__') && !ruledOperations.has(name)) throw forbidden(`${root.name}.${name} has no authorization rule.`);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet.selections);
        else if (sel.kind === Kind.FRAGMENT_SPREAD) {
          const frag = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
          if (frag && frag.kind === Kind.FRAGMENT_DEFINITION) visit(frag.selectionSet.selections);
        }
      }
    };
    visit(def.selectionSet.selections);
  }
}
