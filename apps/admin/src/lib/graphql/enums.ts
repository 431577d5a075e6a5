// The values of the schema's enums in the order the app offers them (filters, forms, sort
// options). `enumValues` checks each list against apps/gateway/schema.graphql.
import { enumValues, type EnumOf } from './graphql.ts';

export type LifecycleStatus = EnumOf<'LifecycleStatus'>;
export const LIFECYCLE_STATUSES = enumValues<'LifecycleStatus'>()(['PROPOSED', 'IN_SERVICE', 'UNDER_CHANGE', 'RETIRING', 'RETIRED']);

/** ARK-4: managed by the digital section (デジタル推進課) or by a system-managing section. */
export type ManagementType = EnumOf<'ManagementType'>;
export const MANAGEMENT_TYPES = enumValues<'ManagementType'>()(['DIGITAL_SECTION', 'SYSTEM_SECTION']);

export type SortDirection = EnumOf<'SortDirection'>;
export type SystemSortField = EnumOf<'SystemSortField'>;
export const SYSTEM_SORT_FIELDS = enumValues<'SystemSortField'>()(['NAME', 'MANAGING_ORG_UNIT', 'UPDATED_AT']);

/** How the product stands to a rule (規程対応表), from what it does to what it leaves aside. */
export type RuleClass = EnumOf<'RuleClass'>;
export const RULE_CLASSES = enumValues<'RuleClass'>()(['EXECUTED', 'RECORDED', 'JUDGEMENT', 'GAP', 'NOT_SOFTWARE', 'DEFINITION', 'PURPOSE', 'BY_PARTS']);
