import { defineEntity, p } from '@mikro-orm/core';
import { PROCEDURE_CATEGORY_VALUES, type ProcedureOutputForm, type ProcedureRoutingPattern, type RuleId } from '@tsukasa/domain';
import { OrgUnit, Staff } from './organization.entity.ts';
import { Request } from './request.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

/**
 * 行政手続の定義 of Kitami's counter support system (KTM-7): one row per procedure, written by the
 * approved procedure_definition request (KTM-7-4), with its structured conditions (KTM-7-2-2) and
 * routing (KTM-7-2-3).
 */
export const ProcedureDefinition = defineEntity({
  name: 'ProcedureDefinition',
  tableName: 'procedure_definition',
  uniques: [{ name: 'procedure_definition_municipality_id_name_key_key', properties: ['municipality', 'nameKey'] }],
  indexes: [{ name: 'procedure_definition_order', properties: ['municipality', 'category', 'displayOrder'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('procedure_definition_municipality_id_fkey'),
    name: p.string().length(200),
    /** The identity across versions: the name NFKC-normalised, without spaces, lower-cased. */
    nameKey: p.string().length(200),
    category: p.enum([...PROCEDURE_CATEGORY_VALUES]).columnType('varchar(32)'),
    overview: p.text(),
    conditionsText: p.text(),
    conditionRules: p.json<Record<string, unknown>>().nullable(),
    routingText: p.text(),
    /** Patterns with org unit ids: [{ "authority": uuid | "*", "action", "to": uuid | null, "note" }]. */
    routingPatterns: p.json<Required<ProcedureRoutingPattern>[]>().defaultRaw(`'[]'`),
    handlingOrgUnitId: p.uuid(),
    handlingOrgUnit: () => sameMunicipality(OrgUnit, 'handling_org_unit_id', 'procedure_definition_handling_org_unit_id_fkey'),
    managingOrgUnitId: p.uuid(),
    managingOrgUnit: () => sameMunicipality(OrgUnit, 'managing_org_unit_id', 'procedure_definition_managing_org_unit_id_fkey'),
    confirmationItems: p.json<string[]>().defaultRaw(`'[]'`),
    outputForms: p.json<ProcedureOutputForm[]>().defaultRaw(`'[]'`),
    other: p.text().nullable(),
    displayOrder: p.integer().default(100),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
    /** The definition's version: every change and every regular review (KTM-5-1-1) takes the next. */
    version: p.integer().version().default(1),
    reviewedOn: p.date(),
    requestId: p.uuid().nullable(),
    request: () => sameMunicipality(Request, 'request_id', 'procedure_definition_request_id_fkey').nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

/** Every version of a procedure definition and every review of it, appended to and never rewritten. */
export const ProcedureDefinitionHistory = defineEntity({
  name: 'ProcedureDefinitionHistory',
  tableName: 'procedure_definition_history',
  indexes: [{ name: 'procedure_definition_history_definition', properties: ['definitionId', 'changedAt'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('procedure_definition_history_municipality_id_fkey'),
    definitionId: p.uuid(),
    definition: () => sameMunicipality(ProcedureDefinition, 'definition_id', 'procedure_definition_history_definition_id_fkey').deleteRule('cascade'),
    /** The definition's version this entry records. */
    version: p.integer(),
    change: p.enum(['defined', 'updated', 'reviewed']).columnType('varchar(12)'),
    snapshot: p.json<Record<string, unknown>>(),
    requestId: p.uuid().nullable(),
    request: () => sameMunicipality(Request, 'request_id', 'procedure_definition_history_request_id_fkey').nullable(),
    changedById: p.uuid().nullable(),
    changedBy: () => sameMunicipality(Staff, 'changed_by_id', 'procedure_definition_history_changed_by_id_fkey').nullable(),
    changedAt: p.datetime(),
    note: p.string().length(2000).nullable(),
    ruleIds: p.array().$type<RuleId[]>().defaultRaw(`'{}'`),
  },
});

/**
 * One handling of a procedure at the counter for a resident (KTM-8): the staff member who took it,
 * the confirmation of the resident's identity (by whom, when, on which document) and the 届出書等
 * printed. KTM-8-3: a form is printed only once the identity is confirmed.
 */
export const ProcedureRun = defineEntity({
  name: 'ProcedureRun',
  tableName: 'procedure_run',
  indexes: [{ name: 'procedure_run_definition_id_index', properties: ['definitionId', 'startedAt'] }],
  properties: {
    id: p.uuid().primary(),
    municipality: () => tenant('procedure_run_municipality_id_fkey'),
    definitionId: p.uuid(),
    definition: () => sameMunicipality(ProcedureDefinition, 'definition_id', 'procedure_run_definition_id_fkey'),
    /** The definition's version the counter worked from. */
    definitionVersion: p.integer(),
    startedById: p.uuid(),
    startedBy: () => sameMunicipality(Staff, 'started_by_id', 'procedure_run_started_by_id_fkey'),
    startedAt: p.datetime(),
    identityConfirmedById: p.uuid().nullable(),
    identityConfirmedBy: () => sameMunicipality(Staff, 'identity_confirmed_by_id', 'procedure_run_identity_confirmed_by_id_fkey').nullable(),
    identityConfirmedAt: p.datetime().nullable(),
    /** The document the identity was confirmed on (IDENTITY_DOCUMENT_KIND_VALUES). */
    identityDocumentKind: p.string().length(32).nullable(),
    /** The forms printed, in order. */
    printedForms: p.array().defaultRaw(`'{}'`),
    printedById: p.uuid().nullable(),
    printedBy: () => sameMunicipality(Staff, 'printed_by_id', 'procedure_run_printed_by_id_fkey').nullable(),
    printedAt: p.datetime().nullable(),
    version: p.integer().version().default(1),
  },
});
