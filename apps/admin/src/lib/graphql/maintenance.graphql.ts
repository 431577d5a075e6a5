import type { TypedDocumentNode } from '@urql/core';
import type { DocumentNode, FieldNode, NameNode, OperationDefinitionNode, ValueNode, VariableNode } from 'graphql';
import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';

/** closed: a stop (保守点検作業等による停止); open: the operating hours extended. */
export type MaintenanceKind = EnumOf<'MaintenanceKind'>;
export const MAINTENANCE_KINDS = enumValues<'MaintenanceKind'>()(['CLOSED', 'OPEN']);

// ── Fragments ─────────────────────────────────────────────────────────────────

export const MaintenanceWindowBriefFields = graphql(`
  fragment MaintenanceWindowBriefFields on MaintenanceWindow {
    id
    kind
    status
    from
    to
    reason
    reasonEn
    ruleIds
  }
`);

export type MaintenanceWindowBrief = ResultOf<typeof MaintenanceWindowBriefFields>;

// ── Upcoming stops ────────────────────────────────────────────────────────────

/** The windows of one system meeting [from, to); windowsOfSystemsQuery repeats its field per system. */
const WindowsOfSystemQuery = graphql(
  `
    query WindowsOfSystems($systemId: ID!, $from: DateTimeISO, $to: DateTimeISO) {
      maintenanceWindows(systemId: $systemId, from: $from, to: $to) {
        ...MaintenanceWindowBriefFields
      }
    }
  `,
  [MaintenanceWindowBriefFields],
);

type SystemWindows = ResultOf<typeof WindowsOfSystemQuery>['maintenanceWindows'];

/**
 * The windows of many systems meeting [from, to), one aliased `maintenanceWindows` field per system
 * (`s0`, `s1` … with the variables `$s0`, `$s1` …): the schema has no query across systems. Built per
 * call, as the list of systems is, from WindowsOfSystemQuery, whose field the schema checks.
 */
export function windowsOfSystemsQuery(systemIds: readonly string[]): TypedDocumentNode<Record<string, SystemWindows>, Record<string, string>> {
  const [definition, ...fragments] = WindowsOfSystemQuery.definitions as DocumentNode['definitions'];
  const operation = definition as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const isSystemId = (value: ValueNode): value is VariableNode => 'name' in value && value.name.value === 'systemId';
  const renamed = <Node extends { name: NameNode }>(node: Node, value: string): Node => ({ ...node, name: { ...node.name, value } });
  const variables = operation.variableDefinitions ?? [];
  const systemId = variables.find((variable) => isSystemId(variable.variable));
  if (!systemId) throw new Error('WindowsOfSystems names its system $systemId');
  const aliases = systemIds.map((_, index) => `s${index}`);
  const query: OperationDefinitionNode = {
    kind: operation.kind,
    operation: operation.operation,
    name: operation.name,
    variableDefinitions: [
      ...variables.filter((variable) => variable !== systemId),
      ...aliases.map((alias) => ({ ...systemId, variable: renamed(systemId.variable, alias) })),
    ],
    selectionSet: {
      kind: operation.selectionSet.kind,
      selections: aliases.map((alias) => ({
        ...field,
        alias: { ...field.name, value: alias },
        arguments: field.arguments?.map((argument) => (isSystemId(argument.value) ? { ...argument, value: renamed(argument.value, alias) } : argument)),
      })),
    },
  };
  // A new document without `loc`: urql prints it and keys it by that text.
  const document: DocumentNode = { kind: WindowsOfSystemQuery.kind as DocumentNode['kind'], definitions: [query, ...fragments] };
  return document as TypedDocumentNode<Record<string, SystemWindows>, Record<string, string>>;
}

// ── Operating calendar and maintenance windows ────────────────────────────────

const MaintenanceWindowFields = graphql(
  `
    fragment MaintenanceWindowFields on MaintenanceWindow {
      ...MaintenanceWindowBriefFields
      version
      plannedAt
      plannedBy {
        id
        displayName
      }
      announcedAt
      announcedBy {
        id
        displayName
      }
      cancelledAt
      cancelReason
      warnings {
        code
        message {
          ja
          en
        }
        ruleIds
        overlaps {
          from
          to
        }
      }
    }
  `,
  [MaintenanceWindowBriefFields],
);

export type MaintenanceWindow = ResultOf<typeof MaintenanceWindowFields>;
export type MaintenanceWarning = MaintenanceWindow['warnings'][number];

/** When a system may be used, and its maintenance windows from `from` on (planned, announced and cancelled). */
export const SystemMaintenanceQuery = graphql(
  `
    query SystemMaintenance($systemId: ID!, $from: DateTimeISO) {
      operatingCalendar(systemId: $systemId) {
        timeZone
        weekly {
          weekday
          label {
            ja
            en
          }
          hours {
            start
            end
          }
        }
        closedPeriods {
          from
          to
        }
        closedOnNationalHolidays
        ruleIds
        hoursSetting {
          label {
            ja
            en
          }
          note {
            ja
            en
          }
        }
        stopRuleIds
        openNow {
          at
          open
          code
          reason {
            ja
            en
          }
          ruleIds
        }
        viewerMayPlan
        upcoming {
          ...MaintenanceWindowBriefFields
        }
      }
      maintenanceWindows(systemId: $systemId, from: $from) {
        ...MaintenanceWindowFields
      }
    }
  `,
  [MaintenanceWindowFields],
);

export type OperatingCalendar = ResultOf<typeof SystemMaintenanceQuery>['operatingCalendar'];

export const PlanMaintenanceMutation = graphql(
  `
    mutation PlanMaintenance($input: PlanMaintenanceInput!) {
      planMaintenance(input: $input) {
        ...MaintenanceWindowFields
      }
    }
  `,
  [MaintenanceWindowFields],
);

export const AnnounceMaintenanceMutation = graphql(
  `
    mutation AnnounceMaintenance($id: ID!) {
      announceMaintenance(id: $id) {
        ...MaintenanceWindowFields
      }
    }
  `,
  [MaintenanceWindowFields],
);

export const CancelMaintenanceMutation = graphql(
  `
    mutation CancelMaintenance($id: ID!, $reason: String!) {
      cancelMaintenance(id: $id, reason: $reason) {
        ...MaintenanceWindowFields
      }
    }
  `,
  [MaintenanceWindowFields],
);
