import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type MiddlewareFn } from 'type-graphql';
import { exec } from '@tsukasa/db';
import { AuthResolver } from '../modules/auth/auth.resolver.ts';
import { InformationAssetResolver } from '../modules/registry/information-asset.resolver.ts';
import { OrgUnitResolver, OwnerResolver, PositionResolver } from '../modules/registry/org.resolver.ts';
import { SystemImportResolver, SystemResolver } from '../modules/registry/system.resolver.ts';
import { RulebookResolver } from '../modules/rulebook/rulebook.resolver.ts';
import type { Context } from './context.ts';
import { authChecker, denyUnruled } from './rules.ts';

export const resolvers = [
  AuthResolver,
  SystemResolver,
  SystemImportResolver,
  InformationAssetResolver,
  OrgUnitResolver,
  PositionResolver,
  OwnerResolver,
  RulebookResolver,
] as const;

/**
 * Each root mutation runs in a savepoint of the request's transaction: a refused mutation leaves
 * nothing behind (its partial writes and audit rows are rolled back), while an earlier successful
 * mutation of the same request stays.
 */
const mutationSavepoint: MiddlewareFn<Context> = async ({ info, context }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  if (info.fieldName === 'signIn') return next(); // runs its own transaction before a tenant exists
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

let cached: Promise<GraphQLSchema> | undefined;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    globalMiddlewares: [denyUnruled, mutationSavepoint],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}

export async function printGatewaySchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildGatewaySchema())) + '\n';
}
