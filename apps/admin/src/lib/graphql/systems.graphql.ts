import { ClassificationFields } from './assets.graphql.ts';
import { graphql, type ResultOf } from './graphql.ts';
import { OrgUnitOptionFields, OrgUnitRefFields, PageInfoFields } from './org-units.graphql.ts';

export type { OrgUnitOption } from './org-units.graphql.ts';

// ── Registry list ─────────────────────────────────────────────────────────────

export const SystemsPageQuery = graphql(
  `
    query SystemsPage($first: Int, $after: String, $filter: SystemFilter, $sort: SystemSort) {
      systems(first: $first, after: $after, filter: $filter, sort: $sort) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            id
            name
            businessContent
            managingOrgUnit {
              ...OrgUnitRefFields
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
  `,
  [OrgUnitOptionFields, OrgUnitRefFields, PageInfoFields],
);

/** CSV of the filtered registry (UTF-8, no BOM: the client prepends it for Excel). */
export const SystemsCsvQuery = graphql(`
  query SystemsCsv($filter: SystemFilter) {
    systemsCsv(filter: $filter)
  }
`);

// ── Detail ────────────────────────────────────────────────────────────────────

const SystemDetailFields = graphql(
  `
    fragment SystemDetailFields on System {
      id
      name
      businessContent
      managingOrgUnit {
        ...OrgUnitRefFields
      }
      managementType
      usingOrgUnits {
        ...OrgUnitRefFields
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
            ...OrgUnitRefFields
          }
        }
        classification {
          ...ClassificationFields
        }
      }
      version
      createdAt
      updatedAt
    }
  `,
  [ClassificationFields, OrgUnitRefFields],
);

export type SystemDetail = ResultOf<typeof SystemDetailFields>;

export const SystemDetailQuery = graphql(
  `
    query SystemDetail($id: ID!) {
      system(id: $id) {
        ...SystemDetailFields
      }
    }
  `,
  [SystemDetailFields],
);

// ── Form ──────────────────────────────────────────────────────────────────────

export const SystemEditQuery = graphql(
  `
    query SystemEdit($id: ID!) {
      system(id: $id) {
        ...SystemDetailFields
      }
      orgUnits {
        ...OrgUnitOptionFields
      }
    }
  `,
  [SystemDetailFields, OrgUnitOptionFields],
);

export const OrgUnitsQuery = graphql(
  `
    query OrgUnits {
      orgUnits {
        ...OrgUnitOptionFields
      }
    }
  `,
  [OrgUnitOptionFields],
);

export const CreateSystemMutation = graphql(
  `
    mutation CreateSystem($input: CreateSystemInput!) {
      createSystem(input: $input) {
        ...SystemDetailFields
      }
    }
  `,
  [SystemDetailFields],
);

export const UpdateSystemMutation = graphql(
  `
    mutation UpdateSystem($input: UpdateSystemInput!) {
      updateSystem(input: $input) {
        ...SystemDetailFields
      }
    }
  `,
  [SystemDetailFields],
);

export const SetSystemUsingOrgUnitsMutation = graphql(
  `
    mutation SetSystemUsingOrgUnits($input: SetUsingOrgUnitsInput!) {
      setSystemUsingOrgUnits(input: $input) {
        ...SystemDetailFields
      }
    }
  `,
  [SystemDetailFields],
);

export const RetireSystemMutation = graphql(
  `
    mutation RetireSystem($id: ID!, $version: Int!) {
      retireSystem(id: $id, version: $version) {
        ...SystemDetailFields
      }
    }
  `,
  [SystemDetailFields],
);

// ── CSV import ────────────────────────────────────────────────────────────────

export const ImportSystemsCsvMutation = graphql(`
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
`);

export type SystemImportResult = ResultOf<typeof ImportSystemsCsvMutation>['importSystemsCsv'];
