import { gql } from '@urql/core';
import type { Localized } from '../i18n/index.svelte.ts';
import type { DateTime, ID } from './types.ts';

// ── Shapes (apps/gateway/schema.graphql: RequestKindType, RequestType, RouteStep …) ──────────

/** text, textarea, date, datetime, number, boolean, select, staff, staffList, system, asset, assetList, orgUnit, position, dataItems, userChanges */
export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'number'
  | 'boolean'
  | 'select'
  | 'staff'
  | 'staffList'
  | 'system'
  | 'asset'
  | 'assetList'
  | 'orgUnit'
  | 'position'
  | 'dataItems'
  | 'userChanges';

export interface RequestFormField {
  key: string;
  type: FormFieldType | string;
  label: Localized;
  required: boolean;
  help: Localized | null;
  options: { value: string; label: Localized }[] | null;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  ruleIds: string[];
}

export interface RequestKind {
  key: string;
  name: Localized;
  paperForm: string | null;
  rulebookIds: string[];
  ruleIds: string[];
  fields: RequestFormField[];
}

/** approve, consent, perform, confirm, inform */
export type StepKind = 'approve' | 'consent' | 'perform' | 'confirm' | 'inform';
export const STEP_KINDS: readonly StepKind[] = ['approve', 'consent', 'perform', 'confirm', 'inform'];

export type StepDecision =
  | 'APPROVED'
  | 'CONFIRMED'
  | 'CONSENTED'
  | 'INFORMED'
  | 'PERFORMED'
  | 'REJECTED'
  | 'RETURNED';

/** The decisions a step of each kind takes (the gateway refuses any other). */
export const DECISIONS_BY_KIND: Record<StepKind, StepDecision[]> = {
  approve: ['APPROVED', 'REJECTED', 'RETURNED'],
  consent: ['CONSENTED', 'REJECTED', 'RETURNED'],
  perform: ['PERFORMED', 'RETURNED'],
  confirm: ['CONFIRMED', 'RETURNED'],
  inform: [],
};

export interface StepActor {
  type: string;
  id: ID;
  name: string;
}

export interface RouteStep {
  id: ID | null;
  key: string;
  kind: StepKind | string;
  stage: number;
  label: Localized;
  ruleIds: string[];
  actors: StepActor[];
  /** waiting, open, done (preview: planned) */
  status: string;
  decision: StepDecision | null;
  decidedByName: string | null;
  onBehalfOfName: string | null;
  decidedAt: DateTime | null;
  comment: string | null;
  record: Record<string, unknown> | null;
}

export interface RouteNote {
  message: Localized;
  ruleIds: string[];
}

export interface PreviewError {
  path: string[];
  code: string;
  message: string;
  messageJa: string;
  ruleIds: string[];
}

export interface RoutePreview {
  acceptable: boolean;
  dueOn: string | null;
  steps: Omit<RouteStep, 'decision' | 'decidedByName' | 'onBehalfOfName' | 'decidedAt' | 'comment' | 'record'>[];
  notes: RouteNote[];
  errors: PreviewError[];
}

