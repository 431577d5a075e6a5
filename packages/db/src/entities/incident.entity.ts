import { defineEntity, p } from '@mikro-orm/core';
import {
  INCIDENT_NOTICE_KIND_VALUES,
  INCIDENT_SEVERITY_VALUES,
  INCIDENT_STATUS_VALUES,
  INCIDENT_UPDATE_KIND_VALUES,
  type IncidentStatus,
  type RuleId,
} from '@tsukasa/domain';
import { OrgUnit, Position, Staff } from './organization.entity.ts';
import { System } from './registry.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

// Incidents (SPEC §6): the record of the 障害等対応連絡票 (MNT-22 第8号様式), its time-stamped log,
// and the continuation notices (継送連絡) to every using section at occurrence and at resolution
// (MNT-22-4).

/** An incident (障害等) of a system, numbered per municipality and fiscal year: INC-R8-0001. */
export const Incident = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  uniques: [{ name: 'incident_municipality_id_number_key', properties: ['municipality', 'number'] }],
  indexes: [
    { name: 'incident_system', columns: [{ name: 'systemId' }, { name: 'occurredAt', sort: 'desc' }] },
    { name: 'incident_occurred', columns: [{ name: 'municipality' }, { name: 'occurredAt', sort: 'desc' }] },
    { name: 'incident_open', columns: [{ name: 'municipality' }, { name: 'occurredAt', sort: 'desc' }], where: `status in ('reported', 'recovering')` },
  ],
  checks: [
    { name: 'incident_check', expression: 'detected_at >= occurred_at' },
    // status not in ('resolved', 'confirmed') …, in the form PostgreSQL keeps it.
    { name: 'incident_check1', expression: `status <> all (array['resolved', 'confirmed']::varchar[]) or resolved_at is not null` },
    { name: 'incident_check2', expression: `status <> 'confirmed' or (confirmed_at is not null and analysis is not null)` },
  ],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('incident_municipality_id_fkey'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'incident_system_id_fkey'),
    fiscalYear: p.integer(),
    number: p.string().length(20),
    title: p.string().length(200),
    description: p.string().length(4000),
    occurredAt: p.datetime(),
    detectedAt: p.datetime(),
    reportedById: p.uuid(),
    reportedBy: () => sameMunicipality(Staff, 'reported_by_id', 'incident_reported_by_id_fkey'),
    reportedOnBehalfOfId: p.uuid().nullable(),
    reportedOnBehalfOf: () => sameMunicipality(Staff, 'reported_on_behalf_of_id', 'incident_reported_on_behalf_of_id_fkey').nullable(),
    reportedAt: p.datetime(),
    severity: p.enum([...INCIDENT_SEVERITY_VALUES]).columnType('varchar(10)'),
    residentsAffected: p.boolean(),
    /** 縮退運転の内容 (KWO-10-1-2 イ(ア)). */
    degradedOperation: p.string().length(2000).nullable(),
    status: p.enum([...INCIDENT_STATUS_VALUES]).columnType('varchar(12)'),
    cause: p.string().length(2000).nullable(),
    recoveryEta: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    resolvedById: p.uuid().nullable(),
    resolvedBy: () => sameMunicipality(Staff, 'resolved_by_id', 'incident_resolved_by_id_fkey').nullable(),
    resolutionRecordedAt: p.datetime().nullable(),
    analysis: p.string().length(8000).nullable(),
    preventiveMeasures: p.string().length(4000).nullable(),
    analysisById: p.uuid().nullable(),
    analysisBy: () => sameMunicipality(Staff, 'analysis_by_id', 'incident_analysis_by_id_fkey').nullable(),
    analysisRecordedAt: p.datetime().nullable(),
    confirmedById: p.uuid().nullable(),
    confirmedBy: () => sameMunicipality(Staff, 'confirmed_by_id', 'incident_confirmed_by_id_fkey').nullable(),
    confirmedOnBehalfOfId: p.uuid().nullable(),
    confirmedOnBehalfOf: () => sameMunicipality(Staff, 'confirmed_on_behalf_of_id', 'incident_confirmed_on_behalf_of_id_fkey').nullable(),
    confirmedAt: p.datetime().nullable(),
    escalatedAt: p.datetime().nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
    version: p.integer().version().default(1),
  },
});

/** The incident's time-stamped log: report, updates, escalation, resolution, analysis, confirmation. */
export const IncidentUpdate = defineEntity({
  name: 'IncidentUpdate',
  tableName: 'incident_update',
  uniques: [{ name: 'incident_update_incident_id_seq_key', properties: ['incidentId', 'seq', 'municipality'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('incident_update_municipality_id_fkey'),
    incidentId: p.uuid(),
    incident: () => sameMunicipality(Incident, 'incident_id', 'incident_update_incident_id_fkey'),
    seq: p.integer(),
    at: p.datetime(),
    byId: p.uuid(),
    by: () => sameMunicipality(Staff, 'by_id', 'incident_update_by_id_fkey'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'incident_update_on_behalf_of_id_fkey').nullable(),
    kind: p.enum([...INCIDENT_UPDATE_KIND_VALUES]).columnType('varchar(16)'),
    status: p.string().length(12).nullable().$type<IncidentStatus | null>(),
    recoveryEta: p.datetime().nullable(),
    cause: p.string().length(2000).nullable(),
    degradedOperation: p.string().length(2000).nullable(),
    note: p.string().length(2000).nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
  },
});

/** A continuation notice (継送連絡) to a using section, at occurrence and at resolution (MNT-22-4). */
export const IncidentNotice = defineEntity({
  name: 'IncidentNotice',
  tableName: 'incident_notice',
  uniques: [{ name: 'incident_notice_incident_id_org_unit_id_kind_key', properties: ['incidentId', 'orgUnitId', 'kind', 'municipality'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('incident_notice_municipality_id_fkey'),
    incidentId: p.uuid(),
    incident: () => sameMunicipality(Incident, 'incident_id', 'incident_notice_incident_id_fkey'),
    orgUnitId: p.uuid(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'incident_notice_org_unit_id_fkey'),
    kind: p.enum([...INCIDENT_NOTICE_KIND_VALUES]).columnType('varchar(12)'),
    /** The section head(s) told (課長 position holders); none when the head position is vacant. */
    recipientPositionId: p.uuid().nullable(),
    recipientPosition: () => sameMunicipality(Position, 'recipient_position_id', 'incident_notice_recipient_position_id_fkey').nullable(),
    recipientStaffIds: p.array().columnType('uuid[]').defaultRaw(`'{}'`),
    sentAt: p.datetime().nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
  },
});

/** The last incident number per municipality and fiscal year. */
export const IncidentCounter = defineEntity({
  name: 'IncidentCounter',
  tableName: 'incident_counter',
  properties: {
    municipality: () => tenant('incident_counter_municipality_id_fkey'),
    fiscalYear: p.integer().primary(),
    last: p.integer().default(0),
  },
});
