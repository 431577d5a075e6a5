import { Authorized, type AuthChecker, type MiddlewareFn } from 'type-graphql';
import type { Context } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

/**
 * Who may call an operation. Every Query and Mutation field declares one rule with `@Rule(…)`;
 * a field without one is refused at run time (denyUnruled) and fails the schema-walk test.
 */
export type RuleName =
  | 'public' // sign-in
  | 'signedIn'
  | 'registry:read'
  | 'registry:write'
  | 'tokens:manage';

export const ruledOperations = new Map<string, RuleName>();

/** Declares the rule of a root operation. */
export function Rule(rule: RuleName): MethodDecorator {
  const authorized = Authorized(rule);
  return (target, propertyKey, descriptor) => {
    // The resolver class name is not the GraphQL type name; the schema walk maps them (see rules.test.ts).
    ruledOperations.set(String(propertyKey), rule);
    authorized(target, propertyKey, descriptor);
  };
}

export function viewerHasScope(ctx: Context, scope: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  if (v.kind === 'token') return v.scopes.includes(scope);
  if (scope === 'registry:read') return true; // everyone signed in reads their own municipality's registry
  if (scope === 'registry:write') return v.registryAdmin;
  return false;
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
      throw forbidden(rule === 'registry:write' ? 'Only registry administrators may edit the registry.' : 'This token may not read the registry.');
    case 'tokens:manage':
      if (context.viewer.kind === 'staff' && context.viewer.registryAdmin) return true;
      throw forbidden('Only registry administrators signed in as themselves may manage API tokens.');
    default:
      throw forbidden();
  }
};

/** Deny by default: a root field that declared no rule is refused, whatever else happens. */
export const denyUnruled: MiddlewareFn<Context> = async ({ info }, next) => {
  const root = info.parentType.name;
  if ((root === 'Query' || root === 'Mutation') && !ruledOperations.has(info.fieldName)) {
    throw forbidden(`${root}.${info.fieldName} has no authorization rule.`);
  }
  return next();
};
