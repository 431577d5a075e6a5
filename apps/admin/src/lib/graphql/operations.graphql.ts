import type { TypedDocumentNode } from '@urql/core';
import type { DocumentNode, FieldNode, NameNode, OperationDefinitionNode, ValueNode, VariableNode } from 'graphql';
import { ContactNetworkFields } from './access.graphql.ts';
import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';

/** 軽微（一部機能）, 重大（業務に支障）, 緊急（全面停止） — mildest first, as the form offers them. */
export type IncidentSeverity = EnumOf<'IncidentSeverity'>;
export const INCIDENT_SEVERITIES = enumValues<'IncidentSeverity'>()(['MINOR', 'MAJOR', 'CRITICAL']);

export type IncidentNoticeKind = EnumOf<'IncidentNoticeKind'>;

/** closed: a stop (保守点検作業等による停止); open: the operating hours extended. */
export type MaintenanceKind = EnumOf<'MaintenanceKind'>;
export const MAINTENANCE_KINDS = enumValues<'MaintenanceKind'>()(['CLOSED', 'OPEN']);

export type RegisterDueState = EnumOf<'RegisterDueState'>;

// ── Fragments ─────────────────────────────────────────────────────────────────

const IncidentSummaryFields = graphql(`
  fragment IncidentSummaryFields on Incident {
    id
    number
    title
    status
    statusLabel {
      ja
      en
    }
    severity
    severityLabel {
      ja
      en
    }
    residentsAffected
    open
    occurredAt
    recoveryEta
    resolvedAt
    system {
      id
      name
    }
  }
`);

const MaintenanceWindowBriefFields = graphql(`
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

// ── Dashboard ─────────────────────────────────────────────────────────────────

/** Everything the dashboard shows, in one request (the upcoming stops come separately). */
export const DashboardQuery = graphql(`
  query Dashboard($meetings: Int) {
    operationsDue {
      at
      summary {
        key
        label {
          ja
          en
        }
        due
        overdue
        ruleIds
      }
      processingPlans {
        systemId
        systemName
        orgUnitId
        orgUnitName
        month
        dueOn
        state
        stateLabel {
          ja
          en
        }
        message {
          ja
          en
        }
        ruleIds
      }
      checkSheets {
        orgUnitId
        orgUnitName
        fiscalYear
        quarter
        quarterLabel {
          ja
          en
        }
        dueOn
        state
        stateLabel {
          ja
          en
        }
        message {
          ja
          en
        }
        ruleIds
      }
      staleDocuments {
        systemId
        systemName
        kind
        kindLabel {
          ja
          en
        }
        orgUnitName
        staleSince
        staleReason {
          ja
          en
        }
        ruleIds
        latest {
          title
          versionLabel
        }
      }
      findings {
        id
        title
        systemId
        systemName
        addressee
        dueOn
        overdue
        status
        statusLabel {
          ja
          en
        }
        ruleIds
      }
      ledgerEntriesPastRetention {
        id
        formName
        orgUnitName
        retentionEndsOn
        message {
          ja
          en
        }
        ruleIds
      }
      systemsMissingContractClauses {
        systemId
        systemName
        contractorName
        missingClauses
        ruleIds
      }
    }
    openIncidents {
      ...IncidentSummaryFields
    }
    systemsUnderMaintenance {
      system {
        id
        name
      }
      window {
        ...MaintenanceWindowBriefFields
      }
    }
    licenceUse {
      systemId
      systemName
      purchasedTotal
      allocatedTotal
      free
      ruleIds
      sections {
        orgUnitId
        orgUnitName
        count
      }
    }
    meetings(limit: $meetings) {
      id
      title
      heldOn
      startTime
      endTime
      place
      mode
      status
    }
  }
`, [IncidentSummaryFields, MaintenanceWindowBriefFields]);

type Dashboard = ResultOf<typeof DashboardQuery>;
export type OperationsDue = Dashboard['operationsDue'];
export type OperationsDueLine = OperationsDue['summary'][number];
export type SystemLicenceUse = Dashboard['licenceUse'][number];

/** The windows of one system meeting [from, to); windowsOfSystemsQuery repeats its field per system. */
const WindowsOfSystemQuery = graphql(`
  query WindowsOfSystems($systemId: ID!, $from: DateTimeISO, $to: DateTimeISO) {
    maintenanceWindows(systemId: $systemId, from: $from, to: $to) {
      ...MaintenanceWindowBriefFields
    }
  }
`, [MaintenanceWindowBriefFields]);

type SystemWindows = ResultOf<typeof WindowsOfSystemQuery>['maintenanceWindows'];

/**
 * The windows of many systems meeting [from, to), one aliased `maintenanceWindows` field per system
 * (`s0`, `s1` … with the variables `$s0`, `$s1` …): the schema has no query across systems. Built per
 * call, as the list of systems is, from WindowsOfSystemQuery, whose field the schema checks.
 */
export function windowsOfSystemsQuery(
  systemIds: readonly string[],
): TypedDocumentNode<Record<string, SystemWindows>, Record<string, string>> {
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
        arguments: field.arguments?.map((argument) =>
          isSystemId(argument.value) ? { ...argument, value: renamed(argument.value, alias) } : argument,
        ),
      })),
    },
  };
  // A new document without `loc`: urql prints it and keys it by that text.
  const document: DocumentNode = { kind: WindowsOfSystemQuery.kind as DocumentNode['kind'], definitions: [query, ...fragments] };
  return document as TypedDocumentNode<Record<string, SystemWindows>, Record<string, string>>;
}

// ── Incidents ─────────────────────────────────────────────────────────────────

export const IncidentsQuery = graphql(`
  query Incidents($filter: IncidentFilter) {
    incidents(filter: $filter) {
      ...IncidentSummaryFields
    }
  }
`, [IncidentSummaryFields]);

/** An incident with its log, its notices to the using sections and the contact networks the viewer may see. */
export const IncidentQuery = graphql(`
  query Incident($id: ID!) {
    incident(id: $id) {
      ...IncidentSummaryFields
      description
      detectedAt
      reportedAt
      reportedBy {
        id
        displayName
      }
      degradedOperation
      cause
      escalatedAt
      resolvedBy {
        id
        displayName
      }
      analysis
      preventiveMeasures
      analysisRecordedAt
      confirmedAt
      confirmedBy {
        id
        displayName
      }
      ruleIds
      contactNetworkRuleIds
      viewerMayManage
      viewerMayConfirm
      version
      updates {
        seq
        at
        kind
        status
        note
        cause
        recoveryEta
        degradedOperation
        ruleIds
        by {
          id
          displayName
        }
        onBehalfOf {
          id
          displayName
        }
      }
      notices {
        kind
        kindLabel {
          ja
          en
        }
        orgUnitId
        sectionName
        sectionFullName
        recipientPositionName
        recipients {
          id
          displayName
        }
        sentAt
        ruleIds
      }
      contactNetworks {
        ...ContactNetworkFields
      }
    }
  }
`, [IncidentSummaryFields, ContactNetworkFields]);

export type IncidentDetail = NonNullable<ResultOf<typeof IncidentQuery>['incident']>;
export type IncidentLogEntry = IncidentDetail['updates'][number];
export type IncidentNotice = IncidentDetail['notices'][number];

// Each mutation answers the incident; the page reloads its data afterwards, so only the id and status are asked.

const IncidentStateFields = graphql(`
  fragment IncidentStateFields on Incident {
    id
    status
  }
`);

export const ReportIncidentMutation = graphql(`
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      ...IncidentStateFields
    }
  }
