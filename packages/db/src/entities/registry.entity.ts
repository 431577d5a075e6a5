import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Municipality } from './tenancy.entity.ts';
import { Contractor, OrgUnit, Position } from './organization.entity.ts';

/** 電子情報システム */
export const System = defineEntity({
  name: 'System',
  tableName: 'system',
  uniques: [{ properties: ['municipality', 'key'] }],
  indexes: [{ properties: ['municipality', 'name'] }, { properties: ['managingOrgUnit'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120).nullable(),
    name: p.string().length(200),
    businessContent: p.text(),
    managingOrgUnit: () => p.manyToOne(OrgUnit).index(false),
    managementType: p.string().length(20),
    lifecycleStatus: p.string().length(20),
    rulebookId: p.string().length(8).nullable(),
    contractor: () => p.manyToOne(Contractor).nullable(),
    /** Security-sensitive (SPEC §5): network layout and known vulnerabilities. */
    networkDescription: p.text().nullable(),
    vulnerabilityNotes: p.text().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export const SystemUsingOrgUnit = defineEntity({
  name: 'SystemUsingOrgUnit',
  tableName: 'system_using_org_unit',
  properties: {
    system: () => p.manyToOne(System).primary(),
    orgUnit: () => p.manyToOne(OrgUnit).primary(),
    municipality: () => p.manyToOne(Municipality).index(false),
    sortOrder: p.integer().default(0),
  },
});

/** 情報資産 */
export const InformationAsset = defineEntity({
  name: 'InformationAsset',
  tableName: 'information_asset',
  uniques: [{ properties: ['municipality', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120).nullable(),
    name: p.string().length(300),
    business: p.text(),
    /** business, or one of the assets holding the API's protected fields (staff_contacts …). */
    kind: p.string().length(30).default('business'),
    confidentiality: p.string().length(4),
    integrity: p.string().length(4),
    availability: p.string().length(4),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** 情報管理責任者: an asset may have several owners (KWW 別表). */
export const InformationAssetOwner = defineEntity({
  name: 'InformationAssetOwner',
  tableName: 'information_asset_owner',
  indexes: [{ properties: ['position'] }],
  properties: {
    asset: () => p.manyToOne(InformationAsset).primary(),
    position: () => p.manyToOne(Position).primary(),
    municipality: () => p.manyToOne(Municipality).index(false),
    sortOrder: p.integer().default(0),
  },
});

export const InformationAssetSystem = defineEntity({
  name: 'InformationAssetSystem',
  tableName: 'information_asset_system',
  indexes: [{ properties: ['system'] }],
  properties: {
    asset: () => p.manyToOne(InformationAsset).primary(),
    system: () => p.manyToOne(System).primary(),
    municipality: () => p.manyToOne(Municipality).index(false),
  },
});

export const DataItem = defineEntity({
  name: 'DataItem',
  tableName: 'data_item',
  indexes: [{ properties: ['asset'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    asset: () => p.manyToOne(InformationAsset).index(false),
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
  uniques: [{ properties: ['municipality', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120),
    rulebookId: p.string().length(8),
    name: p.string().length(200),
    nameEn: p.string().length(200),
    chairPosition: () => p.manyToOne(Position),
    secretariatOrgUnit: () => p.manyToOne(OrgUnit),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

export const CommitteeMember = defineEntity({
  name: 'CommitteeMember',
  tableName: 'committee_member',
  properties: {
    committee: () => p.manyToOne(Committee).primary(),
    position: () => p.manyToOne(Position).primary(),
    municipality: () => p.manyToOne(Municipality).index(false),
    sortOrder: p.integer().default(0),
  },
});
