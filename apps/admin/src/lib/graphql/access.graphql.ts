import { gql } from '@urql/core';
import type { DateTime, ID, PositionRef } from './types.ts';

// ── Accounts ──────────────────────────────────────────────────────────────────

export const ACCOUNT_STATUSES = [
  'ACTIVE',
  'SUSPENDED',
  'ENDED',
  'EXPIRED',
  'NOT_YET_VALID',
  'DUTY_ENDED',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface Account {
  id: ID;
  authorityProfile: string;
  status: AccountStatus;
  validFrom: DateTime;
  validTo: DateTime | null;
  suspendedAt: DateTime | null;
  suspensionReason: string | null;
  endedAt: DateTime | null;
  endReason: string | null;
  ruleIds: string[];
  version: number;
  staff: { id: ID; displayName: string; employeeNumber: string };
  dutyPosition: PositionRef | null;
  system: { id: ID; name: string };
}

export const ACCOUNT_FIELDS = gql`
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
        id
        name
        nameEn
        path
      }
    }
    system {
      id
      name
    }
  }
`;

export interface ContactNetworkMember {
  duty: string;
  canDecide: boolean;
  canInform: boolean;
  phone: string | null;
  staff: { id: ID; displayName: string } | null;
  contractorPerson: { id: ID; name: string } | null;
}

export interface ContactNetwork {
  id: ID;
  name: string;
  missingDecider: boolean;
  missingInformer: boolean;
  ruleIds: string[];
  members: ContactNetworkMember[];
}

export interface SystemAccessData {
  system: {
    id: ID;
    name: string;
    /** Protected (システムのセキュリティ情報). */
    networkDescription: string | null;
    /** Protected (システムのセキュリティ情報). */
    vulnerabilityNotes: string | null;
    contactNetworks: ContactNetwork[];
    /** Whether the viewer administers this system's accounts (the gateway decides anyway). */
    viewerCanAdministerAccounts: boolean;
  } | null;
  accounts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Account }[];
  };
}

/** The protected half of a system's page: security notes, contact networks and accounts. */
export const SystemAccessQuery = gql<SystemAccessData, { id: ID; first: number }>`
  query SystemAccess($id: ID!, $first: Int) {
    system(id: $id) {
      id
      name
      networkDescription
      vulnerabilityNotes
      viewerCanAdministerAccounts
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
    accounts(systemId: $id, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AccountFields
        }
      }
    }
  }
  ${ACCOUNT_FIELDS}
`;

export interface CreateAccountInput {
  staffId: ID;
  systemId: ID;
  authorityProfile: string;
  dutyPositionId?: ID | null;
  validFrom?: DateTime | null;
  validTo?: DateTime | null;
}

