import { gql } from '@urql/core';
import type { Classification, ID, Owner, PageInfo } from './types.ts';

export interface AssetListItem {
  id: ID;
  name: string;
  business: string;
  owners: Owner[];
  systems: { id: ID; name: string }[];
  classification: Classification;
}

export interface AssetsPageData {
  informationAssets: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: { cursor: string; node: AssetListItem }[];
  };
}

export const AssetsPageQuery = gql<AssetsPageData, { first: number; after: string | null }>`
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
            confidentiality
            integrity
            availability
          }
        }
      }
    }
  }
`;
