import { graphql, type ResultOf } from './graphql.ts';

// Selections many documents share: an org unit as the screens name it, and a connection's page.

/** An org unit as a row names it (its name in both languages and its path). */
export const OrgUnitRefFields = graphql(`
  fragment OrgUnitRefFields on OrgUnit {
    id
    name
    nameEn
    path
  }
`);

/** An org unit as a picker offers it: with its level, for indenting. */
export const OrgUnitOptionFields = graphql(
  `
    fragment OrgUnitOptionFields on OrgUnit {
      ...OrgUnitRefFields
      level
    }
  `,
  [OrgUnitRefFields],
);

export type OrgUnitOption = ResultOf<typeof OrgUnitOptionFields>;

/** Where a page of a connection ends, for CursorPager. */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);
