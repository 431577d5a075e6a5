import { ContactNetworkFields } from './access.graphql.ts';
import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';
import { PaperFormFileFields } from './requests.graphql.ts';

/** 軽微（一部機能）, 重大（業務に支障）, 緊急（全面停止） — mildest first, as the form offers them. */
export type IncidentSeverity = EnumOf<'IncidentSeverity'>;
export const INCIDENT_SEVERITIES = enumValues<'IncidentSeverity'>()(['MINOR', 'MAJOR', 'CRITICAL']);

export type IncidentNoticeKind = EnumOf<'IncidentNoticeKind'>;

// ── Fragments ─────────────────────────────────────────────────────────────────

export const IncidentSummaryFields = graphql(`
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

// ── Incidents ─────────────────────────────────────────────────────────────────

export const IncidentsQuery = graphql(
  `
    query Incidents($filter: IncidentFilter) {
      incidents(filter: $filter) {
        ...IncidentSummaryFields
      }
    }
  `,
  [IncidentSummaryFields],
);

/** An incident with its log, its notices to the using sections and the contact networks the viewer may see. */
export const IncidentQuery = graphql(
  `
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
        paperForms {
          number
          formNumber
          title
          article
        }
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
  `,
  [IncidentSummaryFields, ContactNetworkFields],
);

/** The form the rulebook prescribes for the record (第8号様式), filled from it, as a PDF. */
export const IncidentFormFileQuery = graphql(
  `
    query IncidentFormFile($id: ID!, $number: Int!) {
      incident(id: $id) {
        id
        paperFormFile(number: $number) {
          ...PaperFormFileFields
        }
      }
    }
  `,
  [PaperFormFileFields],
);

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

export const ReportIncidentMutation = graphql(
  `
    mutation ReportIncident($input: ReportIncidentInput!) {
      reportIncident(input: $input) {
        ...IncidentStateFields
      }
    }
  `,
  [IncidentStateFields],
);

export const UpdateIncidentMutation = graphql(
  `
    mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {
      updateIncident(id: $id, input: $input) {
        ...IncidentStateFields
      }
    }
  `,
  [IncidentStateFields],
);

export const ResolveIncidentMutation = graphql(
  `
    mutation ResolveIncident($id: ID!, $input: ResolveIncidentInput) {
      resolveIncident(id: $id, input: $input) {
        ...IncidentStateFields
      }
    }
  `,
  [IncidentStateFields],
);

export const RecordIncidentAnalysisMutation = graphql(
  `
    mutation RecordIncidentAnalysis($id: ID!, $input: IncidentAnalysisInput!) {
      recordIncidentAnalysis(id: $id, input: $input) {
        ...IncidentStateFields
      }
    }
  `,
  [IncidentStateFields],
);

export const ConfirmIncidentResolutionMutation = graphql(
  `
    mutation ConfirmIncidentResolution($id: ID!) {
      confirmIncidentResolution(id: $id) {
        ...IncidentStateFields
      }
    }
  `,
  [IncidentStateFields],
);
