import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';

export type StepKind = EnumOf<'StepKind'>;
export const STEP_KINDS = enumValues<'StepKind'>()(['APPROVE', 'CONSENT', 'PERFORM', 'CONFIRM', 'INFORM']);

export type StepDecision = EnumOf<'StepDecision'>;

/** The decisions a step of each kind takes (the gateway refuses any other). */
export const DECISIONS_BY_KIND: Record<StepKind, StepDecision[]> = {
  APPROVE: ['APPROVED', 'REJECTED', 'RETURNED'],
  CONSENT: ['CONSENTED', 'REJECTED', 'RETURNED'],
  PERFORM: ['PERFORMED', 'RETURNED'],
  CONFIRM: ['CONFIRMED', 'RETURNED'],
  INFORM: [],
};

export type RequestStatus = EnumOf<'RequestStatus'>;
export const REQUEST_STATUSES = enumValues<'RequestStatus'>()(['IN_PROGRESS', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN']);

// ── Fragments ─────────────────────────────────────────────────────────────────

const RequestKindFields = graphql(`
  fragment RequestKindFields on RequestKind {
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
`);

export type RequestKind = ResultOf<typeof RequestKindFields>;
export type RequestFormField = RequestKind['fields'][number];

const RequestSummaryFields = graphql(`
  fragment RequestSummaryFields on Request {
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
`);

const RequestDetailFields = graphql(
  `
    fragment RequestDetailFields on Request {
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
      paperForms {
        number
        formNumber
        title
        article
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
        committee {
          id
          key
          name {
            ja
            en
          }
        }
        meetingId
      }
    }
  `,
  [RequestSummaryFields],
);

export type RouteStep = ResultOf<typeof RequestDetailFields>['steps'][number];

// ── Queries ───────────────────────────────────────────────────────────────────

/** Everything the new-request screen offers: the kinds, the rulebooks and the systems. */
export const NewRequestQuery = graphql(
  `
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
  `,
  [RequestKindFields],
);

export type RequestSystemOption = ResultOf<typeof NewRequestQuery>['systems']['edges'][number]['node'];

/** The kinds of one rulebook: a request's form as the rulebook governing it defines it. */
export const RequestKindsQuery = graphql(
  `
    query RequestKinds($rulebookId: String) {
      requestKinds(rulebookId: $rulebookId) {
        ...RequestKindFields
      }
    }
  `,
  [RequestKindFields],
);

export const PreviewRouteQuery = graphql(`
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
        message {
          ja
          en
        }
        ruleIds
      }
    }
  }
`);

export type RoutePreview = ResultOf<typeof PreviewRouteQuery>['previewRoute'];

export const RequestQuery = graphql(
  `
    query Request($id: ID!) {
      request(id: $id) {
        ...RequestDetailFields
      }
    }
  `,
  [RequestDetailFields],
);

/** A filled form (様式) as a file: a request's or a record's. */
export const PaperFormFileFields = graphql(`
  fragment PaperFormFileFields on PaperFormFile {
    fileName
    mimeType
    base64
  }
`);
export type PaperFormFile = ResultOf<typeof PaperFormFileFields>;

/** A form the rulebook prescribes (様式), filled from the request, as a PDF. */
export const RequestFormFileQuery = graphql(
  `
    query RequestFormFile($id: ID!, $number: Int!) {
      request(id: $id) {
        id
        paperFormFile(number: $number) {
          ...PaperFormFileFields
        }
      }
    }
  `,
  [PaperFormFileFields],
);

export const InboxQuery = graphql(
  `
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
  `,
  [RequestSummaryFields],
);

/** Only the ids of the steps awaiting the viewer: the nav badge and the decision panel. */
export const InboxStepsQuery = graphql(`
  query InboxSteps($first: Int) {
    inbox(first: $first) {
      awaitingMe {
        step {
          id
        }
      }
    }
  }
`);

export const RequestsQuery = graphql(
  `
    query Requests($status: RequestStatus, $kindKey: String, $first: Int, $after: String) {
      requests(status: $status, kindKey: $kindKey, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RequestSummaryFields
          }
        }
      }
    }
  `,
  [RequestSummaryFields],
);

// ── Mutations ─────────────────────────────────────────────────────────────────

/** What a mutation of a request answers: its id and status (the page reloads its data afterwards). */
const RequestStateFields = graphql(`
  fragment RequestStateFields on Request {
    id
    status
  }
`);

export const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($input: RequestInput!, $idempotencyKey: String) {
    submitRequest(input: $input, idempotencyKey: $idempotencyKey) {
      id
      number
      status
    }
  }
`);

export const ResubmitRequestMutation = graphql(
  `
    mutation ResubmitRequest($id: ID!, $content: JSONObject!) {
      resubmitRequest(id: $id, content: $content) {
        ...RequestStateFields
        round
      }
    }
  `,
  [RequestStateFields],
);

export const WithdrawRequestMutation = graphql(
  `
    mutation WithdrawRequest($id: ID!) {
      withdrawRequest(id: $id) {
        ...RequestStateFields
      }
    }
  `,
  [RequestStateFields],
);

export const DecideStepMutation = graphql(
  `
    mutation DecideStep($input: DecideStepInput!) {
      decideStep(input: $input) {
        ...RequestStateFields
      }
    }
  `,
  [RequestStateFields],
);

/** The data items of one information asset (the dataItems field of a data-use consultation). */
export const AssetDataItemsQuery = graphql(`
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
`);

export type DataItem = NonNullable<NonNullable<ResultOf<typeof AssetDataItemsQuery>['informationAsset']>['dataItems']>[number];
