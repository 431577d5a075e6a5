import 'reflect-metadata';
import {
  defaultFieldResolver,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { ruleIdSet } from '@tsukasa/domain';
import { buildSchema } from 'type-graphql';
import { AuthResolver, ViewerPermissionsResolver } from '../modules/auth/auth.resolver.ts';
import { InformationAssetResolver } from '../modules/registry/information-asset.resolver.ts';
import { OrgUnitResolver, OwnerResolver, PositionResolver } from '../modules/registry/org.resolver.ts';
import { SystemImportResolver, SystemResolver } from '../modules/registry/system.resolver.ts';
import { RulebookCoverageResolver, RulebookResolver } from '../modules/rulebook/rulebook.resolver.ts';
import { authChecker } from './rules.ts';
import { accessResolvers } from '../modules/access/access.resolver.ts';
import { DesignationResolver } from '../modules/access/designation.resolver.ts';
import { AuditEventNamesResolver, AuditResolver } from '../modules/audit/audit.resolver.ts';
import { peopleResolvers } from '../modules/people/people.resolver.ts';
import { AbsenceResolver } from '../modules/people/absence.resolver.ts';
import { RequestConnectionResolver, RequestResolver, SystemLicencesResolver } from '../modules/requests/request.resolver.ts';
import { committeeResolvers } from '../modules/committees/meeting.resolver.ts';
import { registerResolvers } from '../modules/registers/registers.resolver.ts';
import { procedureResolvers } from '../modules/procedures/procedure.resolver.ts';
import { incidentResolvers } from '../modules/incidents/incident.resolver.ts';
import { MaintenanceResolver } from '../modules/maintenance/maintenance.resolver.ts';

// The one place that imports resolvers (a dependency rule checks it: npm run lint).
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
  RulebookCoverageResolver,
  ...peopleResolvers,
  AbsenceResolver,
  ...accessResolvers,
  DesignationResolver,
  AuditResolver,
  AuditEventNamesResolver,
  RequestResolver,
  RequestConnectionResolver,
  SystemLicencesResolver,
  ...committeeResolvers,
  ...registerResolvers,
  ...procedureResolvers,
  MaintenanceResolver,
  ...incidentResolvers,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  }).then(withRuleIdSets);
  return cached;
}

const asRuleIdSet = (value: unknown): unknown => (Array.isArray(value) ? ruleIdSet<string>(value as string[]) : value);

/** A `ruleIds: [String]` field, wherever it is declared. */
function isRuleIdList(field: GraphQLField<unknown, unknown>): boolean {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  return field.name === 'ruleIds' && isListType(type) && getNamedType(type).name === 'String';
}

/**
 * Every `ruleIds` the API answers is a set (each rule once, in the order first cited), whichever
 * resolver or stored row it comes from — older audit events may have recorded a rule twice.
 */
export function withRuleIdSets(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isRuleIdList(field)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value: unknown = resolve(source, args, context, info);
        return value instanceof Promise ? value.then(asRuleIdSet) : asRuleIdSet(value);
      };
    }
  }
  return schema;
}

export async function printGatewaySchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildGatewaySchema())) + '\n';
}
