import type { RuleId } from '@tsukasa/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../graphql/scalars.ts';
import { TextFormat } from '../../graphql/input-guard.ts';
import { PageInfo } from '../../graphql/shared.types.ts';

// GraphQL types are not ORM rows: resolvers map rows to these explicitly (DESIGN §3).

export enum LifecycleStatus {
  PROPOSED = 'proposed',
  IN_SERVICE = 'in_service',
  UNDER_CHANGE = 'under_change',
  RETIRING = 'retiring',
  RETIRED = 'retired',
}
registerEnumType(LifecycleStatus, { name: 'LifecycleStatus', description: 'Lifecycle of a system (電子情報システム).' });

export enum ManagementType {
  DIGITAL_SECTION = 'digital_section',
  SYSTEM_SECTION = 'system_section',
}
registerEnumType(ManagementType, {
  name: 'ManagementType',
  description: 'ARK-4: managed by the digital section (デジタル推進課) or by a system-managing section (システム管理課).',
});

export enum OrgUnitLevel {
  DEPARTMENT = 'department',
  SECTION = 'section',
  UNIT = 'unit',
}
registerEnumType(OrgUnitLevel, { name: 'OrgUnitLevel', description: '局・部 / 課・室・センター / 係' });

export enum SystemSortField {
  NAME = 'name',
  MANAGING_ORG_UNIT = 'managing_org_unit',
  UPDATED_AT = 'updated_at',
}
registerEnumType(SystemSortField, { name: 'SystemSortField' });

export enum ImportAction {
  CREATE = 'create',
  UPDATE = 'update',
  UNCHANGED = 'unchanged',
  ERROR = 'error',
}
registerEnumType(ImportAction, { name: 'ImportAction' });

@ObjectType({ description: 'A municipality (the tenant).' })
export class Municipality {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) prefecture!: string;
  @Field(() => String, { description: 'guideline_2024 (機密性 3A/3B/3C/2/1) or legacy_3_2_1.' }) classificationScale!: string;
}

@ObjectType({ description: '局・部 / 課・室・センター / 係' })
export class OrgUnit {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => OrgUnitLevel) level!: OrgUnitLevel;
  parentId!: string | null;
}

@ObjectType({ description: 'A position (課長 of an org unit, 部長, 係長, 係員 …).' })
export class Position {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'As the regulations write it, e.g. 介護保険課長.' }) name!: string;
  @Field(() => String) title!: string;
  orgUnitId!: string;
}

@ObjectType()
export class Classification {
  @Field(() => String, { description: '機密性' }) confidentiality!: string;
  @Field(() => String, { description: '完全性' }) integrity!: string;
  @Field(() => String, { description: '可用性' }) availability!: string;
}

@ObjectType({ description: 'An owner (情報管理責任者) of an information asset: a position.' })
export class Owner {
  @Field(() => ID) positionId!: string;
  @Field(() => String, { description: "The position's name, e.g. 介護保険課長." }) name!: string;
  orgUnitId!: string;
}

@ObjectType({ description: '情報資産' })
export class InformationAsset {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The business (事業) it belongs to.' }) business!: string;
  @Field(() => Classification) classification!: Classification;
  @Field(() => [String], { description: 'Legal basis of the asset record.' }) ruleIds!: RuleId[];
  @Field(() => Int) version!: number;
}

@ObjectType({ description: '電子情報システム' })
export class System {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: '業務内容' }) businessContent!: string;
  @Field(() => ManagementType) managementType!: ManagementType;
  @Field(() => LifecycleStatus) lifecycleStatus!: LifecycleStatus;
  @Field(() => Int, { description: 'Optimistic concurrency: send it back with an edit.' }) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  managingOrgUnitId!: string;
  rulebookId!: string | null;
}

@ObjectType()
export class SystemEdge {
  @Field(() => String) cursor!: string;
  @Field(() => System) node!: System;
}

@ObjectType()
export class SystemConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [SystemEdge]) edges!: SystemEdge[];
}

@ObjectType()
export class InformationAssetEdge {
  @Field(() => String) cursor!: string;
  @Field(() => InformationAsset) node!: InformationAsset;
}

@ObjectType()
export class InformationAssetConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => [InformationAssetEdge]) edges!: InformationAssetEdge[];
}

@InputType()
export class SystemFilter {
  @Field(() => String, { nullable: true, description: 'Free text over name and 業務内容 (NFKC-normalised, case-insensitive).' })
  text?: string | null;
  @Field(() => ID, { nullable: true }) managingOrgUnitId?: string | null;
  @Field(() => [LifecycleStatus], { nullable: true }) lifecycleStatus?: LifecycleStatus[] | null;
}

@InputType()
export class SystemSort {
  @Field(() => SystemSortField) field!: SystemSortField;
  @Field(() => SortDirection) direction!: SortDirection;
}

@InputType()
export class CreateSystemInput {
  @Field(() => String) name!: string;
  @TextFormat('multiline')
  @Field(() => String)
  businessContent!: string;
  @Field(() => ID) managingOrgUnitId!: string;
  @Field(() => ManagementType) managementType!: ManagementType;
  @Field(() => [ID], { nullable: true }) usingOrgUnitIds?: string[] | null;
  @Field(() => LifecycleStatus, { nullable: true }) lifecycleStatus?: LifecycleStatus | null;
}

@InputType()
export class UpdateSystemInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String, { nullable: true }) name?: string | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  businessContent?: string | null;
  @Field(() => ID, { nullable: true }) managingOrgUnitId?: string | null;
  @Field(() => ManagementType, { nullable: true }) managementType?: ManagementType | null;
  @Field(() => LifecycleStatus, { nullable: true }) lifecycleStatus?: LifecycleStatus | null;
}

@InputType()
export class SetUsingOrgUnitsInput {
  @Field(() => ID) systemId!: string;
  @Field(() => Int) version!: number;
  @Field(() => [ID]) orgUnitIds!: string[];
}

@InputType()
export class SetClassificationInput {
  @Field(() => ID) informationAssetId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) confidentiality!: string;
  @Field(() => String) integrity!: string;
  @Field(() => String) availability!: string;
}

@InputType()
export class AssignOwnersInput {
  @Field(() => ID) informationAssetId!: string;
  @Field(() => Int) version!: number;
  @Field(() => [ID]) ownerPositionIds!: string[];
}

@ObjectType()
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType()
export class ImportRow {
  @Field(() => Int) line!: number;
  @Field(() => ImportAction) action!: ImportAction;
  @Field(() => ID, { nullable: true }) systemId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => [FieldChange]) changes!: FieldChange[];
  @Field(() => [String]) errors!: string[];
}

@ObjectType()
export class SystemImportResult {
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean) applied!: boolean;
  @Field(() => [ImportRow]) rows!: ImportRow[];
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) errors!: number;
}

@ObjectType({ description: 'Licences held by a section (MNT-18).' })
export class LicenceAllocation {
  @Field(() => ID) orgUnitId!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Licences of a system: purchased, and held by each section (MNT-18-1: the total stays within the purchased).' })
export class Licences {
  @Field(() => Int) purchasedTotal!: number;
  @Field(() => Int) allocatedTotal!: number;
  @Field(() => [LicenceAllocation]) allocations!: LicenceAllocation[];
}
