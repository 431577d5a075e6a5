import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Municipality } from './tenancy.entity.ts';
import { ContractorPerson, OrgUnit, Position, Staff } from './organization.entity.ts';
import { InformationAsset, System } from './registry.entity.ts';

/**
 * A deputy acting on behalf of whoever holds a position (MNT-6-4, MNT-7-3, KTM-3-6, KWW-4-1).
 * Every action taken as a deputy records both people.
 */
export const Deputation = defineEntity({
  name: 'Deputation',
  tableName: 'deputation',
  indexes: [{ properties: ['deputyStaff'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    deputyStaff: () => p.manyToOne(Staff).index(false),
    principalPosition: () => p.manyToOne(Position),
    rulebookId: p.string().length(8),
    roleKeys: p.array().$type<string[]>(),
    validFrom: p.string().columnType('date'),
    validTo: p.string().columnType('date').nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** A staff member's right to use a system with an authority profile (操作権限). */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  indexes: [{ properties: ['system', 'changeSeq'] }, { properties: ['staff'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    staff: () => p.manyToOne(Staff).index(false),
    system: () => p.manyToOne(System).index(false),
    authorityProfile: p.string().length(100),
    validFrom: p.datetime(),
    /** MNT-11: the end date declared at application (exclusive). */
    validTo: p.datetime().nullable(),
    /** KTM-11: valid only while the holder holds this position. */
    dutyPosition: () => p.manyToOne(Position).nullable(),
    suspendedAt: p.datetime().nullable(),
    suspensionReason: p.string().length(500).nullable(),
    endedAt: p.datetime().nullable(),
    endReason: p.string().length(500).nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    /** Feed position: every change takes the next value (see migration: trigger). */
    changeSeq: p.bigint().default(0),
    /** Transaction of the last change (xid8), for the feed's visibility fence; set by the trigger. */
    changeXid: p.string().columnType('xid8').lazy().persist(false),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** KTM-10-6: a user's request to have their password reset. */
export const PasswordResetRequest = defineEntity({
  name: 'PasswordResetRequest',
  tableName: 'password_reset_request',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    account: () => p.manyToOne(Account),
    requestedAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
    completedBy: () => p.manyToOne(Staff).nullable(),
  },
});

/** A viewer's right to see protected fields of an information asset, approved by its owner(s). */
export const Grant = defineEntity({
  name: 'Grant',
  tableName: 'access_grant',
  indexes: [{ properties: ['grantee'] }, { properties: ['asset'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    asset: () => p.manyToOne(InformationAsset).index(false),
    grantee: () => p.manyToOne(Staff).index(false),
    /** The duty it is for: lapses when the grantee leaves this position. */
    position: () => p.manyToOne(Position).nullable(),
    validFrom: p.datetime(),
    validTo: p.datetime().nullable(),
    suspendedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    /** Protected field names covered; null = all of the asset's. */
    fields: p.array().$type<string[]>().nullable(),
    purpose: p.string().length(500),
    requestedBy: () => p.manyToOne(Staff),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

/** Who suspended, reinstated or revoked a grant, and when (a deputy on behalf of the owner). Append-only. */
export const GrantChange = defineEntity({
  name: 'GrantChange',
  tableName: 'access_grant_change',
  indexes: [{ properties: ['grant', 'changedAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    grant: () => p.manyToOne(Grant).index(false),
    change: p.string().length(12).$type<'suspended' | 'reinstated' | 'revoked'>(),
    changedAt: p.datetime(),
    changedBy: () => p.manyToOne(Staff),
    onBehalfOf: () => p.manyToOne(Staff).nullable(),
  },
});

/** One owner's approval of a grant; the grant is active when every owner position has approved. */
export const GrantApproval = defineEntity({
  name: 'GrantApproval',
  tableName: 'access_grant_approval',
  properties: {
    grant: () => p.manyToOne(Grant).primary(),
    ownerPosition: () => p.manyToOne(Position).primary(),
    municipality: () => p.manyToOne(Municipality).index(false),
    approvedBy: () => p.manyToOne(Staff),
    /** Set when a deputy approved on behalf of the owner. */
    onBehalfOf: () => p.manyToOne(Staff).nullable(),
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
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    asset: () => p.manyToOne(InformationAsset),
    staff: () => p.manyToOne(Staff),
    designatedBy: () => p.manyToOne(Staff),
    /** The using place (利用場所) the designation is for. */
    orgUnit: () => p.manyToOne(OrgUnit),
    outsideSupervision: p.boolean(),
    permittedBy: () => p.manyToOne(Staff).nullable(),
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
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    system: () => p.manyToOne(System),
    name: p.string().length(200),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export const ContactNetworkMember = defineEntity({
  name: 'ContactNetworkMember',
  tableName: 'contact_network_member',
  indexes: [{ properties: ['network'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    network: () => p.manyToOne(ContactNetwork).index(false),
    /** The duty in the network, e.g. 連絡担当, システム管理責任者, 保守事業者窓口. */
    duty: p.string().length(100),
    staff: () => p.manyToOne(Staff).nullable(),
    contractorPerson: () => p.manyToOne(ContractorPerson).nullable(),
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
  indexes: [{ properties: ['recipient', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    recipient: () => p.manyToOne(Staff).index(false),
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
