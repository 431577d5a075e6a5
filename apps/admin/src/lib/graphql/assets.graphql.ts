import { graphql, type ResultOf } from './graphql.ts';

/** 機密性 / 完全性 / 可用性 of an information asset, as ClassificationBadges shows them. */
export const ClassificationFields = graphql(`
  fragment ClassificationFields on Classification {
    confidentiality
    integrity
    availability
  }
`);

export type Classification = ResultOf<typeof ClassificationFields>;

export const AssetsPageQuery = graphql(`
  query AssetsPage($first: Int, $after: String) {
    informationAssets(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          business
          owners {
            positionId
            name
            orgUnit {
              id
              name
              nameEn
              path
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
`, [ClassificationFields]);
