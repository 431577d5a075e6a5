import { defineEntity, p } from '@mikro-orm/core';
import { Municipality } from './tenancy.entity.ts';

/**
 * Append-only, hash-chained per municipality (MNT-4-1-7, MNT-19-3). The application role may
 * INSERT and SELECT only; `hash = sha256(prevHash || canonical(event))`.
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ properties: ['municipality', 'occurredAt'] }, { properties: ['municipality', 'targetType', 'targetId'] }],
  uniques: [{ properties: ['municipality', 'seq'] }],
  properties: {
    id: p.bigint().primary().autoincrement(),
    municipality: () => p.manyToOne(Municipality).index(false),
    seq: p.bigint(),
    occurredAt: p.datetime(),
    actorStaffId: p.uuid().nullable(),
    actorTokenId: p.uuid().nullable(),
    onBehalfOfStaffId: p.uuid().nullable(),
    action: p.string().length(80),
    targetType: p.string().length(60),
    targetId: p.string().length(80).nullable(),
    fields: p.array().$type<string[]>().nullable(),
    before: p.json().nullable(),
    after: p.json().nullable(),
    ruleIds: p.array().$type<string[]>(),
    requestId: p.string().length(64).nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
});

/** Head of each municipality's audit chain; locked FOR UPDATE to serialise appends. */
export const AuditChainHead = defineEntity({
  name: 'AuditChainHead',
  tableName: 'audit_chain_head',
  properties: {
    municipality: () => p.oneToOne(Municipality).primary(),
    lastSeq: p.bigint(),
    lastHash: p.string().length(64),
  },
});
