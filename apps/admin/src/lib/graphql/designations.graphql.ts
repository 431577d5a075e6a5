import { AssetOptionFields } from './access.graphql.ts';
import { graphql, type ResultOf } from './graphql.ts';
import { OrgUnitOptionFields, OrgUnitRefFields } from './org-units.graphql.ts';

// ── KWO-6: who may handle an information asset at a using place ──────────────

const DesignationFields = graphql(
  `
    fragment DesignationFields on Designation {
      id
      assetId
      staff {
        id
        displayName
      }
      designatedBy {
        id
        displayName
      }
      permittedBy {
        id
        displayName
      }
      orgUnit {
        ...OrgUnitRefFields
      }
      outsideSupervision
      effective
      permittedAt
      validFrom
      validTo
      revokedAt
      ruleIds
    }
  `,
  [OrgUnitRefFields],
);

export type Designation = ResultOf<typeof DesignationFields>;

export const DesignationsPageQuery = graphql(
  `
    query DesignationsPage($assetId: ID) {
      designations(assetId: $assetId) {
        ...DesignationFields
      }
      informationAssets(first: 200) {
        edges {
          node {
            ...AssetOptionFields
          }
        }
      }
      orgUnits {
        ...OrgUnitOptionFields
      }
    }
  `,
  [DesignationFields, AssetOptionFields, OrgUnitOptionFields],
);

export const DesignateHandlerMutation = graphql(
  `
    mutation DesignateHandler($input: DesignateHandlerInput!) {
      designateHandler(input: $input) {
        ...DesignationFields
      }
    }
  `,
  [DesignationFields],
);

export const PermitDesignationMutation = graphql(
  `
    mutation PermitDesignation($id: ID!) {
      permitDesignation(id: $id) {
        ...DesignationFields
      }
    }
  `,
  [DesignationFields],
);

/** Where a designation stands now, as the screen names it (derived from the gateway's answer). */
export type DesignationState = 'EFFECTIVE' | 'AWAITING_PERMISSION' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';

/** Why a designation is, or is not, in force now (the gateway's `effective` is authoritative). */
export function designationState(designation: Designation, now: Date = new Date()): DesignationState {
  if (designation.effective) return 'EFFECTIVE';
  if (designation.revokedAt) return 'REVOKED';
  if (designation.outsideSupervision && !designation.permittedBy) return 'AWAITING_PERMISSION';
  if (new Date(designation.validFrom) > now) return 'NOT_YET_VALID';
  return 'EXPIRED';
}
