import { AccountFields } from './access.graphql.ts';
import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';
import { OrgUnitOptionFields, OrgUnitRefFields, PageInfoFields } from './org-units.graphql.ts';

const PositionRefFields = graphql(
  `
    fragment PositionRefFields on Position {
      id
      name
      orgUnit {
        ...OrgUnitRefFields
      }
    }
  `,
  [OrgUnitRefFields],
);

export type PositionRef = ResultOf<typeof PositionRefFields>;

/** A staff member as a list row and the picker show them: names, readings, number and posts. */
const StaffListFields = graphql(
  `
    fragment StaffListFields on Staff {
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
  `,
  [PositionRefFields],
);

// ── Queries ───────────────────────────────────────────────────────────────────

export const StaffPageQuery = graphql(
  `
    query StaffPage($first: Int, $after: String, $filter: StaffFilter) {
      staff(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...StaffListFields
          }
        }
      }
      orgUnits {
        ...OrgUnitOptionFields
      }
    }
  `,
  [StaffListFields, OrgUnitOptionFields, PageInfoFields],
);

export type StaffFilter = NonNullable<VariablesOf<typeof StaffPageQuery>['filter']>;

export const StaffDetailQuery = graphql(
  `
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
  `,
  [PositionRefFields, AccountFields],
);

/** Name and current posts of one person (pickers, "on behalf of", audit actors). */
export const StaffBriefQuery = graphql(
  `
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
  `,
  [PositionRefFields],
);

export type StaffBrief = NonNullable<ResultOf<typeof StaffBriefQuery>['staffMember']>;

/**
 * The posts one person holds now, directly or as a deputy: an owner (情報管理責任者) suspends,
 * reinstates and revokes grants for the position they hold.
 */
export const HeldPostsQuery = graphql(`
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
`);

export const StaffSearchQuery = graphql(
  `
    query StaffSearch($text: String, $first: Int) {
      staff(first: $first, filter: { text: $text }) {
        totalCount
        edges {
          node {
            ...StaffListFields
          }
        }
      }
    }
  `,
  [StaffListFields],
);

export type StaffListItem = ResultOf<typeof StaffListFields>;

export const PositionsQuery = graphql(
  `
    query Positions {
      positions {
        ...PositionRefFields
      }
    }
  `,
  [PositionRefFields],
);

export const RuleTextQuery = graphql(`
  query RuleText($id: String!) {
    rule(id: $id) {
      ruleId
      rulebookId
      articleNumber
      caption
      text
    }
  }
`);

export type RuleText = NonNullable<ResultOf<typeof RuleTextQuery>['rule']>;

// ── Declared absences (KTM-3-6) ─────────────────────────────────────────────

const AbsenceFields = graphql(`
  fragment AbsenceFields on Absence {
    id
    positionId
    absentStaffId
    from
    to
    reason
    declaredById
    declaredAt
    ruleIds
  }
`);

/** The absences of a position's holder, and whether its deputy acts only during one (KTM-3-6). */
export const PositionAbsencesQuery = graphql(
  `
    query PositionAbsences($positionId: ID!) {
      positionAbsences(positionId: $positionId) {
        positionId
        deputyOnlyWhenAbsent
        deputyStaffIds
        viewerMayDeclare
        ruleIds
        current {
          ...AbsenceFields
        }
        absences {
          ...AbsenceFields
        }
      }
    }
  `,
  [AbsenceFields],
);

export type PositionAbsences = ResultOf<typeof PositionAbsencesQuery>['positionAbsences'];

export const DeclareAbsenceMutation = graphql(
  `
    mutation DeclareAbsence($input: DeclareAbsenceInput!) {
      declareAbsence(input: $input) {
        ...AbsenceFields
      }
    }
  `,
  [AbsenceFields],
);
