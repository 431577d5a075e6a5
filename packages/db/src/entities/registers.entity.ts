import { defineEntity, p } from '@mikro-orm/core';
import {
  DISPOSAL_METHOD_VALUES,
  DUTY_KEY_VALUES,
  DOCUMENT_KIND_VALUES,
  FINDING_SOURCE_VALUES,
  FINDING_STATUS_VALUES,
  INSPECTION_KIND_VALUES,
  INSPECTION_RESULT_VALUES,
  OUTPUT_RESULT_VALUES,
  type RuleId,
} from '@tsukasa/domain';
import { OrgUnit, Position, Staff } from './organization.entity.ts';
import { System } from './registry.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

// The registers with their due dates (SPEC §6): monthly processing plans and their
// items' handover, return and output check (ARK-8); versions of system documents (MNT-13-9, MNT-21,
// ARK-5, ARK-11); the ARK-6-1 contract-clause checklist; inspections — audits and self-inspections
// (ARK-29) and quarterly check sheets (KWO-5-3); findings and improvement requests followed up to
// closure (KWW-10-2, KWO-3-3); the form ledger (KWO-5-2).

/** A section's monthly processing plan of a system (ARK-8). */
export const ProcessingPlan = defineEntity({
  name: 'ProcessingPlan',
  tableName: 'processing_plan',
  uniques: [{ name: 'processing_plan_system_id_org_unit_id_month_key', properties: ['systemId', 'orgUnitId', 'month', 'municipality'] }],
  indexes: [{ name: 'processing_plan_month', properties: ['month'] }],
  checks: [{ name: 'processing_plan_month_check', expression: `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'` }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('processing_plan_municipality_id_fkey'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'processing_plan_system_id_fkey'),
    orgUnitId: p.uuid(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'processing_plan_org_unit_id_fkey'),
    /** YYYY-MM */
    month: p.character().length(7),
    submittedAt: p.datetime(),
    submittedById: p.uuid(),
    submittedBy: () => sameMunicipality(Staff, 'submitted_by_id', 'processing_plan_submitted_by_id_fkey'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'processing_plan_on_behalf_of_id_fkey').nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

/** A job of a processing plan: ARK-8-3 input sent with a 送付書, ARK-8-4 returned, ARK-8-5 output checked and reported. */
export const ProcessingPlanItem = defineEntity({
  name: 'ProcessingPlanItem',
  tableName: 'processing_plan_item',
  uniques: [{ name: 'processing_plan_item_plan_id_seq_key', properties: ['planId', 'seq', 'municipality'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('processing_plan_item_municipality_id_fkey'),
    planId: p.uuid(),
    plan: () => sameMunicipality(ProcessingPlan, 'plan_id', 'processing_plan_item_plan_id_fkey').deleteRule('cascade'),
    seq: p.integer(),
    job: p.string().length(200),
    scheduledOn: p.date(),
    scheduledTime: p.string().length(5).nullable(),
    inputData: p.string().length(500).default(''),
    inputSentAt: p.datetime().nullable(),
    inputSentById: p.uuid().nullable(),
    inputSentBy: () => sameMunicipality(Staff, 'input_sent_by_id', 'processing_plan_item_input_sent_by_id_fkey').nullable(),
    inputNote: p.string().length(500).nullable(),
    inputReturnedAt: p.datetime().nullable(),
    inputReturnedById: p.uuid().nullable(),
    inputReturnedBy: () => sameMunicipality(Staff, 'input_returned_by_id', 'processing_plan_item_input_returned_by_id_fkey').nullable(),
    outputCheckedAt: p.datetime().nullable(),
    outputCheckedById: p.uuid().nullable(),
    outputCheckedBy: () => sameMunicipality(Staff, 'output_checked_by_id', 'processing_plan_item_output_checked_by_id_fkey').nullable(),
    outputResult: p
      .enum([...OUTPUT_RESULT_VALUES])
      .columnType('varchar(10)')
      .nullable(),
    outputNote: p.string().length(2000).nullable(),
  },
});

/** A registered version of a system's document (MNT-13-9, MNT-21, ARK-5, ARK-11). */
export const SystemDocumentVersion = defineEntity({
  name: 'SystemDocumentVersion',
  tableName: 'system_document_version',
  uniques: [
    {
      // NULLS NOT DISTINCT: one label per document of the managing side too (org_unit_id null). MikroORM
      // has no option for it, so the constraint is given as its DDL (compared by name).
      name: 'system_document_version_system_id_kind_org_unit_id_version__key',
      expression: (c, table, name) =>
        `alter table ${table} add constraint ${name} unique nulls not distinct (${c.systemId}, ${c.kind}, ${c.orgUnitId}, ${c.versionLabel}, ${c.municipality})`,
    },
  ],
  indexes: [
    {
      name: 'system_document_version_latest',
      columns: [{ name: 'systemId' }, { name: 'kind' }, { name: 'orgUnitId' }, { name: 'registeredAt', sort: 'desc' }],
    },
  ],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('system_document_version_municipality_id_fkey'),
    systemId: p.uuid(),
    system: () => sameMunicipality(System, 'system_id', 'system_document_version_system_id_fkey'),
    kind: p.enum([...DOCUMENT_KIND_VALUES]).columnType('varchar(20)'),
    /** The using section keeping its own operating manual (ARK-11-1); null for the managing side's documents. */
    orgUnitId: p.uuid().nullable(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'system_document_version_org_unit_id_fkey').nullable(),
    title: p.string().length(200),
    versionLabel: p.string().length(50),
    note: p.string().length(2000).nullable(),
    registeredAt: p.datetime(),
    registeredById: p.uuid(),
    registeredBy: () => sameMunicipality(Staff, 'registered_by_id', 'system_document_version_registered_by_id_fkey'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'system_document_version_on_behalf_of_id_fkey').nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

/** One clause of the ARK-6-1 checklist (ARK-6-1-1 … ARK-6-1-10) checked for a system's contract. */
export const ContractClauseCheck = defineEntity({
  name: 'ContractClauseCheck',
  tableName: 'contract_clause_check',
  checks: [{ name: 'contract_clause_check_clause_rule_id_check', expression: `clause_rule_id ~ '^ARK-6-1-([1-9]|10)$'` }],
  properties: {
    systemId: p.uuid().primary(),
    system: () => sameMunicipality(System, 'system_id', 'contract_clause_check_system_id_fkey'),
    clauseRuleId: p.string().length(20).primary().$type<RuleId>(),
    municipality: () => tenant('contract_clause_check_municipality_id_fkey'),
    checked: p.boolean(),
    note: p.string().length(1000).nullable(),
    recordedById: p.uuid(),
    recordedBy: () => sameMunicipality(Staff, 'recorded_by_id', 'contract_clause_check_recorded_by_id_fkey'),
    recordedAt: p.datetime(),
  },
});

/** An audit, a self-inspection (ARK-29) or a quarterly check sheet (KWO-5-3). */
export const Inspection = defineEntity({
  name: 'Inspection',
  tableName: 'inspection',
  indexes: [{ name: 'inspection_kind_year', properties: ['kind', 'fiscalYear'] }],
  // KWO-5-3: one check sheet per using place and quarter.
  uniques: [{ name: 'inspection_check_sheet_once', properties: ['orgUnitId', 'fiscalYear', 'quarter', 'municipality'], where: `kind = 'check_sheet'` }],
  checks: [
    { name: 'inspection_quarter_check', expression: 'quarter >= 1 and quarter <= 4' },
    { name: 'inspection_check', expression: `(kind = 'check_sheet') = (quarter is not null)` },
  ],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('inspection_municipality_id_fkey'),
    kind: p.enum([...INSPECTION_KIND_VALUES]).columnType('varchar(20)'),
    rulebookId: p.string().length(8),
    /** The section inspected (self-inspection) or the using place (check sheet); null for an audit of the whole. */
    orgUnitId: p.uuid().nullable(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'inspection_org_unit_id_fkey').nullable(),
    systemId: p.uuid().nullable(),
    system: () => sameMunicipality(System, 'system_id', 'inspection_system_id_fkey').nullable(),
    scope: p.string().length(500),
    conductedOn: p.date(),
    fiscalYear: p.integer(),
    quarter: p.smallint().nullable(),
    result: p.enum([...INSPECTION_RESULT_VALUES]).columnType('varchar(20)'),
    summary: p.string().length(4000).nullable(),
    recordedById: p.uuid(),
    recordedBy: () => sameMunicipality(Staff, 'recorded_by_id', 'inspection_recorded_by_id_fkey'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'inspection_on_behalf_of_id_fkey').nullable(),
    recordedAt: p.datetime(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});

/** A finding of an inspection, or an improvement request, followed up to closure (KWW-10-2, KWO-3-3). */
export const Finding = defineEntity({
  name: 'Finding',
  tableName: 'finding',
  indexes: [{ name: 'finding_open', properties: ['dueOn'], where: `status <> 'closed'` }],
  checks: [{ name: 'finding_check', expression: `(source = 'improvement_request') = (inspection_id is null)` }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('finding_municipality_id_fkey'),
    rulebookId: p.string().length(8),
    source: p.enum([...FINDING_SOURCE_VALUES]).columnType('varchar(24)'),
    inspectionId: p.uuid().nullable(),
    inspection: () => sameMunicipality(Inspection, 'inspection_id', 'finding_inspection_id_fkey').nullable(),
    systemId: p.uuid().nullable(),
    system: () => sameMunicipality(System, 'system_id', 'finding_system_id_fkey').nullable(),
    addresseePositionId: p.uuid(),
    addresseePosition: () => sameMunicipality(Position, 'addressee_position_id', 'finding_addressee_position_id_fkey'),
    title: p.string().length(200),
    detail: p.string().length(4000),
    dueOn: p.date(),
    status: p.enum([...FINDING_STATUS_VALUES]).columnType('varchar(12)'),
    raisedById: p.uuid(),
    raisedBy: () => sameMunicipality(Staff, 'raised_by_id', 'finding_raised_by_id_fkey'),
    raisedOnBehalfOfId: p.uuid().nullable(),
    raisedOnBehalfOf: () => sameMunicipality(Staff, 'raised_on_behalf_of_id', 'finding_raised_on_behalf_of_id_fkey').nullable(),
    raisedAt: p.datetime(),
    response: p.string().length(4000).nullable(),
    respondedAt: p.datetime().nullable(),
    respondedById: p.uuid().nullable(),
    respondedBy: () => sameMunicipality(Staff, 'responded_by_id', 'finding_responded_by_id_fkey').nullable(),
    closedAt: p.datetime().nullable(),
    closedById: p.uuid().nullable(),
    closedBy: () => sameMunicipality(Staff, 'closed_by_id', 'finding_closed_by_id_fkey').nullable(),
    closeNote: p.string().length(2000).nullable(),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version().default(1),
  },
});

export const FindingNote = defineEntity({
  name: 'FindingNote',
  tableName: 'finding_note',
  indexes: [{ name: 'finding_note_finding', properties: ['findingId', 'createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('finding_note_municipality_id_fkey'),
    findingId: p.uuid(),
    finding: () => sameMunicipality(Finding, 'finding_id', 'finding_note_finding_id_fkey').deleteRule('cascade'),
    authorId: p.uuid(),
    author: () => sameMunicipality(Staff, 'author_id', 'finding_note_author_id_fkey'),
    body: p.string().length(2000),
    createdAt: p.datetime(),
  },
});

/** The form ledger of a using place (帳票管理台帳, KWO-5-2), with the disposal of each form (KWO-9-4). */
export const FormLedgerEntry = defineEntity({
  name: 'FormLedgerEntry',
  tableName: 'form_ledger_entry',
  indexes: [{ name: 'form_ledger_entry_place', properties: ['orgUnitId', 'createdOn'] }],
  checks: [
    { name: 'form_ledger_entry_retention_years_check', expression: 'retention_years >= 1 and retention_years <= 99' },
    { name: 'form_ledger_entry_check', expression: '(disposed_on is null) = (disposal_method is null)' },
  ],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('form_ledger_entry_municipality_id_fkey'),
    orgUnitId: p.uuid(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'form_ledger_entry_org_unit_id_fkey'),
    formName: p.string().length(200),
    information: p.string().length(500),
    storagePlace: p.string().length(200),
    createdOn: p.date(),
    /** KWO-9-4: years by the city's classification table; null = 常用 (kept while in use). */
    retentionYears: p.smallint().nullable(),
    disposalMethod: p
      .enum([...DISPOSAL_METHOD_VALUES])
      .columnType('varchar(16)')
      .nullable(),
    disposalNote: p.string().length(500).nullable(),
    disposedOn: p.date().nullable(),
    disposedById: p.uuid().nullable(),
    disposedBy: () => sameMunicipality(Staff, 'disposed_by_id', 'form_ledger_entry_disposed_by_id_fkey').nullable(),
    recordedById: p.uuid(),
    recordedBy: () => sameMunicipality(Staff, 'recorded_by_id', 'form_ledger_entry_recorded_by_id_fkey'),
    recordedAt: p.datetime(),
    ruleIds: p.array().$type<RuleId[]>(),
    version: p.integer().version().default(1),
  },
});

/** How often the municipality has a duty of 実施記録 come round (the articles set no time): its setting, per duty. */
export const DutySetting = defineEntity({
  name: 'DutySetting',
  tableName: 'duty_setting',
  checks: [{ name: 'duty_setting_months_check', expression: 'months >= 1 and months <= 120' }],
  properties: {
    dutyKey: p
      .enum([...DUTY_KEY_VALUES])
      .columnType('varchar(40)')
      .primary(),
    municipality: () => tenant('duty_setting_municipality_id_fkey'),
    /** Every `months` months (periodic), or within `months` months of an audit (ARK-30-1). */
    months: p.smallint(),
    /** The day the duty was set up: never done, it is first due `months` later. */
    since: p.date(),
  },
});

/** A duty done outside the software (実施記録): on which day, by whom, what was done and the evidence; when it is next due. */
export const DutyRecord = defineEntity({
  name: 'DutyRecord',
  tableName: 'duty_record',
  indexes: [{ name: 'duty_record_duty', properties: ['dutyKey', 'orgUnitId', 'doneOn'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('duty_record_municipality_id_fkey'),
    dutyKey: p.enum([...DUTY_KEY_VALUES]).columnType('varchar(40)'),
    /** The section, for a duty performed per section; null for the whole municipality. */
    orgUnitId: p.uuid().nullable(),
    orgUnit: () => sameMunicipality(OrgUnit, 'org_unit_id', 'duty_record_org_unit_id_fkey').nullable(),
    doneOn: p.date(),
    note: p.string().length(2000),
    evidence: p.string().length(500).nullable(),
    /** Periodic duties: the day it is due again, by the setting in force when recorded. */
    nextDueOn: p.date().nullable(),
    recordedById: p.uuid(),
    recordedBy: () => sameMunicipality(Staff, 'recorded_by_id', 'duty_record_recorded_by_id_fkey'),
    onBehalfOfId: p.uuid().nullable(),
    onBehalfOf: () => sameMunicipality(Staff, 'on_behalf_of_id', 'duty_record_on_behalf_of_id_fkey').nullable(),
    recordedAt: p.datetime(),
    ruleIds: p.array().$type<RuleId[]>(),
  },
});
