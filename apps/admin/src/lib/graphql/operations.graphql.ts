import { gql, type TypedDocumentNode } from '@urql/core';
import type { Localized } from '../i18n/index.svelte.ts';
import type { ContactNetwork } from './access.graphql.ts';
import type { DateTime, ID } from './types.ts';

// ── Shapes (apps/gateway/schema.graphql: OperationsDue, Incident, MaintenanceWindow …) ──────────

/** 発生報告 → 復旧対応中 → 解消 → 解消確認済 (MNT-22-3) */
export const INCIDENT_STATUSES = ['REPORTED', 'RECOVERING', 'RESOLVED', 'CONFIRMED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** 軽微（一部機能）, 重大（業務に支障）, 緊急（全面停止） — mildest first, as the form offers them. */
export const INCIDENT_SEVERITIES = ['MINOR', 'MAJOR', 'CRITICAL'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export type IncidentNoticeKind = 'OCCURRENCE' | 'RESOLUTION';

/** report, update, escalation, resolution, analysis or confirmation */
export const INCIDENT_LOG_KINDS = ['report', 'update', 'escalation', 'resolution', 'analysis', 'confirmation'] as const;

/** closed: a stop (保守点検作業等による停止); open: the operating hours extended. */
export const MAINTENANCE_KINDS = ['CLOSED', 'OPEN'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];

export const MAINTENANCE_STATUSES = ['PLANNED', 'ANNOUNCED', 'IN_PROGRESS', 'FINISHED', 'CANCELLED'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export type RegisterDueState = 'DONE' | 'DONE_LATE' | 'DUE' | 'OVERDUE' | 'UPCOMING';

/** The keys of the operations summary lines, in the order the gateway gives them. */
export type DueKey = 'processing_plans' | 'check_sheets' | 'stale_documents' | 'findings' | 'form_ledger' | 'contract_clauses';

export interface StaffRef {
  id: ID;
  displayName: string;
}

export interface OperationsDueLine {
  key: DueKey | string;
  label: Localized;
  due: number;
  overdue: number;
  ruleIds: string[];
}

export interface ProcessingPlanDue {
  systemId: ID;
  systemName: string;
  orgUnitId: ID;
  orgUnitName: string;
  month: string;
  dueOn: string;
  state: RegisterDueState;
  stateLabel: Localized;
  message: Localized;
  ruleIds: string[];
}

export interface CheckSheetDue {
  orgUnitId: ID;
  orgUnitName: string;
  fiscalYear: number;
  quarter: number;
  quarterLabel: Localized;
  dueOn: string;
  state: RegisterDueState;
  stateLabel: Localized;
  message: Localized;
  ruleIds: string[];
}

export interface StaleDocument {
  systemId: ID;
  systemName: string;
  kind: string;
  kindLabel: Localized;
  orgUnitName: string | null;
  staleSince: DateTime | null;
  staleReason: Localized | null;
  ruleIds: string[];
  latest: { title: string; versionLabel: string };
}

export interface FindingDue {
  id: ID;
  title: string;
  systemId: ID | null;
  systemName: string | null;
  addressee: string;
  dueOn: string;
  overdue: boolean;
  status: string;
  statusLabel: Localized;
  ruleIds: string[];
}

export interface LedgerEntryPastRetention {
  id: ID;
  formName: string;
  orgUnitName: string;
  retentionEndsOn: string | null;
  message: Localized | null;
  ruleIds: string[];
}

export interface ContractClauseGap {
  systemId: ID;
  systemName: string;
  contractorName: string | null;
  missingClauses: string[];
  ruleIds: string[];
}

export interface OperationsDue {
  at: string;
  summary: OperationsDueLine[];
  processingPlans: ProcessingPlanDue[];
  checkSheets: CheckSheetDue[];
  staleDocuments: StaleDocument[];
  findings: FindingDue[];
  ledgerEntriesPastRetention: LedgerEntryPastRetention[];
  systemsMissingContractClauses: ContractClauseGap[];
}

export interface IncidentSummary {
  id: ID;
  number: string;
  title: string;
  status: IncidentStatus;
  statusLabel: Localized;
  severity: IncidentSeverity;
  severityLabel: Localized;
  residentsAffected: boolean;
  open: boolean;
  occurredAt: DateTime;
  recoveryEta: DateTime | null;
  resolvedAt: DateTime | null;
  system: { id: ID; name: string };
}

export interface IncidentLogEntry {
  seq: number;
  at: DateTime;
  kind: string;
  status: IncidentStatus | null;
  note: string | null;
  cause: string | null;
  recoveryEta: DateTime | null;
  degradedOperation: string | null;
  ruleIds: string[];
  by: StaffRef;
  onBehalfOf: StaffRef | null;
}

export interface IncidentNotice {
  kind: IncidentNoticeKind;
  kindLabel: Localized;
  orgUnitId: ID;
  sectionName: string;
  sectionFullName: string;
  recipientPositionName: string | null;
  recipients: StaffRef[];
  sentAt: DateTime | null;
  ruleIds: string[];
}

export interface IncidentDetail extends IncidentSummary {
  description: string;
  detectedAt: DateTime;
  reportedAt: DateTime;
  reportedBy: StaffRef;
  degradedOperation: string | null;
  cause: string | null;
  escalatedAt: DateTime | null;
  resolvedBy: StaffRef | null;
  analysis: string | null;
  preventiveMeasures: string | null;
  analysisRecordedAt: DateTime | null;
  confirmedAt: DateTime | null;
  confirmedBy: StaffRef | null;
  ruleIds: string[];
  contactNetworkRuleIds: string[];
  viewerMayManage: boolean;
  viewerMayConfirm: boolean;
  version: number;
  updates: IncidentLogEntry[];
  notices: IncidentNotice[];
  contactNetworks: ContactNetwork[];
}

export interface TimeInterval {
  from: DateTime;
  to: DateTime;
}

export interface MaintenanceWarning {
  /** STOP_IN_OPERATING_HOURS, NOT_ANNOUNCED, NOTICE_LATE or EXTENSION_WITHOUT_EFFECT */
  code: string;
  message: string;
  messageJa: string;
  ruleIds: string[];
  overlaps: TimeInterval[];
}

export interface MaintenanceWindowBrief {
  id: ID;
  kind: MaintenanceKind;
  status: MaintenanceStatus;
  from: DateTime;
  to: DateTime;
  reason: string;
  reasonEn: string | null;
  ruleIds: string[];
}

export interface MaintenanceWindow extends MaintenanceWindowBrief {
  version: number;
  plannedAt: DateTime;
  plannedBy: StaffRef;
  announcedAt: DateTime | null;
  announcedBy: StaffRef | null;
  cancelledAt: DateTime | null;
  cancelReason: string | null;
  warnings: MaintenanceWarning[];
}

export interface OperatingState {
  at: DateTime;
  open: boolean;
  /** CLOSED_DAY, OUTSIDE_OPERATING_HOURS or MAINTENANCE when closed. */
  code: string | null;
  reason: string | null;
  reasonJa: string | null;
  ruleIds: string[];
}

export interface OperatingCalendar {
  timeZone: string;
  weekly: { weekday: number; label: Localized; hours: { start: string; end: string }[] }[];
  closedPeriods: { from: string; to: string }[];
  closedOnNationalHolidays: boolean;
  ruleIds: string[];
  stopRuleIds: string[];
  openNow: OperatingState;
  viewerMayPlan: boolean;
  upcoming: MaintenanceWindowBrief[];
}

export interface SectionLicences {
  orgUnitId: ID;
  orgUnitName: string;
  count: number;
}

export interface SystemLicenceUse {
  systemId: ID;
  systemName: string;
  purchasedTotal: number;
  allocatedTotal: number;
  free: number;
  ruleIds: string[];
  sections: SectionLicences[];
}

export interface UpcomingMeeting {
  id: ID;
  title: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  mode: string;
  status: string;
}

export interface SystemUnderMaintenance {
  system: { id: ID; name: string };
  window: MaintenanceWindowBrief;
}

export interface IncidentFilter {
  openOnly?: boolean | null;
  systemId?: ID | null;
  limit?: number | null;
}

export interface ReportIncidentInput {
  systemId: ID;
  title: string;
  description: string;
  occurredAt: DateTime;
  detectedAt: DateTime | null;
  severity: IncidentSeverity;
  residentsAffected: boolean;
  degradedOperation: string | null;
  recoveryEta: DateTime | null;
  cause: string | null;
}

export interface UpdateIncidentInput {
  recoveryEta: DateTime | null;
  cause: string | null;
  degradedOperation: string | null;
  note: string | null;
  /** Only RECOVERING (the resolution is recorded with resolveIncident). */
  status: 'RECOVERING' | null;
}

export interface PlanMaintenanceInput {
  systemId: ID;
  kind: MaintenanceKind;
  from: DateTime;
  to: DateTime;
  reason: string;
  reasonEn: string | null;
}

// ── Fragments ─────────────────────────────────────────────────────────────────

const INCIDENT_SUMMARY_FIELDS = gql`
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
`;

const WINDOW_BRIEF_FIELDS = gql`
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
`;

// ── Dashboard ─────────────────────────────────────────────────────────────────

export interface DashboardData {
  operationsDue: OperationsDue;
  openIncidents: IncidentSummary[];
  systemsUnderMaintenance: SystemUnderMaintenance[];
  licenceUse: SystemLicenceUse[];
  meetings: UpcomingMeeting[];
}

/** Everything the dashboard shows, in one request (the upcoming stops come separately). */
export const DashboardQuery = gql<DashboardData, { meetings: number }>`
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
  ${INCIDENT_SUMMARY_FIELDS}
  ${WINDOW_BRIEF_FIELDS}
`;

/**
 * The windows of many systems meeting [from, to), one aliased `maintenanceWindows` field per system
 * (`s0`, `s1` …): the schema has no query across systems. Built per call, as the list of systems is.
 */
export function windowsOfSystemsQuery(
  systemIds: readonly ID[],
): TypedDocumentNode<Record<string, MaintenanceWindowBrief[]>, Record<string, string>> {
  const variables = systemIds.map((_, index) => `$s${index}: ID!`).join(', ');
  const fields = systemIds
    .map((_, index) => `s${index}: maintenanceWindows(systemId: $s${index}, from: $from, to: $to) { ...MaintenanceWindowBriefFields }`)
    .join('\n');
  return gql`
    query WindowsOfSystems($from: DateTimeISO, $to: DateTimeISO, ${variables}) {
      ${fields}
    }
    ${WINDOW_BRIEF_FIELDS}
  `;
}

// ── Incidents ─────────────────────────────────────────────────────────────────

export const IncidentsQuery = gql<{ incidents: IncidentSummary[] }, { filter: IncidentFilter }>`
  query Incidents($filter: IncidentFilter) {
    incidents(filter: $filter) {
      ...IncidentSummaryFields
    }
  }
  ${INCIDENT_SUMMARY_FIELDS}
`;

/** An incident with its log, its notices to the using sections and the contact networks the viewer may see. */
export const IncidentQuery = gql<{ incident: IncidentDetail | null }, { id: ID }>`
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
        id
        name
        missingDecider
        missingInformer
        ruleIds
        members {
          duty
          canDecide
          canInform
          phone
          staff {
            id
            displayName
          }
          contractorPerson {
            id
            name
          }
        }
      }
    }
  }
  ${INCIDENT_SUMMARY_FIELDS}
`;

// Each mutation answers the incident; the page reloads its data afterwards, so only the id and status are asked.
type IncidentAck = { id: ID; status: IncidentStatus };

export const ReportIncidentMutation = gql<{ reportIncident: IncidentAck }, { input: ReportIncidentInput }>`
  mutation ReportIncident($input: ReportIncidentInput!) {
    reportIncident(input: $input) {
      id
      status
    }
  }
`;

export const UpdateIncidentMutation = gql<{ updateIncident: IncidentAck }, { id: ID; input: UpdateIncidentInput }>`
  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {
    updateIncident(id: $id, input: $input) {
      id
      status
    }
  }
`;

export const ResolveIncidentMutation = gql<
  { resolveIncident: IncidentAck },
  { id: ID; input: { resolvedAt: DateTime | null; cause: string | null } }
>`
  mutation ResolveIncident($id: ID!, $input: ResolveIncidentInput) {
    resolveIncident(id: $id, input: $input) {
      id
      status
    }
  }
`;

export const RecordIncidentAnalysisMutation = gql<
  { recordIncidentAnalysis: IncidentAck },
  { id: ID; input: { analysis: string; preventiveMeasures: string } }
>`
  mutation RecordIncidentAnalysis($id: ID!, $input: IncidentAnalysisInput!) {
    recordIncidentAnalysis(id: $id, input: $input) {
      id
      status
    }
  }
`;

export const ConfirmIncidentResolutionMutation = gql<{ confirmIncidentResolution: IncidentAck }, { id: ID }>`
  mutation ConfirmIncidentResolution($id: ID!) {
    confirmIncidentResolution(id: $id) {
      id
      status
    }
  }
`;

// ── Operating calendar and maintenance windows ────────────────────────────────

const WINDOW_FIELDS = gql`
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
      message
      messageJa
      ruleIds
      overlaps {
        from
        to
      }
    }
  }
  ${WINDOW_BRIEF_FIELDS}
`;

/** When a system may be used, and its maintenance windows from `from` on (planned, announced and cancelled). */
export const SystemMaintenanceQuery = gql<
  { operatingCalendar: OperatingCalendar; maintenanceWindows: MaintenanceWindow[] },
  { systemId: ID; from: DateTime }
>`
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
  ${WINDOW_FIELDS}
`;

export const PlanMaintenanceMutation = gql<{ planMaintenance: MaintenanceWindow }, { input: PlanMaintenanceInput }>`
  mutation PlanMaintenance($input: PlanMaintenanceInput!) {
    planMaintenance(input: $input) {
      ...MaintenanceWindowFields
    }
  }
  ${WINDOW_FIELDS}
`;

export const AnnounceMaintenanceMutation = gql<{ announceMaintenance: MaintenanceWindow }, { id: ID }>`
  mutation AnnounceMaintenance($id: ID!) {
    announceMaintenance(id: $id) {
      ...MaintenanceWindowFields
    }
  }
  ${WINDOW_FIELDS}
`;

export const CancelMaintenanceMutation = gql<{ cancelMaintenance: MaintenanceWindow }, { id: ID; reason: string }>`
  mutation CancelMaintenance($id: ID!, $reason: String!) {
    cancelMaintenance(id: $id, reason: $reason) {
      ...MaintenanceWindowFields
    }
  }
  ${WINDOW_FIELDS}
`;
