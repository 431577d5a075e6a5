import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { tenant } from './tenant-keys.ts';

/**
 * Append-only, hash-chained per municipality (MNT-4-1-7, MNT-19-3). The application role may
 * INSERT and SELECT only; events are appended by append_audit_events() (hash version 2:
 * `hash = sha256(prev_hash || '\n' || seq || '\n' || digest)`).
 *
 * The table is partitioned by range on occurred_at, one partition per month in Japan time plus a
 * default one (migration …160000-audit-partitions; ensure_audit_partitions() creates the months
 * ahead at every start). The partitions come and go with the calendar and the archive, so they are
 * not declared here: without `partitionBy`, MikroORM leaves a table's partitioning alone, and it
 * never lists partitions as tables of their own.
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [
    { name: 'audit_event_municipality_id_occurred_at_index', properties: ['municipality', 'occurredAt'] },
    { name: 'audit_event_municipality_id_target_type_target_id_index', properties: ['municipality', 'targetType', 'targetId'] },
    { name: 'audit_event_target_ids_index', properties: ['targetIds'], type: 'gin' },
  ],
  properties: {
    /** Not the key: the sequence audit_event_id_seq numbers events across municipalities, in insertion order. */
    id: p.bigint().autoincrement(),
    // The key is the chain's own identity plus the partition key, which every key of a partitioned table must include.
    municipality: () => tenant('audit_event_municipality_id_foreign'),
    seq: p.bigint().primary(),
    occurredAt: p.datetime().primary(),
    actorStaffId: p.uuid().nullable(),
    actorTokenId: p.uuid().nullable(),
    onBehalfOfStaffId: p.uuid().nullable(),
    action: p.string().length(80),
    targetType: p.string().length(60),
    targetId: p.string().length(80).nullable(),
    /** One read event per request and kind of record names every record read. */
    targetIds: p.array().nullable(),
    fields: p.array().nullable(),
    before: p.json().nullable(),
    after: p.json().nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    requestId: p.string().length(64).nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
    /** 1: the first scheme, kept by the events written with it; 2: the chain extended by append_audit_events(). */
    hashVersion: p.smallint().default(2),
  },
});

/** Head of each municipality's audit chain; locked FOR UPDATE to serialise appends. */
export const AuditChainHead = defineEntity({
  name: 'AuditChainHead',
  tableName: 'audit_chain_head',
  properties: {
    municipality: () => tenant('audit_chain_head_municipality_id_foreign').updateRule('cascade').deleteRule('cascade'),
    lastSeq: p.bigint(),
    lastHash: p.string().length(64),
  },
});

/**
 * The last event of a municipality in a month archived by `npm run audit:archive`: verification
 * starts each chain at its newest anchor.
 */
export const AuditChainAnchor = defineEntity({
  name: 'AuditChainAnchor',
  tableName: 'audit_chain_anchor',
  uniques: [{ name: 'audit_chain_anchor_municipality_id_archived_month_key', properties: ['municipality', 'archivedMonth'] }],
  properties: {
    municipality: () => tenant('audit_chain_anchor_municipality_id_fkey'),
    seq: p.bigint().primary(),
    hash: p.string().length(64),
    /** The first day of the month archived (Japan time). */
    archivedMonth: p.date(),
    archivedAt: p.datetime(),
    /** SHA-256 of the archive file audit_event_yYYYYmMM.jsonl.gz that holds the month's events. */
    fileSha256: p.string().length(64),
  },
});
