import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { sameMunicipality, tenant } from './tenant-keys.ts';

export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  indexes: [{ name: 'org_unit_municipality_id_parent_id_index', properties: ['municipality', 'parentId'] }],
  uniques: [{ name: 'org_unit_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('org_unit_municipality_id_foreign'),
    key: p.string().length(120),
    parentId: p.uuid().nullable(),
    parent: () => sameMunicipality(OrgUnit, 'parent_id', 'org_unit_parent_id_foreign').nullable().deleteRule('set null (parent_id)'),
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
  uniques: [{ name: 'position_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('position_municipality_id_foreign'),
    key: p.string().length(160),
    orgUnitId: p.uuid(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'position_org_unit_id_foreign'),
    title: p.string().length(60),
    name: p.string().length(120),
    kind: p.string().length(16),
    sortOrder: p.integer().default(0),
  },
});

export const Staff = defineEntity({
  name: 'Staff',
  tableName: 'staff',
  uniques: [
    { name: 'staff_municipality_id_key_unique', properties: ['municipality', 'key'] },
    { name: 'staff_municipality_id_username_unique', properties: ['municipality', 'username'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('staff_municipality_id_foreign'),
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
  indexes: [
    { name: 'position_tenure_staff_id_index', properties: ['staffId'] },
    { name: 'position_tenure_position_id_index', properties: ['positionId'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('position_tenure_municipality_id_foreign'),
    staffId: p.uuid(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'position_tenure_staff_id_foreign'),
    positionId: p.uuid(),
    position: () => sameMunicipality(Position, 'position_id', 'position_tenure_position_id_foreign'),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  },
});

/** A rulebook role bound to a position, possibly split by scope (KWW-3-1). */
export const RoleBinding = defineEntity({
  name: 'RoleBinding',
  tableName: 'role_binding',
  indexes: [{ name: 'role_binding_position_id_index', properties: ['positionId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('role_binding_municipality_id_foreign'),
    rulebookId: p.string().length(8),
    roleKey: p.string().length(60),
    positionId: p.uuid(),
    position: () => sameMunicipality(Position, 'position_id', 'role_binding_position_id_foreign'),
    scopeKey: p.string().length(60).nullable(),
    scopeLabel: p.string().length(200).nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

export const Contractor = defineEntity({
  name: 'Contractor',
  tableName: 'contractor',
  uniques: [{ name: 'contractor_municipality_id_key_unique', properties: ['municipality', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('contractor_municipality_id_foreign'),
    key: p.string().length(120),
    name: p.string().length(200),
  },
});

export const ContractorPerson = defineEntity({
  name: 'ContractorPerson',
  tableName: 'contractor_person',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('contractor_person_municipality_id_foreign'),
    contractorId: p.uuid(),
    contractor: () => sameMunicipality(Contractor, 'contractor_id', 'contractor_person_contractor_id_foreign'),
    key: p.string().length(120),
    name: p.string().length(100),
    // Contractor contacts: protected fields (SPEC §5).
    email: p.string().length(200),
    phone: p.string().length(30),
  },
});
