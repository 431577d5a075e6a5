import { graphql, type EnumOf, type ResultOf } from './graphql.ts';
import { MeetingSummaryFields } from './committees.graphql.ts';
import { IncidentSummaryFields } from './incidents.graphql.ts';
import { MaintenanceWindowBriefFields } from './maintenance.graphql.ts';

export type RegisterDueState = EnumOf<'RegisterDueState'>;

// ── Dashboard ─────────────────────────────────────────────────────────────────

/** Everything the dashboard shows, in one request (the upcoming stops come separately). */
export const DashboardQuery = graphql(
  `
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
        dutyRecords {
          key
          label {
            ja
            en
          }
          due
          overdue
          ruleIds
        }
        dutiesDue {
          key
          title {
            ja
            en
          }
          orgUnitId
          orgUnitName
          nextDueOn
          state
          cadence {
            months
            source {
              ja
              en
            }
          }
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
        ...MeetingSummaryFields
      }
    }
  `,
  [IncidentSummaryFields, MaintenanceWindowBriefFields, MeetingSummaryFields],
);

type Dashboard = ResultOf<typeof DashboardQuery>;
export type OperationsDue = Dashboard['operationsDue'];
export type OperationsDueLine = OperationsDue['summary'][number];
export type DutyDue = OperationsDue['dutiesDue'][number];
export type SystemLicenceUse = Dashboard['licenceUse'][number];
