import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver, ViewerPermissionsResolver } from '../modules/auth/auth.resolver.ts';
import { InformationAssetResolver } from '../modules/registry/information-asset.resolver.ts';
import { OrgUnitResolver, OwnerResolver, PositionResolver } from '../modules/registry/org.resolver.ts';
import { SystemImportResolver, SystemResolver } from '../modules/registry/system.resolver.ts';
import { RulebookResolver } from '../modules/rulebook/rulebook.resolver.ts';
import { authChecker } from './rules.ts';
import { accessResolvers } from '../modules/access/access.resolver.ts';
import { AuditEventNamesResolver, AuditResolver } from '../modules/audit/audit.resolver.ts';
import { peopleResolvers } from '../modules/people/people.resolver.ts';
import { RequestResolver, SystemLicencesResolver } from '../modules/requests/request.resolver.ts';
import { committeeResolvers } from '../modules/committees/meeting.resolver.ts';
import { registerResolvers } from '../modules/registers/registers.resolver.ts';
import { procedureResolvers } from '../modules/procedures/procedure.resolver.ts';
import { operationsResolvers } from '../modules/operations/incident.resolver.ts';

export const resolvers = [
  AuthResolver,
  ViewerPermissionsResolver,
  SystemResolver,
  SystemImportResolver,
  InformationAssetResolver,
  OrgUnitResolver,
  PositionResolver,
  OwnerResolver,
  RulebookResolver,
  ...peopleResolvers,
  ...accessResolvers,
  AuditResolver,
  AuditEventNamesResolver,
  RequestResolver,
  SystemLicencesResolver,
  ...committeeResolvers,
  ...registerResolvers,
  ...procedureResolvers,
  ...operationsResolvers,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}

export async function printGatewaySchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildGatewaySchema())) + '\n';
}
