import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { ContractorPerson, OrgUnit, Position, Staff } from './organization.entity.ts';
import { InformationAsset, System } from './registry.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

/**
 * A deputy acting on behalf of whoever holds a position (MNT-6-4, MNT-7-3, KTM-3-6, KWW-4-1).
 * Every action taken as a deputy records both people.
 */
export const Deputation = defineEntity({
  name: 'Deputation',
  tableName: 'deputation',
  indexes: [{ name: 'deputation_deputy_staff_id_index', properties: ['deputyStaffId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('deputation_municipality_id_foreign'),
    deputyStaffId: p.uuid(),
    deputyStaff: () => sameMunicipality(Staff, 'deputy_staff_id', 'deputation_deputy_staff_id_foreign'),
    principalPositionId: p.uuid(),
    principalPosition: () => sameMunicipality(Position, 'principal_position_id', 'deputation_principal_position_id_foreign'),
    rulebookId: p.string().length(8),
    roleKeys: p.array(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/**
 * A declared absence of a position's holder (KTM-3-6: 統括管理者に事故があるとき), days inclusive: a
 * deputation under such a rule is in force on these days only. Who declared it, and when, is kept.
 */
export const Absence = defineEntity({
  name: 'Absence',
  tableName: 'absence',
  indexes: [{ name: 'absence_position_id_index', properties: ['positionId', 'validFrom'] }],
  checks: [{ name: 'absence_period_check', expression: 'valid_to >= valid_from' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('absence_municipality_id_fkey'),
    positionId: p.uuid(),
    position: () => sameMunicipality(Position, 'position_id', 'absence_position_id_foreign'),
    absentStaffId: p.uuid().nullable(),
    absentStaff: () => sameMunicipality(Staff, 'absent_staff_id', 'absence_absent_staff_id_foreign').nullable().deleteRule('set null (absent_staff_id)'),
    validFrom: p.date(),
    validTo: p.date(),
    reason: p.string().length(500),
    declaredById: p.uuid(),
    declaredBy: () => sameMunicipality(Staff, 'declared_by_id', 'absence_declared_by_id_foreign'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'absence_on_behalf_of_id_foreign').nullable().deleteRule('set null (on_behalf_of_id)'),
    declaredAt: p.datetime(),
  },
});

/** A staff member's right to use a system with an authority profile (操作権限). */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  indexes: [
    { name: 'account_system_id_change_seq_index', properties: ['systemId', 'changeSeq'] },
    { name: 'account_staff_id_index', properties: ['staffId'] },
  ],
  // One open account per person and system.
  uniques: [{ name: 'account_open_unique', properties: ['staffId', 'systemId', 'municipality'], where: 'ended_at is null' }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('account_municipality_id_foreign'),
    staffId: p.uuid(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'account_staff_id_foreign'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'account_system_id_foreign'),
    authorityProfile: p.string().length(100),
    validFrom: p.datetime(),
    /** MNT-11: the end date declared at application (exclusive). */
    validTo: p.datetime().nullable(),
    /** KTM-11: valid only while the holder holds this position. */
    dutyPositionId: p.uuid().nullable(),
    dutyPosition: () => sameMunicipality(Position, 'duty_position_id', 'account_duty_position_id_foreign').nullable().deleteRule('set null (duty_position_id)'),
    suspendedAt: p.datetime().nullable(),
    suspensionReason: p.string().length(500).nullable(),
    /** The rules the suspension was made under, by its ground (KTM-10-4 or KTM-10-1/KTM-10-3, MNT-16); null: the rulebook's default. */
    suspensionRuleIds: p.array().$type<RuleId[]>().nullable(),
    endedAt: p.datetime().nullable(),
    endReason: p.string().length(500).nullable(),
    /** KTM-12-1: what the account is used for (the holder's duties, training, or a use the managers allow). */
    purpose: p.string().length(500).nullable(),
    /** ARK-10-1: the chief of the using section who approved the holder as an operator, and when. */
    operatorApprovedById: p.uuid().nullable(),
    operatorApprovedBy: () =>
      sameMunicipality(Staff, 'operator_approved_by_id', 'account_operator_approved_by_id_foreign').nullable().deleteRule('set null (operator_approved_by_id)'),
    operatorApprovedAt: p.datetime().nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    /** Feed position: every change takes the next value of account_change_seq (trigger account_touch). */
    changeSeq: p.bigint().defaultRaw(`'0'::bigint`),
    version: p.integer().version().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    /** Transaction of the last change, for the feed's visibility fence; set by the same trigger. */
    changeXid: p.string().columnType('xid8').defaultRaw('pg_current_xact_id()').lazy(),
  },
});

/** KTM-10-6: a user's request to have their password reset. */
export const PasswordResetRequest = defineEntity({
  name: 'PasswordResetRequest',
  tableName: 'password_reset_request',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('password_reset_request_municipality_id_foreign'),
    accountId: p.uuid(),
    account: () => sameMunicipality(Account, 'account_id', 'password_reset_request_account_id_foreign'),
    requestedAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
    completedById: p.uuid().nullable(),
    completedBy: () =>
      sameMunicipality(Staff, 'completed_by_id', 'password_reset_request_completed_by_id_foreign').nullable().deleteRule('set null (completed_by_id)'),
  },
});

/** A viewer's right to see protected fields of an information asset, approved by its owner(s). */
export const Grant = defineEntity({
  name: 'Grant',
  tableName: 'access_grant',
  indexes: [
    { name: 'access_grant_grantee_id_index', properties: ['granteeId'] },
    { name: 'access_grant_asset_id_index', properties: ['assetId'] },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('access_grant_municipality_id_foreign'),
    assetId: p.uuid(),
    asset: () => sameMunicipality(InformationAsset, 'asset_id', 'access_grant_asset_id_foreign'),
    granteeId: p.uuid(),
    grantee: () => sameMunicipality(Staff, 'grantee_id', 'access_grant_grantee_id_foreign'),
    /** The duty it is for: lapses when the grantee leaves this position. */
    positionId: p.uuid().nullable(),
    position: () => sameMunicipality(Position, 'position_id', 'access_grant_position_id_foreign').nullable().deleteRule('set null (position_id)'),
    validFrom: p.datetime(),
    validTo: p.datetime().nullable(),
    suspendedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    /** Protected field names covered; null = all of the asset's. */
    fields: p.array().nullable(),
    purpose: p.string().length(500),
    requestedById: p.uuid(),
    requestedBy: () => sameMunicipality(Staff, 'requested_by_id', 'access_grant_requested_by_id_foreign'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** Who suspended, reinstated or revoked a grant, and when (a deputy on behalf of the owner). Append-only. */
export const GrantChange = defineEntity({
  name: 'GrantChange',
  tableName: 'access_grant_change',
  indexes: [{ name: 'access_grant_change_grant_id_index', properties: ['grantId', 'changedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('access_grant_change_municipality_id_fkey'),
    grantId: p.uuid(),
    grant: () => sameMunicipality(Grant, 'grant_id', 'access_grant_change_grant_id_foreign').updateRule('cascade').deleteRule('cascade'),
    change: p.enum(['suspended', 'reinstated', 'revoked']).columnType('varchar(12)'),
    changedAt: p.datetime(),
    changedById: p.uuid(),
    changedBy: () => sameMunicipality(Staff, 'changed_by_id', 'access_grant_change_changed_by_id_foreign'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () =>
      sameMunicipality(Staff, 'on_behalf_of_id', 'access_grant_change_on_behalf_of_id_foreign').nullable().deleteRule('set null (on_behalf_of_id)'),
  },
});

/** One owner's approval of a grant; the grant is active when every owner position has approved. */
export const GrantApproval = defineEntity({
  name: 'GrantApproval',
  tableName: 'access_grant_approval',
  properties: {
    grantId: p.uuid().primary(),
    grant: () => sameMunicipality(Grant, 'grant_id', 'access_grant_approval_grant_id_foreign').updateRule('cascade').deleteRule('cascade'),
    ownerPositionId: p.uuid().primary(),
    ownerPosition: () =>
      sameMunicipality(Position, 'owner_position_id', 'access_grant_approval_owner_position_id_foreign').updateRule('cascade').deleteRule('cascade'),
    municipality: () => tenant('access_grant_approval_municipality_id_foreign'),
    approvedById: p.uuid(),
    approvedBy: () => sameMunicipality(Staff, 'approved_by_id', 'access_grant_approval_approved_by_id_foreign'),
    /** Set when a deputy approved on behalf of the owner. */
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () =>
      sameMunicipality(Staff, 'on_behalf_of_id', 'access_grant_approval_on_behalf_of_id_foreign').nullable().deleteRule('set null (on_behalf_of_id)'),
    approvedAt: p.datetime().onCreate(() => new Date()),
  },
});

/**
 * KWO-6: who may handle an information asset, designated by a システム利用責任者. Staff outside the
 * designating chief's own supervision need the 情報資産管理責任者's prior permission.
 */
export const Designation = defineEntity({
  name: 'Designation',
  tableName: 'designation',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('designation_municipality_id_foreign'),
    assetId: p.uuid(),
    asset: () => sameMunicipality(InformationAsset, 'asset_id', 'designation_asset_id_foreign'),
    staffId: p.uuid(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'designation_staff_id_foreign'),
    designatedById: p.uuid(),
    designatedBy: () => sameMunicipality(Staff, 'designated_by_id', 'designation_designated_by_id_foreign'),
    /** The using place (利用場所) the designation is for. */
    orgUnitId: p.uuid(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'designation_org_unit_id_foreign'),
    outsideSupervision: p.boolean(),
    permittedById: p.uuid().nullable(),
    permittedBy: () => sameMunicipality(Staff, 'permitted_by_id', 'designation_permitted_by_id_foreign').nullable().deleteRule('set null (permitted_by_id)'),
    permittedAt: p.datetime().nullable(),
    validFrom: p.datetime(),
    validTo: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** Emergency contact network of a system (KWW-9, KTM-14, KWO-10). */
export const ContactNetwork = defineEntity({
  name: 'ContactNetwork',
  tableName: 'contact_network',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('contact_network_municipality_id_foreign'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'contact_network_system_id_foreign'),
    name: p.string().length(200),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version().default(1),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export const ContactNetworkMember = defineEntity({
  name: 'ContactNetworkMember',
  tableName: 'contact_network_member',
  indexes: [{ name: 'contact_network_member_network_id_index', properties: ['networkId'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('contact_network_member_municipality_id_foreign'),
    networkId: p.uuid(),
    network: () => sameMunicipality(ContactNetwork, 'network_id', 'contact_network_member_network_id_foreign'),
    /** The duty in the network, e.g. 連絡担当, システム管理責任者, 保守事業者窓口. */
    duty: p.string().length(100),
    staffId: p.uuid().nullable(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'contact_network_member_staff_id_foreign').nullable().deleteRule('set null (staff_id)'),
    contractorPersonId: p.uuid().nullable(),
    contractorPerson: () =>
      sameMunicipality(ContractorPerson, 'contractor_person_id', 'contact_network_member_contractor_person_id_foreign')
        .nullable()
        .deleteRule('set null (contractor_person_id)'),
    /** KWW-9-2 / KTM-14-4: the network must name people who can give information and who can decide. */
    canInform: p.boolean(),
    canDecide: p.boolean(),
    phone: p.string().length(30),
    sortOrder: p.integer().default(0),
  },
});

/** In-app notices (e.g. KTM-10-5: the section head is told of a revocation). */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  indexes: [{ name: 'notification_recipient_id_created_at_index', properties: ['recipientId', 'createdAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('notification_municipality_id_foreign'),
    recipientId: p.uuid(),
    recipient: () => sameMunicipality(Staff, 'recipient_id', 'notification_recipient_id_foreign'),
    kind: p.string().length(60),
    subject: p.string().length(300),
    body: p.text(),
    targetType: p.string().length(60).nullable(),
    targetId: p.string().length(80).nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    readAt: p.datetime().nullable(),
  },
});

/**
 * The municipality's authorization epoch: every change to what authorization decisions read
 * (tenures, role bindings, deputations, grants and their approvals, asset owners and
 * classification) bumps it, through statement triggers; resolve_session returns it, so the gateway
 * caches decision facts per epoch and never serves them stale.
 */
export const AuthzEpoch = defineEntity({
  name: 'AuthzEpoch',
  tableName: 'authz_epoch',
  properties: {
    municipality: () => tenant('authz_epoch_municipality_id_fkey'),
    epoch: p.bigint().defaultRaw('0'),
  },
});
