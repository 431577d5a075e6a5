import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Municipality } from './tenancy.entity.ts';

export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  indexes: [{ properties: ['municipality', 'parent'] }],
  uniques: [{ properties: ['municipality', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120),
    parent: () => p.manyToOne(OrgUnit).nullable().index(false),
    name: p.string().length(100),
    nameEn: p.string().length(200),
    /** department (局・部) / section (課・室・センター) / unit (係) */
    level: p.string().length(16),
    sortOrder: p.integer().default(0),
  },
});

export const Position = defineEntity({
  name: 'Position',
  tableName: 'position',
  uniques: [{ properties: ['municipality', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(160),
    orgUnit: () => p.manyToOne(OrgUnit),
    title: p.string().length(60),
    name: p.string().length(120),
    kind: p.string().length(16),
    sortOrder: p.integer().default(0),
  },
});

export const Staff = defineEntity({
  name: 'Staff',
  tableName: 'staff',
  uniques: [{ properties: ['municipality', 'key'] }, { properties: ['municipality', 'username'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120).nullable(),
    familyName: p.string().length(60),
    givenName: p.string().length(60),
    familyNameKana: p.string().length(60),
    givenNameKana: p.string().length(60),
    employeeNumber: p.string().length(20),
    email: p.string().length(200),
    extension: p.string().length(20),
    // Personal contact details: protected fields (SPEC §5).
    personalPhone: p.string().length(30).nullable(),
    username: p.string().length(60).nullable(),
    passwordHash: p.string().length(200).nullable().lazy(),
    registryAdmin: p.boolean().default(false),
    failedSignIns: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** A staff member holding a position over time (人事異動 keeps history). */
export const PositionTenure = defineEntity({
  name: 'PositionTenure',
  tableName: 'position_tenure',
  indexes: [{ properties: ['staff'] }, { properties: ['position'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    staff: () => p.manyToOne(Staff).index(false),
    position: () => p.manyToOne(Position).index(false),
    validFrom: p.string().columnType('date'),
    validTo: p.string().columnType('date').nullable(),
  },
});

/** A rulebook role bound to a position, possibly split by scope (KWW-3-1). */
export const RoleBinding = defineEntity({
  name: 'RoleBinding',
  tableName: 'role_binding',
  indexes: [{ properties: ['position'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    rulebookId: p.string().length(8),
    roleKey: p.string().length(60),
    position: () => p.manyToOne(Position).index(false),
    scopeKey: p.string().length(60).nullable(),
    scopeLabel: p.string().length(200).nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

export const Contractor = defineEntity({
  name: 'Contractor',
  tableName: 'contractor',
  uniques: [{ properties: ['municipality', 'key'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    key: p.string().length(120),
    name: p.string().length(200),
  },
});

export const ContractorPerson = defineEntity({
  name: 'ContractorPerson',
  tableName: 'contractor_person',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    contractor: () => p.manyToOne(Contractor),
    key: p.string().length(120),
    name: p.string().length(100),
    // Contractor contacts: protected fields (SPEC §5).
    email: p.string().length(200),
    phone: p.string().length(30),
  },
});
