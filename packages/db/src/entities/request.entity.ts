import { defineEntity, p } from '@mikro-orm/core';
import type { RuleId } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Municipality } from './tenancy.entity.ts';
import { Staff } from './organization.entity.ts';
import { System } from './registry.entity.ts';

/** 申請: a request of a kind, with its content and the route computed from the rulebook. */
export const Request = defineEntity({
  name: 'Request',
  tableName: 'request',
  uniques: [{ properties: ['municipality', 'number'] }, { properties: ['municipality', 'requester', 'idempotencyKey'] }],
  indexes: [{ properties: ['requester', 'filedAt'] }, { properties: ['municipality', 'status', 'filedAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    /** Human reference, e.g. R8-000123 (令和8年度). */
    number: p.string().length(30),
    kindKey: p.string().length(60),
    rulebookId: p.string().length(8),
    system: () => p.manyToOne(System).nullable(),
    requester: () => p.manyToOne(Staff).index(false),
    /** Set when a deputy filed on behalf of the role holder. */
    onBehalfOf: () => p.manyToOne(Staff).nullable(),
    /** submitted → in_progress → approved | rejected; returned (for correction) and withdrawn are first-class. */
    status: p.string().length(20),
    content: p.json().$type<Record<string, unknown>>(),
    routeNotes: p.json().$type<unknown[]>(),
    ruleIds: p.array().$type<RuleId[]>(),
    /** A due date the rulebook sets (ARK-12-2), in the municipality's calendar. */
    dueOn: p.string().columnType('date').nullable(),
    /** Resubmission round: a returned request restarts its route. */
    round: p.integer().default(1),
    idempotencyKey: p.string().length(100).nullable(),
    filedAt: p.datetime(),
    decidedAt: p.datetime().nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** One step of a request's route: who acts, what kind of act, and the legal basis. */
export const RequestStep = defineEntity({
  name: 'RequestStep',
  tableName: 'request_step',
  indexes: [{ properties: ['request', 'round', 'seq'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    request: () => p.manyToOne(Request).index(false),
    round: p.integer(),
    seq: p.integer(),
    stage: p.integer(),
    key: p.string().length(60),
    kind: p.string().length(20),
    actor: p.json().$type<Record<string, unknown>>(),
    subjectId: p.string().length(80).nullable(),
    labelJa: p.string().length(200),
    labelEn: p.string().length(200),
    ruleIds: p.array().$type<RuleId[]>(),
    /** waiting → open → done; a step of a stage that is not reached stays waiting. */
    status: p.string().length(12),
    /** Resolved when the step opens: the positions, people or contractor who may act (the inbox reads them). */
    actorPositionIds: p.array().$type<string[]>().nullable(),
    actorStaffIds: p.array().$type<string[]>().nullable(),
    actorContractorId: p.uuid().nullable(),
    actorCommitteeId: p.uuid().nullable(),
    decision: p.string().length(20).nullable(),
    decidedBy: () => p.manyToOne(Staff).nullable(),
    onBehalfOf: () => p.manyToOne(Staff).nullable(),
    decidedAt: p.datetime().nullable(),
    comment: p.text().nullable(),
    /** What a perform step records (対応内容, 作業完了日 …). */
    record: p.json().$type<Record<string, unknown>>().nullable(),
    /** Resubmitting the same decision with this key returns the first result. */
    idempotencyKey: p.string().length(100).nullable(),
    openedAt: p.datetime().nullable(),
  },
});

/** E-mail written in the same transaction as what it tells; a worker delivers it (SMTP or a file sink). */
export const MailOutbox = defineEntity({
  name: 'MailOutbox',
  tableName: 'mail_outbox',
  indexes: [{ properties: ['sentAt', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    recipient: () => p.manyToOne(Staff).nullable(),
    toAddress: p.string().length(200),
    subject: p.string().length(300),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.string().length(500).nullable(),
  },
});
