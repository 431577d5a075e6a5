// TypeScript shapes of the GraphQL contract (apps/gateway/schema.graphql), written by hand.
// Keep them in step with the schema: names and nullability match it field for field.

export type ID = string;
/** ISO 8601 timestamp in UTC (scalar DateTimeISO). */
export type DateTime = string;

export const LIFECYCLE_STATUSES = [
  'PROPOSED',
  'IN_SERVICE',
  'UNDER_CHANGE',
  'RETIRING',
  'RETIRED',
] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const MANAGEMENT_TYPES = ['DIGITAL_SECTION', 'SYSTEM_SECTION'] as const;
/** ARK-4: managed by the digital section (デジタル推進課) or by a system-managing section. */
export type ManagementType = (typeof MANAGEMENT_TYPES)[number];

export type OrgUnitLevel = 'DEPARTMENT' | 'SECTION' | 'UNIT';
export type SortDirection = 'ASC' | 'DESC';
export const SYSTEM_SORT_FIELDS = ['NAME', 'MANAGING_ORG_UNIT', 'UPDATED_AT'] as const;
export type SystemSortField = (typeof SYSTEM_SORT_FIELDS)[number];
export type ImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Municipality {
  id: ID;
  code: string;
  name: string;
  nameEn: string;
  prefecture: string;
  classificationScale: string;
}

export interface OrgUnitRef {
  id: ID;
  name: string;
  nameEn: string;
  path: string;
}

export interface PositionRef {
  id: ID;
  name: string;
  orgUnit: OrgUnitRef;
}

export interface OrgUnitOption extends OrgUnitRef {
  level: OrgUnitLevel;
}

export interface Viewer {
  staffId: ID;
  displayName: string;
  /** Null for integrator tokens; staff sessions always have one. */
  username: string | null;
  municipality: Municipality;
  isRegistryAdmin: boolean;
  permissions: ViewerPermissions;
}

/** What the viewer may do: the app shows only the actions the gateway will accept (it decides anyway). */
export interface ViewerPermissions {
  editRegistry: boolean;
  /** MNT-19-3 and equivalents, or a registry administrator. */
  readAuditLog: boolean;
  decideAccess: boolean;
  explainAccess: boolean;
  manageApiTokens: boolean;
}

export interface Classification {
  confidentiality: string;
  integrity: string;
  availability: string;
}

export interface Owner {
  positionId: ID;
  name: string;
  orgUnit: OrgUnitRef;
}

export interface SystemFilter {
  text?: string | null;
  managingOrgUnitId?: ID | null;
  lifecycleStatus?: LifecycleStatus[] | null;
}

export interface SystemSort {
  field: SystemSortField;
  direction: SortDirection;
}

export interface CreateSystemInput {
  name: string;
  businessContent: string;
  managingOrgUnitId: ID;
  managementType: ManagementType;
  usingOrgUnitIds?: ID[] | null;
  lifecycleStatus?: LifecycleStatus | null;
}

export interface UpdateSystemInput {
  id: ID;
  version: number;
  name?: string | null;
  businessContent?: string | null;
  managingOrgUnitId?: ID | null;
  managementType?: ManagementType | null;
  lifecycleStatus?: LifecycleStatus | null;
}

export interface SetUsingOrgUnitsInput {
  systemId: ID;
  version: number;
  orgUnitIds: ID[];
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface ImportRow {
  line: number;
  action: ImportAction;
  systemId: ID | null;
  name: string;
  changes: FieldChange[];
  errors: string[];
}

export interface SystemImportResult {
  dryRun: boolean;
  applied: boolean;
  rows: ImportRow[];
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}
