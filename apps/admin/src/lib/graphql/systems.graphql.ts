import { gql } from '@urql/core';
import type {
  Classification,
  CreateSystemInput,
  DateTime,
  ID,
  LifecycleStatus,
  ManagementType,
  OrgUnitOption,
  OrgUnitRef,
  Owner,
  PageInfo,
  SetUsingOrgUnitsInput,
  SystemFilter,
  SystemImportResult,
  SystemSort,
  UpdateSystemInput,
} from './types.ts';

const ORG_UNIT_OPTION_FIELDS = gql`
  fragment OrgUnitOptionFields on OrgUnit {
    id
    name
    nameEn
    path
    level
  }
`;

// ── Registry list ─────────────────────────────────────────────────────────────

export interface SystemListItem {
  id: ID;
  name: string;
  businessContent: string;
  managingOrgUnit: OrgUnitRef;
  managementType: ManagementType;
  lifecycleStatus: LifecycleStatus;
  version: number;
  updatedAt: DateTime;
}

export interface SystemsPageData {
  systems: {
    totalCount: number;
    pageInfo: PageInfo;
    edges: { cursor: string; node: SystemListItem }[];
  };
  orgUnits: OrgUnitOption[];
}

export interface SystemsPageVariables {
  first: number;
  after: string | null;
  filter: SystemFilter;
  sort: SystemSort;
}

export const SystemsPageQuery = gql<SystemsPageData, SystemsPageVariables>`
  query SystemsPage($first: Int, $after: String, $filter: SystemFilter, $sort: SystemSort) {
    systems(first: $first, after: $after, filter: $filter, sort: $sort) {
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
          businessContent
          managingOrgUnit {
            id
            name
            nameEn
            path
          }
          managementType
          lifecycleStatus
          version
          updatedAt
        }
      }
    }
    orgUnits {
      ...OrgUnitOptionFields
    }
  }
  ${ORG_UNIT_OPTION_FIELDS}
`;

/** CSV of the filtered registry (UTF-8, no BOM: the client prepends it for Excel). */
export const SystemsCsvQuery = gql<{ systemsCsv: string }, { filter: SystemFilter }>`
  query SystemsCsv($filter: SystemFilter) {
    systemsCsv(filter: $filter)
  }
`;

// ── Detail ────────────────────────────────────────────────────────────────────

export interface SystemAsset {
  id: ID;
  name: string;
  business: string;
  owners: Owner[];
  classification: Classification;
}

export interface SystemDetail {
  id: ID;
  name: string;
  businessContent: string;
  managingOrgUnit: OrgUnitRef;
  managementType: ManagementType;
  usingOrgUnits: OrgUnitRef[];
  lifecycleStatus: LifecycleStatus;
  rulebook: { id: ID; title: string; titleEn: string; reference: string } | null;
  informationAssets: SystemAsset[];
  version: number;
  createdAt: DateTime;
  updatedAt: DateTime;
}

const SYSTEM_DETAIL_FIELDS = gql`
  fragment SystemDetailFields on System {
    id
    name
    businessContent
    managingOrgUnit {
      id
      name
      nameEn
      path
    }
    managementType
    usingOrgUnits {
      id
      name
      nameEn
      path
    }
    lifecycleStatus
    rulebook {
      id
      title
      titleEn
      reference
    }
    informationAssets {
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
      classification {
        confidentiality
        integrity
        availability
      }
    }
    version
    createdAt
    updatedAt
  }
`;

export const SystemDetailQuery = gql<{ system: SystemDetail | null }, { id: ID }>`
  query SystemDetail($id: ID!) {
    system(id: $id) {
      ...SystemDetailFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
`;

// ── Form ──────────────────────────────────────────────────────────────────────

export const SystemEditQuery = gql<
  { system: SystemDetail | null; orgUnits: OrgUnitOption[] },
  { id: ID }
>`
  query SystemEdit($id: ID!) {
    system(id: $id) {
      ...SystemDetailFields
    }
    orgUnits {
      ...OrgUnitOptionFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
  ${ORG_UNIT_OPTION_FIELDS}
`;

export const OrgUnitsQuery = gql<{ orgUnits: OrgUnitOption[] }, Record<string, never>>`
  query OrgUnits {
    orgUnits {
      ...OrgUnitOptionFields
    }
  }
  ${ORG_UNIT_OPTION_FIELDS}
`;

export const CreateSystemMutation = gql<
  { createSystem: SystemDetail },
  { input: CreateSystemInput }
>`
  mutation CreateSystem($input: CreateSystemInput!) {
    createSystem(input: $input) {
      ...SystemDetailFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
`;

export const UpdateSystemMutation = gql<
  { updateSystem: SystemDetail },
  { input: UpdateSystemInput }
>`
  mutation UpdateSystem($input: UpdateSystemInput!) {
    updateSystem(input: $input) {
      ...SystemDetailFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
`;

export const SetSystemUsingOrgUnitsMutation = gql<
  { setSystemUsingOrgUnits: SystemDetail },
  { input: SetUsingOrgUnitsInput }
>`
  mutation SetSystemUsingOrgUnits($input: SetUsingOrgUnitsInput!) {
    setSystemUsingOrgUnits(input: $input) {
      ...SystemDetailFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
`;

export const RetireSystemMutation = gql<
  { retireSystem: SystemDetail },
  { id: ID; version: number }
>`
  mutation RetireSystem($id: ID!, $version: Int!) {
    retireSystem(id: $id, version: $version) {
      ...SystemDetailFields
    }
  }
  ${SYSTEM_DETAIL_FIELDS}
`;

// ── CSV import ────────────────────────────────────────────────────────────────

export const ImportSystemsCsvMutation = gql<
  { importSystemsCsv: SystemImportResult },
  { csv: string; dryRun: boolean }
>`
  mutation ImportSystemsCsv($csv: String!, $dryRun: Boolean!) {
    importSystemsCsv(csv: $csv, dryRun: $dryRun) {
      dryRun
      applied
      created
      updated
      unchanged
      errors
      rows {
        line
        action
        systemId
        name
        changes {
          field
          before
          after
        }
        errors
      }
    }
  }
`;
