import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Contractor, OrgUnit, Position } from './organization.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

/** 電子情報システム */
export const System = defineEntity({
  name: 'System',
  tableName: 'system',
  uniques: [{ name: 'system_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  indexes: [
    { name: 'system_municipality_id_name_index', properties: ['municipality', 'name'] },
    { name: 'system_managing_org_unit_id_index', properties: ['managingOrgUnitId'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('system_municipality_id_foreign'),
    key: p.string().length(120).nullable(),
    name: p.string().length(200),
    businessContent: p.text(),
    managingOrgUnitId: p.uuid(),
    managingOrgUnit: () => sameMunicipality(OrgUnit, 'managing_org_unit_id', 'system_managing_org_unit_id_foreign'),
    managementType: p.string().length(20),
    lifecycleStatus: p.string().length(20),
    rulebookId: p.string().length(8).nullable(),
    contractorId: p.uuid().nullable(),
    contractor: () => sameMunicipality(Contractor, 'contractor_id', 'system_contractor_id_foreign').nullable().deleteRule('set null (contractor_id)'),
    version: p.integer().version().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    /** Security-sensitive (SPEC §5): network layout and known vulnerabilities. */
    networkDescription: p.text().nullable(),
    vulnerabilityNotes: p.text().nullable(),
  },
});

export const SystemUsingOrgUnit = defineEntity({
  name: 'SystemUsingOrgUnit',
  tableName: 'system_using_org_unit',
  properties: {
    systemId: p.uuid().primary(),
    system: () => sameMunicipality(System, 'system_id', 'system_using_org_unit_system_id_foreign').updateRule('cascade').deleteRule('cascade'),
    orgUnitId: p.uuid().primary(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'system_using_org_unit_org_unit_id_foreign').updateRule('cascade').deleteRule('cascade'),
    municipality: () => tenant('system_using_org_unit_municipality_id_foreign'),
    sortOrder: p.integer().default(0),
  },
});

/** 情報資産 */
export const InformationAsset = defineEntity({
  name: 'InformationAsset',
  tableName: 'information_asset',
  uniques: [{ name: 'information_asset_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('information_asset_municipality_id_foreign'),
    key: p.string().length(120).nullable(),
    name: p.string().length(300),
    business: p.text(),
    /** business, or one of the assets holding the API's protected fields (staff_contacts …). */
    kind: p.string().length(30).default('business'),
    confidentiality: p.string().length(4),
    integrity: p.string().length(4),
    availability: p.string().length(4),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** 情報管理責任者: an asset may have several owners (KWW 別表). */
export const InformationAssetOwner = defineEntity({
  name: 'InformationAssetOwner',
  tableName: 'information_asset_owner',
  indexes: [{ name: 'information_asset_owner_position_id_index', properties: ['positionId'] }],
  properties: {
    assetId: p.uuid().primary(),
    asset: () => sameMunicipality(InformationAsset, 'asset_id', 'information_asset_owner_asset_id_foreign').updateRule('cascade').deleteRule('cascade'),
    positionId: p.uuid().primary(),
    position: () => sameMunicipality(Position, 'position_id', 'information_asset_owner_position_id_foreign').updateRule('cascade').deleteRule('cascade'),
    municipality: () => tenant('information_asset_owner_municipality_id_foreign'),
    sortOrder: p.integer().default(0),
  },
});

export const InformationAssetSystem = defineEntity({
  name: 'InformationAssetSystem',
  tableName: 'information_asset_system',
  indexes: [{ name: 'information_asset_system_system_id_index', properties: ['systemId'] }],
  properties: {
    assetId: p.uuid().primary(),
    asset: () => sameMunicipality(InformationAsset, 'asset_id', 'information_asset_system_asset_id_foreign').updateRule('cascade').deleteRule('cascade'),
    systemId: p.uuid().primary(),
    system: () => sameMunicipality(System, 'system_id', 'information_asset_system_system_id_foreign').updateRule('cascade').deleteRule('cascade'),
    municipality: () => tenant('information_asset_system_municipality_id_foreign'),
  },
});

export const DataItem = defineEntity({
  name: 'DataItem',
  tableName: 'data_item',
  indexes: [{ name: 'data_item_asset_id_index', properties: ['assetId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('data_item_municipality_id_foreign'),
    assetId: p.uuid(),
    asset: () => sameMunicipality(InformationAsset, 'asset_id', 'data_item_asset_id_foreign'),
    name: p.string().length(300),
    /** 住民基本台帳法 第7条 item 1–8 (ARK-14-1 exemption). */
    basicResidentItem: p.smallint().nullable(),
    personal: p.boolean().default(false),
    sortOrder: p.integer().default(0),
  },
});

export const Committee = defineEntity({
  name: 'Committee',
  tableName: 'committee',
  uniques: [{ name: 'committee_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('committee_municipality_id_foreign'),
    key: p.string().length(120),
    rulebookId: p.string().length(8),
    name: p.string().length(200),
    nameEn: p.string().length(200),
    chairPositionId: p.uuid(),
    chairPosition: () => sameMunicipality(Position, 'chair_position_id', 'committee_chair_position_id_foreign'),
    secretariatOrgUnitId: p.uuid(),
    secretariatOrgUnit: () => sameMunicipality(OrgUnit, 'secretariat_org_unit_id', 'committee_secretariat_org_unit_id_foreign'),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

export const CommitteeMember = defineEntity({
  name: 'CommitteeMember',
  tableName: 'committee_member',
  properties: {
    committeeId: p.uuid().primary(),
    committee: () => sameMunicipality(Committee, 'committee_id', 'committee_member_committee_id_foreign').updateRule('cascade').deleteRule('cascade'),
    positionId: p.uuid().primary(),
    position: () => sameMunicipality(Position, 'position_id', 'committee_member_position_id_foreign').updateRule('cascade').deleteRule('cascade'),
    municipality: () => tenant('committee_member_municipality_id_foreign'),
    sortOrder: p.integer().default(0),
  },
});

/**
 * Licences purchased for a system (MNT-18). The 保健福祉課長 keeps the sections' total within them
 * (MNT-18-1); the server checks it, never trusting a total sent by a client.
 */
export const LicencePool = defineEntity({
  name: 'LicencePool',
  tableName: 'licence_pool',
  checks: [{ name: 'licence_pool_purchased_total_check', expression: 'purchased_total >= 0' }],
  properties: {
    systemId: p.uuid().primary(),
    system: () => sameMunicipality(System, 'system_id', 'licence_pool_system_id_fkey'),
    municipality: () => tenant('licence_pool_municipality_id_fkey'),
    purchasedTotal: p.integer(),
    version: p.integer().version().default(1),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});

/** The licences of a system that one section holds (MNT-18). */
export const LicenceAllocation = defineEntity({
  name: 'LicenceAllocation',
  tableName: 'licence_allocation',
  checks: [{ name: 'licence_allocation_count_check', expression: 'count >= 0' }],
  properties: {
    systemId: p.uuid().primary(),
    system: () => sameMunicipality(System, 'system_id', 'licence_allocation_system_id_fkey'),
    orgUnitId: p.uuid().primary(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'licence_allocation_org_unit_id_fkey'),
    municipality: () => tenant('licence_allocation_municipality_id_fkey'),
    count: p.integer(),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});
