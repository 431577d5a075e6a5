import { gql } from '@urql/core';
import type { AssetOption } from './access.graphql.ts';
import type { DateTime, ID, OrgUnitOption } from './types.ts';

// ── KWO-6: who may handle an information asset at a using place ──────────────

export interface Designation {
  id: ID;
  assetId: ID;
  staff: { id: ID; displayName: string };
  designatedBy: { id: ID; displayName: string };
  /** The 情報資産管理責任者 who permitted it (only for one outside the chief's supervision). */
  permittedBy: { id: ID; displayName: string } | null;
  /** The using place: the org unit of the designating システム利用責任者. */
  orgUnit: { id: ID; name: string; nameEn: string; path: string };
  /** Outside the designating chief's own supervision: needs prior permission (KWO-6). */
  outsideSupervision: boolean;
  /** In force now: not revoked, valid, and permitted when it needs to be. */
  effective: boolean;
  permittedAt: DateTime | null;
  validFrom: DateTime;
  validTo: DateTime | null;
  revokedAt: DateTime | null;
  ruleIds: string[];
}

const DESIGNATION_FIELDS = gql`
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
      id
      name
      nameEn
      path
    }
    outsideSupervision
    effective
    permittedAt
    validFrom
    validTo
    revokedAt
    ruleIds
  }
`;

export interface DesignationsPageData {
  designations: Designation[];
  informationAssets: { edges: { node: AssetOption }[] };
  orgUnits: OrgUnitOption[];
}

export const DesignationsPageQuery = gql<DesignationsPageData, { assetId: ID | null }>`
  query DesignationsPage($assetId: ID) {
    designations(assetId: $assetId) {
      ...DesignationFields
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
    orgUnits {
      id
      name
      nameEn
      path
      level
    }
  }
  ${DESIGNATION_FIELDS}
`;

export interface DesignateHandlerInput {
  assetId: ID;
  staffId: ID;
  orgUnitId: ID;
  validFrom?: DateTime | null;
  validTo?: DateTime | null;
}

export const DesignateHandlerMutation = gql<
  { designateHandler: Designation },
  { input: DesignateHandlerInput }
>`
  mutation DesignateHandler($input: DesignateHandlerInput!) {
    designateHandler(input: $input) {
      ...DesignationFields
    }
  }
  ${DESIGNATION_FIELDS}
`;

export const PermitDesignationMutation = gql<{ permitDesignation: Designation }, { id: ID }>`
  mutation PermitDesignation($id: ID!) {
    permitDesignation(id: $id) {
      ...DesignationFields
    }
  }
  ${DESIGNATION_FIELDS}
`;

export type DesignationState = 'EFFECTIVE' | 'AWAITING_PERMISSION' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';

/** Why a designation is, or is not, in force now (the gateway's `effective` is authoritative). */
export function designationState(designation: Designation, now: Date = new Date()): DesignationState {
  if (designation.effective) return 'EFFECTIVE';
  if (designation.revokedAt) return 'REVOKED';
  if (designation.outsideSupervision && !designation.permittedBy) return 'AWAITING_PERMISSION';
  if (new Date(designation.validFrom) > now) return 'NOT_YET_VALID';
  return 'EXPIRED';
}
