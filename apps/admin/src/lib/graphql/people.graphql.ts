import { gql } from '@urql/core';
import { ACCOUNT_FIELDS, type Account } from './access.graphql.ts';
import type { ID, OrgUnitOption, PageInfo, PositionRef } from './types.ts';

// ── Shapes ────────────────────────────────────────────────────────────────────

export interface StaffListItem {
  id: ID;
  displayName: string;
  familyNameKana: string;
  givenNameKana: string;
  employeeNumber: string;
  extension: string;
  positions: PositionRef[];
}

export interface StaffFilter {
  text?: string | null;
  orgUnitId?: ID | null;
}

export interface Tenure {
  /** ISO date, inclusive. */
  from: string;
  /** ISO date, exclusive; null = current. */
  to: string | null;
  position: PositionRef & { title: string };
}

export type RoleVia = 'POSITION' | 'DEPUTY';

export interface HeldRole {
  rulebookId: string;
  roleKey: string;
  roleName: string;
  roleNameEn: string;
  scopeLabel: string | null;
  positionId: ID;
  via: RoleVia;
  onBehalfOfStaffId: ID | null;
  ruleIds: string[];
}

export interface StaffDetail {
  id: ID;
  displayName: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  employeeNumber: string;
  email: string;
  extension: string;
  /** Protected: null with a FORBIDDEN_FIELD error when the viewer may not see it. */
  personalPhone: string | null;
  tenures: Tenure[];
  positions: PositionRef[];
  roles: HeldRole[];
  /** Every account the person holds, on every system. */
  accounts: Account[];
}

export interface StaffBrief {
  id: ID;
  displayName: string;
  employeeNumber: string;
  positions: PositionRef[];
}

export interface RuleText {
  ruleId: string;
  rulebookId: string;
  articleNumber: string;
  caption: string;
  text: string;
}

const POSITION_REF_FIELDS = gql`
  fragment PositionRefFields on Position {
    id
    name
    orgUnit {
      id
      name
      nameEn
      path
    }
  }
`;

// ── Queries ───────────────────────────────────────────────────────────────────

export interface StaffPageData {
  staff: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: { cursor: string; node: StaffListItem }[];
  };
  orgUnits: OrgUnitOption[];
}

export const StaffPageQuery = gql<
  StaffPageData,
  { first: number; after: string | null; filter: StaffFilter }
>`
  query StaffPage($first: Int, $after: String, $filter: StaffFilter) {
    staff(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          displayName
          familyNameKana
          givenNameKana
          employeeNumber
          extension
          positions {
            ...PositionRefFields
          }
        }
      }
    }
    orgUnits {
      id
      name
      nameEn
      path
      level
    }
  }
  ${POSITION_REF_FIELDS}
`;

export const StaffDetailQuery = gql<{ staffMember: StaffDetail | null }, { id: ID }>`
  query StaffDetail($id: ID!) {
    staffMember(id: $id) {
      id
      displayName
      familyName
      givenName
      familyNameKana
      givenNameKana
      employeeNumber
      email
      extension
      personalPhone
      tenures {
        from
        to
        position {
          ...PositionRefFields
          title
        }
      }
      positions {
        ...PositionRefFields
      }
      roles {
        rulebookId
        roleKey
        roleName
        roleNameEn
        scopeLabel
        positionId
        via
        onBehalfOfStaffId
        ruleIds
      }
      accounts {
        ...AccountFields
      }
    }
  }
  ${POSITION_REF_FIELDS}
  ${ACCOUNT_FIELDS}
`;

/** Name and current posts of one person (pickers, "on behalf of", audit actors). */
export const StaffBriefQuery = gql<{ staffMember: StaffBrief | null }, { id: ID }>`
  query StaffBrief($id: ID!) {
    staffMember(id: $id) {
      id
      displayName
      employeeNumber
      positions {
        ...PositionRefFields
      }
    }
  }
  ${POSITION_REF_FIELDS}
`;

/**
 * The posts one person holds now, directly or as a deputy: an owner (情報管理責任者) suspends,
 * reinstates and revokes grants for the position they hold.
 */
export const HeldPostsQuery = gql<
  { staffMember: { id: ID; positions: { id: ID }[]; roles: { positionId: ID; via: RoleVia }[] } | null },
  { id: ID }
>`
  query HeldPosts($id: ID!) {
    staffMember(id: $id) {
      id
      positions {
        id
      }
      roles {
        positionId
        via
      }
    }
  }
`;

export const StaffSearchQuery = gql<
  { staff: { totalCount: number; edges: { node: StaffListItem }[] } },
  { text: string; first: number }
>`
  query StaffSearch($text: String, $first: Int) {
    staff(first: $first, filter: { text: $text }) {
      totalCount
      edges {
        node {
          id
          displayName
          familyNameKana
          givenNameKana
          employeeNumber
          extension
          positions {
            ...PositionRefFields
          }
        }
      }
    }
  }
  ${POSITION_REF_FIELDS}
`;

export const PositionsQuery = gql<{ positions: PositionRef[] }, Record<string, never>>`
  query Positions {
    positions {
      ...PositionRefFields
    }
  }
  ${POSITION_REF_FIELDS}
`;

export const RuleTextQuery = gql<{ rule: RuleText | null }, { id: string }>`
  query RuleText($id: String!) {
    rule(id: $id) {
      ruleId
      rulebookId
      articleNumber
      caption
      text
    }
  }
`;