`, [IncidentStateFields]);

export const UpdateIncidentMutation = graphql(`
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {
    updateIncident(id: $id, input: $input) {
      ...IncidentStateFields
    }
  }
`, [IncidentStateFields]);

export const ResolveIncidentMutation = graphql(`
  mutation ResolveIncident($id: ID!, $input: ResolveIncidentInput) {
    resolveIncident(id: $id, input: $input) {
      ...IncidentStateFields
    }
  }
`, [IncidentStateFields]);

export const RecordIncidentAnalysisMutation = graphql(`
  mutation RecordIncidentAnalysis($id: ID!, $input: IncidentAnalysisInput!) {
    recordIncidentAnalysis(id: $id, input: $input) {
      ...IncidentStateFields
    }
  }
`, [IncidentStateFields]);

export const ConfirmIncidentResolutionMutation = graphql(`
  mutation ConfirmIncidentResolution($id: ID!) {
    confirmIncidentResolution(id: $id) {
      ...IncidentStateFields
    }
  }
`, [IncidentStateFields]);

// ── Operating calendar and maintenance windows ────────────────────────────────

const MaintenanceWindowFields = graphql(`
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
`, [MaintenanceWindowBriefFields]);

export type MaintenanceWindow = ResultOf<typeof MaintenanceWindowFields>;
export type MaintenanceWarning = MaintenanceWindow['warnings'][number];

/** When a system may be used, and its maintenance windows from `from` on (planned, announced and cancelled). */
export const SystemMaintenanceQuery = graphql(`
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
      stopRuleIds
      openNow {
        at
        open
        code
        reason
        reasonJa
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
`, [MaintenanceWindowFields]);

export type OperatingCalendar = ResultOf<typeof SystemMaintenanceQuery>['operatingCalendar'];

export const PlanMaintenanceMutation = graphql(`
  mutation PlanMaintenance($input: PlanMaintenanceInput!) {
    planMaintenance(input: $input) {
      ...MaintenanceWindowFields
    }
  }
`, [MaintenanceWindowFields]);

export const AnnounceMaintenanceMutation = graphql(`
  mutation AnnounceMaintenance($id: ID!) {
    announceMaintenance(id: $id) {
      ...MaintenanceWindowFields
    }
  }
`, [MaintenanceWindowFields]);

export const CancelMaintenanceMutation = graphql(`
  mutation CancelMaintenance($id: ID!, $reason: String!) {
    cancelMaintenance(id: $id, reason: $reason) {
      ...MaintenanceWindowFields
    }
  }
`, [MaintenanceWindowFields]);
