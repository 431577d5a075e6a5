import { graphql, type ResultOf } from './graphql.ts';
import { OrgUnitRefFields, PageInfoFields } from './org-units.graphql.ts';

/** 機密性 / 完全性 / 可用性 of an information asset, as ClassificationBadges shows them. */
export const ClassificationFields = graphql(`
  fragment ClassificationFields on Classification {
    confidentiality
    integrity
    availability
  }
`);

export type Classification = ResultOf<typeof ClassificationFields>;

export const AssetsPageQuery = graphql(
  `
    query AssetsPage($first: Int, $after: String) {
      informationAssets(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            id
            name
            business
            owners {
              positionId
              name
              orgUnit {
                ...OrgUnitRefFields
              }
            }
            systems {
              id
              name
            }
            classification {
              ...ClassificationFields
            }
          }
        }
      }
    }
  `,
  [ClassificationFields, OrgUnitRefFields, PageInfoFields],
);
