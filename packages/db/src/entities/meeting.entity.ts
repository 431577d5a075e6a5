import { defineEntity, p } from '@mikro-orm/core';
import { AGENDA_SOURCE_VALUES, MEETING_MODE_VALUES, MEETING_STATUS_VALUES, type RuleId } from '@tsukasa/domain';
import { Position, Staff } from './organization.entity.ts';
import { Committee } from './registry.entity.ts';
import { Request, RequestStep } from './request.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

// Committee meetings (SPEC §7): a meeting of a committee, its agenda items (proposed from pending
// business, reordered, added, removed with a reason), the attendance, each item's decision, and for
// a decision by circulation (持回り, KWW-12-2) each member's sign-off.

/** A meeting of a committee, numbered per committee and fiscal year (令和8年度第3回). */
export const Meeting = defineEntity({
  name: 'Meeting',
  tableName: 'meeting',
  uniques: [{ name: 'meeting_municipality_id_committee_id_fiscal_year_number_key', properties: ['municipality', 'committeeId', 'fiscalYear', 'number'] }],
  indexes: [{ name: 'meeting_committee_held_on', properties: ['committeeId', 'heldOn'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('meeting_municipality_id_fkey'),
    committeeId: p.uuid(),
    committee: () => sameMunicipality(Committee, 'committee_id', 'meeting_committee_id_fkey'),
    fiscalYear: p.integer(),
    number: p.integer(),
    /** circulation: decided by circulating the papers (持回り) instead of sitting. */
    mode: p.enum([...MEETING_MODE_VALUES]).columnType('varchar(12)'),
    heldOn: p.date(),
    startTime: p.string().length(5).nullable(),
    endTime: p.string().length(5).nullable(),
    place: p.string().length(200).default(''),
    /** draft: agenda editable; frozen: agenda fixed at the cut-off; held: minutes being recorded; closed: minutes sent. */
    status: p.enum([...MEETING_STATUS_VALUES]).columnType('varchar(12)'),
    cutoffAt: p.datetime().nullable(),
    createdById: p.uuid(),
    createdBy: () => sameMunicipality(Staff, 'created_by_id', 'meeting_created_by_id_fkey'),
    createdAt: p.datetime(),
    minutesSentAt: p.datetime().nullable(),
    version: p.integer().version().default(1),
  },
});

/** An agenda item: its source, its place on the agenda, and the decision taken on it. */
export const MeetingItem = defineEntity({
  name: 'MeetingItem',
  tableName: 'meeting_item',
  indexes: [
    { name: 'meeting_item_meeting', properties: ['meetingId', 'seq'] },
    { name: 'meeting_item_request_step', properties: ['requestStepId'], where: 'request_step_id is not null' },
  ],
  // One live agenda entry per source in a meeting.
  uniques: [{ name: 'meeting_item_source_once', properties: ['meetingId', 'sourceRef', 'municipality'], where: 'removed_at is null' }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('meeting_item_municipality_id_fkey'),
    meetingId: p.uuid(),
    meeting: () => sameMunicipality(Meeting, 'meeting_id', 'meeting_item_meeting_id_fkey').deleteRule('cascade'),
    seq: p.integer(),
    groupKey: p.enum(['deliberation', 'carried_over', 'report', 'other']).columnType('varchar(16)'),
    source: p.enum([...AGENDA_SOURCE_VALUES]).columnType('varchar(16)'),
    sourceRef: p.string().length(120),
    requestId: p.uuid().nullable(),
    request: () => sameMunicipality(Request, 'request_id', 'meeting_item_request_id_fkey').nullable(),
    requestStepId: p.uuid().nullable(),
    requestStep: () => sameMunicipality(RequestStep, 'request_step_id', 'meeting_item_request_step_id_fkey').nullable(),
    carriedFromItemId: p.uuid().nullable(),
    carriedFromItem: () => sameMunicipality(MeetingItem, 'carried_from_item_id', 'meeting_item_carried_from_item_id_fkey').nullable(),
    title: p.string().length(300),
    presenter: p.string().length(200).nullable(),
    documents: p.json<unknown[]>().defaultRaw(`'[]'`),
    figures: p.json<Record<string, unknown>>().nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
    removedAt: p.datetime().nullable(),
    removedReason: p.string().length(500).nullable(),
    outcome: p.enum(['approved', 'approved_with_conditions', 'rejected', 'deferred']).columnType('varchar(30)').nullable(),
    conditions: p.string().length(2000).nullable(),
    dissent: p.json<unknown[]>().defaultRaw(`'[]'`),
    decisionNote: p.string().length(2000).nullable(),
    decidedAt: p.datetime().nullable(),
    decidedById: p.uuid().nullable(),
    decidedBy: () => sameMunicipality(Staff, 'decided_by_id', 'meeting_item_decided_by_id_fkey').nullable(),
  },
});

/** Who attends a meeting, in which role; a substitute names the member they stand in for. */
export const MeetingAttendee = defineEntity({
  name: 'MeetingAttendee',
  tableName: 'meeting_attendee',
  indexes: [{ name: 'meeting_attendee_meeting', properties: ['meetingId', 'seq'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('meeting_attendee_municipality_id_fkey'),
    meetingId: p.uuid(),
    meeting: () => sameMunicipality(Meeting, 'meeting_id', 'meeting_attendee_meeting_id_fkey').deleteRule('cascade'),
    seq: p.integer(),
    role: p.enum(['chair', 'member', 'temporary_member', 'substitute', 'invited', 'secretariat', 'contractor']).columnType('varchar(20)'),
    positionId: p.uuid().nullable(),
    position: () => sameMunicipality(Position, 'position_id', 'meeting_attendee_position_id_fkey').nullable(),
    staffId: p.uuid().nullable(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'meeting_attendee_staff_id_fkey').nullable(),
    title: p.string().length(200),
    name: p.string().length(200).nullable(),
    substituteForId: p.uuid().nullable(),
    substituteFor: () => sameMunicipality(MeetingAttendee, 'substitute_for_id', 'meeting_attendee_substitute_for_id_fkey').nullable(),
    approvedByChair: p.boolean().default(false),
    present: p.boolean().nullable(),
  },
});

/** A member's sign-off of an item decided by circulation (持回り, KWW-12-2). */
export const MeetingSignoff = defineEntity({
  name: 'MeetingSignoff',
  tableName: 'meeting_signoff',
  properties: {
    itemId: p.uuid().primary(),
    item: () => sameMunicipality(MeetingItem, 'item_id', 'meeting_signoff_item_id_fkey').deleteRule('cascade'),
    positionId: p.uuid().primary(),
    position: () => sameMunicipality(Position, 'position_id', 'meeting_signoff_position_id_fkey'),
    municipality: () => tenant('meeting_signoff_municipality_id_fkey'),
    staffId: p.uuid(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'meeting_signoff_staff_id_fkey'),
    vote: p.enum(['agree', 'disagree']).columnType('varchar(10)'),
    comment: p.string().length(2000).nullable(),
    signedAt: p.datetime(),
  },
});

/** The last meeting number per committee and fiscal year. */
export const MeetingCounter = defineEntity({
  name: 'MeetingCounter',
  tableName: 'meeting_counter',
  properties: {
    // No foreign key to the committee (migration …140000-meetings): a plain column.
    committeeId: p.uuid().primary(),
    fiscalYear: p.integer().primary(),
    municipality: () => tenant('meeting_counter_municipality_id_fkey'),
    last: p.integer().default(0),
  },
});
