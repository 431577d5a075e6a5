import { defineEntity, p } from '@mikro-orm/core';
import type { RequestStatus, RouteResult, RuleId, StepKind, StepStatus } from '@tsukasa/domain';
import { randomUUID } from 'node:crypto';
import { Staff } from './organization.entity.ts';
import { System } from './registry.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

/** 申請: a request of a kind, with its content and the route computed from the rulebook. */
export const Request = defineEntity({
  name: 'Request',
  tableName: 'request',
  uniques: [
    { name: 'request_municipality_id_number_unique', properties: ['municipality', 'number'] },
    { name: 'request_municipality_id_requester_id_idempotency_key_unique', properties: ['municipality', 'requesterId', 'idempotencyKey'] },
  ],
  indexes: [
    { name: 'request_requester_id_filed_at_index', properties: ['requesterId', 'filedAt'] },
    { name: 'request_municipality_id_status_filed_at_index', properties: ['municipality', 'status', 'filedAt'] },
    // Staleness of system documents compares each with the modifications completed since.
    {
      name: 'request_modification_done',
      properties: ['systemId', 'decidedAt'],
      where: `kind_key = 'system_modification' and status = 'approved'`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('request_municipality_id_foreign'),
    /** Human reference, e.g. R8-000123 (令和8年度). */
    number: p.string().length(30),
    kindKey: p.string().length(60),
    rulebookId: p.string().length(8),
    systemId: p.uuid().nullable(),
    system: () => sameMunicipality(System, 'system_id', 'request_system_id_foreign').nullable().deleteRule('set null (system_id)'),
    requesterId: p.uuid(),
    requester: () => sameMunicipality(Staff, 'requester_id', 'request_requester_id_foreign'),
    /** Set when a deputy filed on behalf of the role holder. */
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'request_on_behalf_of_id_foreign').nullable().deleteRule('set null (on_behalf_of_id)'),
    /** in_progress → approved | rejected; returned (for correction) and withdrawn are first-class. */
    status: p.string().length(20).$type<RequestStatus>(),
    content: p.json<Record<string, unknown>>(),
    /** Why the route looks as it does (RouteResult notes), each citing its rules. */
    routeNotes: p.json<RouteResult['notes']>(),
    ruleIds: p.array().$type<RuleId[]>(),
    /** A due date the rulebook sets (ARK-12-2), in the municipality's calendar. */
    dueOn: p.date().nullable(),
    /** Resubmission round: a returned request restarts its route. */
    round: p.integer().default(1),
    idempotencyKey: p.string().length(100).nullable(),
    filedAt: p.datetime(),
    decidedAt: p.datetime().nullable(),
    version: p.integer().version().default(1),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** One step of a request's route: who acts, what kind of act, and the legal basis. */
export const RequestStep = defineEntity({
  name: 'RequestStep',
  tableName: 'request_step',
  indexes: [
    { name: 'request_step_request_id_round_seq_index', properties: ['requestId', 'round', 'seq'] },
    // Agenda assembly finds a committee's pending business without scanning every open step.
    {
      name: 'request_step_open_committee',
      properties: ['actorCommitteeId'],
      where: `status = 'open' and actor_committee_id is not null`,
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('request_step_municipality_id_foreign'),
    requestId: p.uuid(),
    request: () => sameMunicipality(Request, 'request_id', 'request_step_request_id_foreign'),
    round: p.integer(),
    seq: p.integer(),
    stage: p.integer(),
    key: p.string().length(60),
    kind: p.string().length(20).$type<StepKind>(),
    actor: p.json<Record<string, unknown>>(),
    subjectId: p.string().length(80).nullable(),
    labelJa: p.string().length(200),
    labelEn: p.string().length(200),
    ruleIds: p.array().$type<RuleId[]>(),
    /** waiting → open → done; a step of a stage that is not reached stays waiting. */
    status: p.string().length(12).$type<Exclude<StepStatus, 'planned'>>(),
    /** Resolved when the step opens: the positions, people or contractor who may act (the inbox reads them). */
    actorPositionIds: p.array().nullable(),
    actorStaffIds: p.array().nullable(),
    actorContractorId: p.uuid().nullable(),
    actorCommitteeId: p.uuid().nullable(),
    decision: p.string().length(20).nullable(),
    decidedById: p.uuid().nullable(),
    decidedBy: () => sameMunicipality(Staff, 'decided_by_id', 'request_step_decided_by_id_foreign').nullable().deleteRule('set null (decided_by_id)'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'request_step_on_behalf_of_id_foreign').nullable().deleteRule('set null (on_behalf_of_id)'),
    decidedAt: p.datetime().nullable(),
    comment: p.text().nullable(),
    /** What a perform step records (対応内容, 作業完了日 …). */
    record: p.json<Record<string, unknown>>().nullable(),
    /** Resubmitting the same decision with this key returns the first result. */
    idempotencyKey: p.string().length(100).nullable(),
    openedAt: p.datetime().nullable(),
  },
});

/**
 * The inbox as an index: one entry per actor of an open step ('p:<position id>', 's:<staff id>'),
 * kept by triggers on request_step and request, so "what awaits me, oldest first" walks the key in
 * order. An entry lives while its step is open and its request is in progress in the step's round.
 */
export const RequestInboxEntry = defineEntity({
  name: 'RequestInboxEntry',
  tableName: 'request_inbox_entry',
  indexes: [{ name: 'request_inbox_entry_step', properties: ['stepId'] }],
  properties: {
    actorKey: p.text().primary(),
    openedAt: p.datetime().primary(),
    stepId: p.uuid().primary(),
    step: () => sameMunicipality(RequestStep, 'step_id', 'request_inbox_entry_step_id_fkey').deleteRule('cascade'),
    municipality: () => tenant('request_inbox_entry_municipality_id_fkey'),
  },
});

/** Request numbers are per municipality and fiscal year: R8-000123 is the 123rd of 令和8年度. */
export const RequestCounter = defineEntity({
  name: 'RequestCounter',
  tableName: 'request_counter',
  properties: {
    // The only tenant column without a foreign key to the municipality (migration …121434-requests).
    municipalityId: p.uuid().primary(),
    fiscalYear: p.integer().primary(),
    last: p.integer().default(0),
  },
});

/** E-mail written in the same transaction as what it tells; a worker delivers it (SMTP or a file sink). */
export const MailOutbox = defineEntity({
  name: 'MailOutbox',
  tableName: 'mail_outbox',
  indexes: [
    { name: 'mail_outbox_sent_at_created_at_index', properties: ['sentAt', 'createdAt'] },
    { name: 'mail_outbox_unsent', properties: ['createdAt'], where: 'sent_at is null' },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('mail_outbox_municipality_id_foreign'),
    recipientId: p.uuid().nullable(),
    recipient: () => sameMunicipality(Staff, 'recipient_id', 'mail_outbox_recipient_id_foreign').nullable().deleteRule('set null (recipient_id)'),
    toAddress: p.string().length(200),
    subject: p.string().length(300),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.string().length(500).nullable(),
  },
});