export const CreateAccountMutation = gql<{ createAccount: Account }, { input: CreateAccountInput }>`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const SuspendAccountMutation = gql<
  { suspendAccount: Account },
  { id: ID; version: number; reason: string }
>`
  mutation SuspendAccount($id: ID!, $version: Int!, $reason: String!) {
    suspendAccount(id: $id, version: $version, reason: $reason) {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const ReinstateAccountMutation = gql<
  { reinstateAccount: Account },
  { id: ID; version: number }
>`
  mutation ReinstateAccount($id: ID!, $version: Int!) {
    reinstateAccount(id: $id, version: $version) {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

export const EndAccountMutation = gql<
  { endAccount: Account },
  { id: ID; version: number; reason: string }
>`
  mutation EndAccount($id: ID!, $version: Int!, $reason: String!) {
    endAccount(id: $id, version: $version, reason: $reason) {
      ...AccountFields
    }
  }
  ${ACCOUNT_FIELDS}
`;

// ── Access decision ───────────────────────────────────────────────────────────

export interface AccessReason {
  code: string;
  message: string;
  messageJa: string;
  ruleIds: string[];
}

export interface AccessDecision {
  allowed: boolean;
  authority: string | null;
  accountId: ID | null;
  at: DateTime;
  reasons: AccessReason[];
  ruleIds: string[];
}

export const AccessDecisionQuery = gql<
  { accessDecision: AccessDecision },
  { staffId: ID; systemId: ID; at: DateTime | null }
>`
  query AccessDecision($staffId: ID!, $systemId: ID!, $at: DateTimeISO) {
    accessDecision(staffId: $staffId, systemId: $systemId, at: $at) {
      allowed
      authority
      accountId
      at
      reasons {
        code
        message
        messageJa
        ruleIds
      }
      ruleIds
    }
  }
`;

export interface SystemOption {
  id: ID;
  name: string;
}

export const SystemOptionsQuery = gql<
  { systems: { edges: { node: SystemOption }[] } },
  Record<string, never>
>`
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
`;

// ── Field access explainer ────────────────────────────────────────────────────

export interface FieldCheck {
  kind: string;
  passed: boolean;
  message: string;
  messageJa: string;
  ruleIds: string[];
}

export interface FieldAccessExplanation {
  allowed: boolean;
  reason: string;
  message: string;
  messageJa: string;
  ruleIds: string[];
  checks: FieldCheck[];
}

export interface ExplainVariables {
  staffId: ID;
  assetId: ID;
  field: string;
  subjectStaffId: ID | null;
  systemId: ID | null;
  at: DateTime | null;
}

export const ExplainFieldAccessQuery = gql<
  { explainFieldAccess: FieldAccessExplanation },
  ExplainVariables
>`
  query ExplainFieldAccess(
    $staffId: ID!
    $assetId: ID!
    $field: String!
    $subjectStaffId: ID
    $systemId: ID
    $at: DateTimeISO
  ) {
    explainFieldAccess(
      staffId: $staffId
      assetId: $assetId
      field: $field
      subjectStaffId: $subjectStaffId
      systemId: $systemId
      at: $at
    ) {
      allowed
      reason
      message
      messageJa
      ruleIds
      checks {
        kind
        passed
        message
        messageJa
        ruleIds
      }
    }
  }
`;

export interface AssetOption {
  id: ID;
  name: string;
  kind: string;
  classification: { confidentiality: string };
}

export const AssetOptionsQuery = gql<
  { informationAssets: { edges: { node: AssetOption }[] } },
  Record<string, never>
>`
  query AssetOptions {
    informationAssets(first: 200) {
      edges {
        node {
          id
          name
          kind
          classification {
            confidentiality
          }
        }
      }
    }
  }
`;

// ── Grants ────────────────────────────────────────────────────────────────────

export const GRANT_STATES = [
  'PENDING_APPROVAL',
  'PARTLY_APPROVED',
  'NOT_YET_VALID',
  'ACTIVE',
  'SUSPENDED',
  'DUTY_ENDED',
  'EXPIRED',
  'REVOKED',
] as const;
export type GrantState = (typeof GRANT_STATES)[number];

export const GRANT_EVENT_KINDS = ['REQUESTED', 'APPROVED', 'BECAME_VALID', 'SUSPENDED', 'REINSTATED', 'DUTY_ENDED', 'EXPIRED', 'REVOKED'] as const;
export type GrantEventKind = (typeof GRANT_EVENT_KINDS)[number];

type StaffName = { id: ID; displayName: string };

export interface Grant {
  id: ID;
  assetId: ID;
  granteeId: ID;
  positionId: ID | null;
  state: GrantState;
  /** When the grant entered its state, by whom (null: by the calendar), for whom (a deputy). */
  stateChangedAt: DateTime;
  stateChangedBy: StaffName | null;
  stateChangedOnBehalfOf: StaffName | null;
  ownerPositionIds: ID[];
  approvedPositionIds: ID[];
  approvals: { ownerPositionId: ID; approvedAt: DateTime; approvedBy: StaffName; onBehalfOf: StaffName | null }[];
  history: { kind: GrantEventKind; at: DateTime; by: StaffName | null; onBehalfOf: StaffName | null; ownerPosition: { id: ID; name: string } | null }[];
  purpose: string;
  validFrom: DateTime;
  validTo: DateTime | null;
  fields: string[] | null;
  suspendedAt: DateTime | null;
  revokedAt: DateTime | null;
  requestedAt: DateTime;
  requestedBy: StaffName;
  grantee: StaffName;
  asset: { id: ID; name: string };
  /** Owner positions whose approval is needed, with their names. */
  owners: { id: ID; name: string }[];
  /** Whether the viewer may approve it now (an owner, not its requester or grantee). */
  viewerCanApprove: boolean;
}

const GRANT_FIELDS = gql`
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
`;

export const GrantsPageQuery = gql<
  {
    grants: Grant[];
    informationAssets: { edges: { node: AssetOption }[] };
    positions: PositionRef[];
  },
  Record<string, never>
>`
  query GrantsPage {
    grants {
      ...GrantFields
    }
    informationAssets(first: 200) {
      edges {
        node {
          id
          name
          kind
          classification {
            confidentiality
          }
        }
      }
    }
    positions {
      id
      name
      orgUnit {
        id
        name
        nameEn
        path
      }
    }
  }
  ${GRANT_FIELDS}
`;

export interface RequestGrantInput {
  assetId: ID;
  granteeId: ID;
  positionId?: ID | null;
  purpose: string;
  validFrom: DateTime;
  validTo?: DateTime | null;
  fields?: string[] | null;
}

export const RequestGrantMutation = gql<{ requestGrant: Grant }, { input: RequestGrantInput }>`
  mutation RequestGrant($input: RequestGrantInput!) {
    requestGrant(input: $input) {
      ...GrantFields
    }
  }
  ${GRANT_FIELDS}
`;

export const ApproveGrantMutation = gql<{ approveGrant: Grant }, { id: ID }>`
  mutation ApproveGrant($id: ID!) {
    approveGrant(id: $id) {
      ...GrantFields
    }
  }
  ${GRANT_FIELDS}
`;

export const SuspendGrantMutation = gql<{ suspendGrant: Grant }, { id: ID }>`
  mutation SuspendGrant($id: ID!) {
    suspendGrant(id: $id) {
      ...GrantFields
    }
  }
  ${GRANT_FIELDS}
`;

export const ReinstateGrantMutation = gql<{ reinstateGrant: Grant }, { id: ID }>`
  mutation ReinstateGrant($id: ID!) {
    reinstateGrant(id: $id) {
      ...GrantFields
    }
  }
  ${GRANT_FIELDS}
`;

export const RevokeGrantMutation = gql<{ revokeGrant: Grant }, { id: ID }>`
  mutation RevokeGrant($id: ID!) {
    revokeGrant(id: $id) {
      ...GrantFields
    }
  }
  ${GRANT_FIELDS}
`;