/** in_progress, returned, approved, rejected, withdrawn */
export const REQUEST_STATUSES = ['in_progress', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface RequestSummary {
  id: ID;
  number: string;
  kindKey: string;
  kindName: Localized;
  status: RequestStatus | string;
  filedAt: DateTime;
  decidedAt: DateTime | null;
  dueOn: string | null;
  requester: { id: ID; displayName: string };
  system: { id: ID; name: string } | null;
}

export interface RequestDetail extends RequestSummary {
  rulebookId: string;
  content: Record<string, unknown>;
  notes: RouteNote[];
  ruleIds: string[];
  round: number;
  version: number;
  onBehalfOf: { id: ID; displayName: string } | null;
  steps: RouteStep[];
}

export interface InboxItem {
  step: { id: ID; key: string; kind: string; label: Localized; ruleIds: string[]; actors: { name: string }[] };
  request: RequestSummary;
}

export interface RequestSystemOption {
  id: ID;
  name: string;
  rulebook: { id: string } | null;
}

export interface RequestInput {
  kindKey: string;
  systemId: ID | null;
  content: Record<string, unknown>;
}

export interface DecideStepInput {
  stepId: ID;
  decision: StepDecision;
  comment: string | null;
  record: Record<string, unknown> | null;
  idempotencyKey: string;
}

// ── Fragments ─────────────────────────────────────────────────────────────────

const KIND_FIELDS = gql`
  fragment RequestKindFields on RequestKindType {
    key
    name {
      ja
      en
    }
    paperForm
    rulebookIds
    ruleIds
    fields {
      key
      type
      label {
        ja
        en
      }
      required
      help {
        ja
        en
      }
      options {
        value
        label {
          ja
          en
        }
      }
      maxLength
      min
      max
      ruleIds
    }
  }
`;

const SUMMARY_FIELDS = gql`
  fragment RequestSummaryFields on RequestType {
    id
    number
    kindKey
    kindName {
      ja
      en
    }
    status
    filedAt
    decidedAt
    dueOn
    requester {
      id
      displayName
    }
    system {
      id
      name
    }
  }
`;

const DETAIL_FIELDS = gql`
  fragment RequestDetailFields on RequestType {
    ...RequestSummaryFields
    rulebookId
    content
    ruleIds
    round
    version
    notes {
      message {
        ja
        en
      }
      ruleIds
    }
    onBehalfOf {
      id
      displayName
    }
    steps {
      id
      key
      kind
      stage
      label {
        ja
        en
      }
      ruleIds
      actors {
        type
        id
        name
      }
      status
      decision
      decidedByName
      onBehalfOfName
      decidedAt
      comment
      record
    }
  }
  ${SUMMARY_FIELDS}
`;

// ── Queries ───────────────────────────────────────────────────────────────────

/** Everything the new-request screen offers: the kinds, the rulebooks and the systems. */
export const NewRequestQuery = gql<
  {
    requestKinds: RequestKind[];
    rulebooks: { id: string; title: string; titleEn: string }[];
    systems: { edges: { node: RequestSystemOption }[] };
  },
  Record<string, never>
>`
  query NewRequest {
    requestKinds {
      ...RequestKindFields
    }
    rulebooks {
      id
      title
      titleEn
    }
    systems(first: 200, sort: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          rulebook {
            id
          }
        }
      }
    }
  }
  ${KIND_FIELDS}
`;

/** The kinds of one rulebook: a request's form as the rulebook governing it defines it. */
export const RequestKindsQuery = gql<{ requestKinds: RequestKind[] }, { rulebookId: string | null }>`
  query RequestKinds($rulebookId: String) {
    requestKinds(rulebookId: $rulebookId) {
      ...RequestKindFields
    }
  }
  ${KIND_FIELDS}
`;

export const PreviewRouteQuery = gql<{ previewRoute: RoutePreview }, { input: RequestInput }>`
  query PreviewRoute($input: RequestInput!) {
    previewRoute(input: $input) {
      acceptable
      dueOn
      steps {
        id
        key
        kind
        stage
        status
        label {
          ja
          en
        }
        ruleIds
        actors {
          type
          id
          name
        }
      }
      notes {
        message {
          ja
          en
        }
        ruleIds
      }
      errors {
        path
        code
        message
        messageJa
        ruleIds
      }
    }
  }
`;

export const RequestQuery = gql<{ request: RequestDetail | null }, { id: ID }>`
  query Request($id: ID!) {
    request(id: $id) {
      ...RequestDetailFields
    }
  }
  ${DETAIL_FIELDS}
`;

export const InboxQuery = gql<
  { inbox: { awaitingMe: InboxItem[]; filedByMe: RequestSummary[] } },
  { first: number }
>`
  query Inbox($first: Int) {
    inbox(first: $first) {
      awaitingMe {
        step {
          id
          key
          kind
          label {
            ja
            en
          }
          ruleIds
          actors {
            name
          }
        }
        request {
          ...RequestSummaryFields
        }
      }
      filedByMe {
        ...RequestSummaryFields
      }
    }
  }
  ${SUMMARY_FIELDS}
`;

/** Only the ids of the steps awaiting the viewer: the nav badge and the decision panel. */
export const InboxStepsQuery = gql<
  { inbox: { awaitingMe: { step: { id: ID } }[] } },
  { first: number }
>`
  query InboxSteps($first: Int) {
    inbox(first: $first) {
      awaitingMe {
        step {
          id
        }
      }
    }
  }
`;

export const RequestsQuery = gql<
  { requests: RequestSummary[] },
  { status: string | null; kindKey: string | null; first: number }
>`
  query Requests($status: String, $kindKey: String, $first: Int) {
    requests(status: $status, kindKey: $kindKey, first: $first) {
      ...RequestSummaryFields
    }
  }
  ${SUMMARY_FIELDS}
`;

// ── Mutations ─────────────────────────────────────────────────────────────────

export const SubmitRequestMutation = gql<
  { submitRequest: { id: ID; number: string; status: string } },
  { input: RequestInput; idempotencyKey: string }
>`
  mutation SubmitRequest($input: RequestInput!, $idempotencyKey: String) {
    submitRequest(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
      status
    }
  }
`;

export const ResubmitRequestMutation = gql<
  { resubmitRequest: { id: ID; status: string; round: number } },
  { id: ID; content: Record<string, unknown> }
>`
  mutation ResubmitRequest($id: ID!, $content: JSONObject!) {
    resubmitRequest(id: $id, content: $content) {
      id
      status
      round
    }
  }
`;

export const WithdrawRequestMutation = gql<{ withdrawRequest: { id: ID; status: string } }, { id: ID }>`
  mutation WithdrawRequest($id: ID!) {
    withdrawRequest(id: $id) {
      id
      status
    }
  }
`;

export const DecideStepMutation = gql<{ decideStep: { id: ID; status: string } }, { input: DecideStepInput }>`
  mutation DecideStep($input: DecideStepInput!) {
    decideStep(input: $input) {
      id
      status
    }
  }
`;

/** The data items of one information asset (the dataItems field of a data-use consultation). */
export const AssetDataItemsQuery = gql<
  {
    informationAsset: {
      id: ID;
      name: string;
      dataItems: { id: ID; name: string; basicResidentItem: number | null; personal: boolean }[] | null;
    } | null;
  },
  { id: ID }
>`
  query AssetDataItems($id: ID!) {
    informationAsset(id: $id) {
      id
      name
      dataItems {
        id
        name
        basicResidentItem
        personal
      }
    }
  }
`;
