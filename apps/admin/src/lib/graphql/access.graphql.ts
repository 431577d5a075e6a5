import { enumValues, graphql, type EnumOf, type ResultOf } from './graphql.ts';
import { OrgUnitRefFields, PageInfoFields } from './org-units.graphql.ts';

// ── Accounts ──────────────────────────────────────────────────────────────────

export type AccountStatus = EnumOf<'AccountStatus'>;

export const AccountFields = graphql(
  `
    fragment AccountFields on Account {
      id
      authorityProfile
      status
      validFrom
      validTo
      suspendedAt
      suspensionReason
      endedAt
      endReason
      ruleIds
      version
      staff {
        id
        displayName
        employeeNumber
      }
      dutyPosition {
        id
        name
        orgUnit {
          ...OrgUnitRefFields
        }
      }
      system {
        id
        name
      }
    }
  `,
  [OrgUnitRefFields],
);

export type Account = ResultOf<typeof AccountFields>;

/** An emergency contact network as the system and incident pages show it. */
export const ContactNetworkFields = graphql(`
  fragment ContactNetworkFields on ContactNetwork {
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
`);

export type ContactNetwork = ResultOf<typeof ContactNetworkFields>;

/** The protected half of a system's page: security notes, contact networks and accounts. */
export const SystemAccessQuery = graphql(
  `
    query SystemAccess($id: ID!, $first: Int) {
      system(id: $id) {
        id
        name
        networkDescription
        vulnerabilityNotes
        viewerCanAdministerAccounts
        contactNetworks {
          ...ContactNetworkFields
        }
      }
      accounts(systemId: $id, first: $first) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...AccountFields
          }
        }
      }
    }
  `,
  [ContactNetworkFields, AccountFields, PageInfoFields],
);

export const CreateAccountMutation = graphql(
  `
    mutation CreateAccount($input: CreateAccountInput!) {
      createAccount(input: $input) {
        ...AccountFields
      }
    }
  `,
  [AccountFields],
);

export const SuspendAccountMutation = graphql(
  `
    mutation SuspendAccount($id: ID!, $version: Int!, $reason: String!, $ground: SuspensionGround) {
      suspendAccount(id: $id, version: $version, reason: $reason, ground: $ground) {
        ...AccountFields
      }
    }
  `,
  [AccountFields],
);

export const ReinstateAccountMutation = graphql(
  `
    mutation ReinstateAccount($id: ID!, $version: Int!) {
      reinstateAccount(id: $id, version: $version) {
        ...AccountFields
      }
    }
  `,
  [AccountFields],
);

export const EndAccountMutation = graphql(
  `
    mutation EndAccount($id: ID!, $version: Int!, $reason: String!) {
      endAccount(id: $id, version: $version, reason: $reason) {
        ...AccountFields
      }
    }
  `,
  [AccountFields],
);

// ── Access decision ───────────────────────────────────────────────────────────

export const AccessDecisionQuery = graphql(`
  query AccessDecision($staffId: ID!, $systemId: ID!, $at: DateTimeISO) {
    accessDecision(staffId: $staffId, systemId: $systemId, at: $at) {
      allowed
      authority
      purpose
      accountId
      at
      reasons {
        code
        message {
          ja
          en
        }
        ruleIds
      }
      ruleIds
    }
  }
`);

export const SystemOptionsQuery = graphql(`
  query SystemOptions {
    systems(first: 200, sort: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export type SystemOption = ResultOf<typeof SystemOptionsQuery>['systems']['edges'][number]['node'];

// ── Field access explainer ────────────────────────────────────────────────────

export const ExplainFieldAccessQuery = graphql(`
  query ExplainFieldAccess($staffId: ID!, $assetId: ID!, $field: String!, $subjectStaffId: ID, $systemId: ID, $at: DateTimeISO) {
    explainFieldAccess(staffId: $staffId, assetId: $assetId, field: $field, subjectStaffId: $subjectStaffId, systemId: $systemId, at: $at) {
      allowed
      reason
      message {
        ja
        en
      }
      ruleIds
      checks {
        kind
        passed
        message {
          ja
          en
        }
        ruleIds
      }
    }
  }
`);

/** An information asset as the pickers offer it. */
export const AssetOptionFields = graphql(`
  fragment AssetOptionFields on InformationAsset {
    id
    name
    kind
    classification {
      confidentiality
    }
  }
`);

export type AssetOption = ResultOf<typeof AssetOptionFields>;

export const AssetOptionsQuery = graphql(
  `
    query AssetOptions {
      informationAssets(first: 200) {
        edges {
          node {
            ...AssetOptionFields
          }
        }
      }
    }
  `,
  [AssetOptionFields],
);

// ── Grants ────────────────────────────────────────────────────────────────────

export type GrantState = EnumOf<'GrantState'>;
export const GRANT_STATES = enumValues<'GrantState'>()([
  'PENDING_APPROVAL',
  'PARTLY_APPROVED',
  'NOT_YET_VALID',
  'ACTIVE',
  'SUSPENDED',
  'DUTY_ENDED',
  'EXPIRED',
  'REVOKED',
]);

const GrantFields = graphql(`
  fragment GrantFields on Grant {
    id
    assetId
    granteeId
    positionId
    state
    stateChangedAt
    stateChangedBy {
      id
      displayName
    }
    stateChangedOnBehalfOf {
      id
      displayName
    }
    ownerPositionIds
    approvedPositionIds
    approvals {
      ownerPositionId
      approvedAt
      approvedBy {
        id
        displayName
      }
      onBehalfOf {
        id
        displayName
      }
    }
    history {
      kind
      at
      by {
        id
        displayName
      }
      onBehalfOf {
        id
        displayName
      }
      ownerPosition {
        id
        name
      }
    }
    purpose
    validFrom
    validTo
    fields
    suspendedAt
    revokedAt
    requestedAt
    requestedBy {
      id
      displayName
    }
    grantee {
      id
      displayName
    }
    asset {
      id
      name
    }
    owners {
      id
      name
    }
    viewerCanApprove
  }
`);

export type Grant = ResultOf<typeof GrantFields>;

export const GrantsPageQuery = graphql(
  `
    query GrantsPage {
      grants {
        ...GrantFields
      }
      informationAssets(first: 200) {
        edges {
          node {
            ...AssetOptionFields
          }
        }
      }
      positions {
        id
        name
        orgUnit {
          ...OrgUnitRefFields
        }
      }
    }
  `,
  [GrantFields, AssetOptionFields, OrgUnitRefFields],
);

export const RequestGrantMutation = graphql(
  `
    mutation RequestGrant($input: RequestGrantInput!) {
      requestGrant(input: $input) {
        ...GrantFields
      }
    }
  `,
  [GrantFields],
);

export const ApproveGrantMutation = graphql(
  `
    mutation ApproveGrant($id: ID!) {
      approveGrant(id: $id) {
        ...GrantFields
      }
    }
  `,
  [GrantFields],
);

export const SuspendGrantMutation = graphql(
  `
    mutation SuspendGrant($id: ID!) {
      suspendGrant(id: $id) {
        ...GrantFields
      }
    }
  `,
  [GrantFields],
);

export const ReinstateGrantMutation = graphql(
  `
    mutation ReinstateGrant($id: ID!) {
      reinstateGrant(id: $id) {
        ...GrantFields
      }
    }
  `,
  [GrantFields],
);

export const RevokeGrantMutation = graphql(
  `
    mutation RevokeGrant($id: ID!) {
      revokeGrant(id: $id) {
        ...GrantFields
      }
    }
  `,
  [GrantFields],
);
