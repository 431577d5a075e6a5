import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { toDate, type registersRepo } from '@tsukasa/db';
import {
  CONTRACT_CLAUSES,
  CONTRACT_CLAUSE_RULE_ID,
  DISPOSAL_METHODS,
  DOCUMENT_KINDS,
  DUE_STATES,
  DUTY_DEFINITIONS,
  DUTY_SETTING_SOURCE,
  DUTY_STATES,
  dutyHolders,
  FINDING_STATUSES,
  INSPECTION_KINDS,
  findingOverdue,
  ledgerEntryState,
  localDateAt,
  processingPlanWindow,
  type CheckSheetSlot,
  type DisposalMethod,
  type DutyKey,
  type InspectionResult,
  type OutputResult,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import * as plans from './processing-plans.service.ts';
import * as documents from './documents.service.ts';
import * as contracts from './contract-clauses.service.ts';
import * as inspectionsService from './inspections.service.ts';
import * as checkSheets from './check-sheets.service.ts';
import * as findingsService from './findings.service.ts';
import * as ledger from './form-ledger.service.ts';
import * as dashboard from './due-summary.service.ts';
import * as dutyService from './duty-records.service.ts';
import * as support from './register-support.ts';
import {
  CheckSheetDue,
  CheckSheetInput,
  ContractClauseChecklist,
  DisposalMethodEnum,
  Duty,
  DutyKeyEnum,
  DutyRecord,
  DutyRecordInput,
  Finding,
  FindingInput,
  FindingStatusEnum,
  FormDisposalInput,
  FormLedgerEntry,
  FormLedgerEntryInput,
  Inspection,
  InspectionInput,
  InspectionKindEnum,
  InspectionResultEnum,
  OperationsDue,
  OutputResultEnum,
  ProcessingPlan,
  ProcessingPlanDue,
  ProcessingPlanInput,
  RegisterDueStateEnum,
  SystemDocument,
  SystemDocumentInput,
  SystemDocumentKindEnum,
} from './registers.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';
import { graphqlObject } from '../../graphql/object.ts';

const at = (x: Date | string | null): Date | null => (x ? toDate(x) : null);

function toPlan(p: plans.PlanOut): ProcessingPlan {
  const dueOn = processingPlanWindow(p.plan.month).dueOn;
  return graphqlObject(ProcessingPlan, {
    id: p.plan.id,
    systemId: p.plan.system_id,
    systemName: p.plan.system_name,
    orgUnitId: p.plan.org_unit_id,
    orgUnitName: p.plan.org_unit_name,
    month: p.plan.month,
    dueOn,
    submittedAt: toDate(p.plan.submitted_at),
    submittedBy: p.plan.submitted_by_name,
    late: localDateAt(toDate(p.plan.submitted_at)) > dueOn,
    ruleIds: p.plan.rule_ids,
    items: p.items.map((i) => ({
      id: i.id,
      seq: i.seq,
      job: i.job,
      scheduledOn: i.scheduled_on,
      scheduledTime: i.scheduled_time,
      inputData: i.input_data,
      inputSentAt: at(i.input_sent_at),
      inputSentBy: i.input_sent_by_name,
      inputNote: i.input_note,
      inputReturnedAt: at(i.input_returned_at),
      inputReturnedBy: i.input_returned_by_name,
      outputCheckedAt: at(i.output_checked_at),
      outputCheckedBy: i.output_checked_by_name,
      outputResult: (i.output_result as OutputResultEnum | null) ?? null,
      outputNote: i.output_note,
    })),
  });
}

function toPlanDue(s: plans.PlanDueOut): ProcessingPlanDue {
  return graphqlObject(ProcessingPlanDue, {
    systemId: s.systemId,
    systemName: s.systemName,
    orgUnitId: s.orgUnitId,
    orgUnitName: s.orgUnitName,
    month: s.month,
    dueOn: s.dueOn,
    state: s.state as RegisterDueStateEnum,
    stateLabel: DUE_STATES[s.state],
    planId: s.planId,
    submittedOn: s.submittedOn,
    message: s.message,
    ruleIds: s.ruleIds,
  });
}

function toDocument(d: documents.DocumentOut): SystemDocument {
  const versions = d.versions.map((v) => ({
    id: v.id,
    title: v.title,
    versionLabel: v.version_label,
    note: v.note,
    registeredAt: toDate(v.registered_at),
    registeredBy: v.registered_by_name,
  }));
  return graphqlObject(SystemDocument, {
    systemId: d.systemId,
    systemName: d.systemName,
    kind: d.kind as SystemDocumentKindEnum,
    kindLabel: DOCUMENT_KINDS[d.kind],
    orgUnitId: d.orgUnitId,
    orgUnitName: d.orgUnitName,
    latest: versions[0]!,
    versions,
    stale: d.staleness.stale,
    staleSince: d.staleness.staleSince ? new Date(d.staleness.staleSince) : null,
    staleReason: d.staleness.reason,
    pendingModifications: d.staleness.pending.map((m) => ({ requestNumber: m.requestNumber, decidedAt: new Date(m.decidedAt) })),
    ruleIds: d.staleness.ruleIds,
  });
}

function toChecklist(c: contracts.ChecklistOut): ContractClauseChecklist {
  return graphqlObject(ContractClauseChecklist, {
    systemId: c.system.id,
    systemName: c.system.name,
    contractorName: c.system.contractor_name,
    applies: c.applies,
    missingClauses: c.missing,
    complete: c.applies && c.missing.length === 0,
    ruleIds: c.applies ? [CONTRACT_CLAUSE_RULE_ID] : [],
    clauses: c.applies
      ? CONTRACT_CLAUSES.map((clause) => {
          const check = c.checks.find((x) => x.clause_rule_id === clause.ruleId);
          return {
            ruleId: clause.ruleId,
            number: clause.number,
            text: { ja: clause.text, en: clause.textEn },
            checked: check?.checked ?? false,
            note: check?.note ?? null,
            recordedBy: check?.recorded_by_name ?? null,
            recordedAt: check ? toDate(check.recorded_at) : null,
          };
        })
      : [],
  });
}

function toInspection(i: registersRepo.InspectionRow): Inspection {
  return graphqlObject(Inspection, {
    id: i.id,
    kind: i.kind as InspectionKindEnum,
    kindLabel: { ja: INSPECTION_KINDS[i.kind].ja, en: INSPECTION_KINDS[i.kind].en },
    orgUnitId: i.org_unit_id,
    orgUnitName: i.org_unit_name,
    systemId: i.system_id,
    systemName: i.system_name,
    scope: i.scope,
    conductedOn: i.conducted_on,
    fiscalYear: i.fiscal_year,
    quarter: i.quarter,
    result: i.result as InspectionResultEnum,
    summary: i.summary,
    recordedBy: i.recorded_by_name,
    recordedAt: toDate(i.recorded_at),
    ruleIds: i.rule_ids,
  });
}

function toCheckSheetDue(s: CheckSheetSlot & { orgUnitId: string; orgUnitName: string; inspectionId: string | null }): CheckSheetDue {
  return graphqlObject(CheckSheetDue, {
    orgUnitId: s.orgUnitId,
    orgUnitName: s.orgUnitName,
    fiscalYear: s.fiscalYear,
    quarter: s.quarter,
    quarterLabel: s.label,
    from: s.from,
    dueOn: s.to,
    state: s.state as RegisterDueStateEnum,
    stateLabel: DUE_STATES[s.state],
    checkedOn: s.checkedOn,
    inspectionId: s.inspectionId,
    message: s.message,
    ruleIds: s.ruleIds,
  });
}

function toFinding(o: findingsService.FindingOut, today: string): Finding {
  const f = o.finding;
  return graphqlObject(Finding, {
    id: f.id,
    source: f.source,
    inspectionId: f.inspection_id,
    systemId: f.system_id,
    systemName: f.system_name,
    addresseePositionId: f.addressee_position_id,
    addressee: f.addressee_position_name,
    title: f.title,
    detail: f.detail,
    dueOn: f.due_on,
    status: f.status as FindingStatusEnum,
    statusLabel: FINDING_STATUSES[f.status],
    overdue: findingOverdue({ status: f.status, dueOn: f.due_on }, today),
    raisedBy: f.raised_by_name,
    raisedAt: toDate(f.raised_at),
    response: f.response,
    respondedAt: at(f.responded_at),
    respondedBy: f.responded_by_name,
    closedAt: at(f.closed_at),
    closedBy: f.closed_by_name,
    closeNote: f.close_note,
    ruleIds: f.rule_ids,
    version: f.version,
    notes: o.notes.map((n) => ({ id: n.id, author: n.author_name, body: n.body, createdAt: toDate(n.created_at) })),
  });
}

function toLedgerEntry(e: registersRepo.LedgerEntryRow, today: string): FormLedgerEntry {
  const state = ledgerEntryState({ createdOn: e.created_on, retentionYears: e.retention_years, disposedOn: e.disposed_on }, today);
  return graphqlObject(FormLedgerEntry, {
    id: e.id,
    orgUnitId: e.org_unit_id,
    orgUnitName: e.org_unit_name,
    formName: e.form_name,
    information: e.information,
    storagePlace: e.storage_place,
    createdOn: e.created_on,
    retentionYears: e.retention_years,
    retentionEndsOn: state.retentionEndsOn,
    pastRetention: state.pastRetention,
    disposalMethod: (e.disposal_method as DisposalMethodEnum | null) ?? null,
    disposalMethodLabel: e.disposal_method ? DISPOSAL_METHODS[e.disposal_method] : null,
    disposalNote: e.disposal_note,
    disposedOn: e.disposed_on,
    disposedBy: e.disposed_by_name,
    recordedBy: e.recorded_by_name,
    message: state.message,
    ruleIds: state.ruleIds,
    version: e.version,
  });
}

export function toDuty(d: dutyService.DutyStatusOut): Duty {
  const def = d.definition;
  return graphqlObject(Duty, {
    key: def.key,
    title: def.title,
    ruleIds: def.ruleIds,
    performedBy: dutyHolders(def.performers),
    when: def.when,
    afterAudit: def.trigger === 'after_audit',
    cadence: d.setting ? { months: d.setting.months, since: d.setting.since, source: DUTY_SETTING_SOURCE } : null,
    orgUnitId: d.orgUnitId,
    orgUnitName: d.orgUnitName,
    lastDoneOn: d.lastDoneOn,
    nextDueOn: d.due?.nextDueOn ?? null,
    state: (d.due?.state as RegisterDueStateEnum | undefined) ?? null,
    stateLabel: d.due ? DUTY_STATES[d.due.state] : null,
  });
}

function toDutyRecord(r: registersRepo.DutyRecordRow): DutyRecord {
  return graphqlObject(DutyRecord, {
    id: r.id,
    dutyKey: r.duty_key,
    title: DUTY_DEFINITIONS[r.duty_key].title,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    doneOn: r.done_on,
    note: r.note,
    evidence: r.evidence,
    nextDueOn: r.next_due_on,
    recordedBy: r.recorded_by_name,
    onBehalfOf: r.on_behalf_of_name,
    recordedAt: toDate(r.recorded_at),
    ruleIds: r.rule_ids,
  });
}

@Resolver()
export class ProcessingPlanResolver {
  @Rule('registry:read')
  @Query(() => [ProcessingPlan], { description: 'Monthly processing plans reported (ARK-8-1), of a month and/or a system.' })
  @ArgFormats({ month: 'month' })
  async processingPlans(
    @Ctx() ctx: Context,
    @Arg('month', () => String, { nullable: true, description: 'YYYY-MM' }) month: string | null,
    @Arg('systemId', () => ID, { nullable: true }) systemId: string | null,
  ): Promise<ProcessingPlan[]> {
    return (await plans.processingPlans(ctx, { month, systemId })).map(toPlan);
  }

  @Rule('registry:read')
  @Query(() => [ProcessingPlanDue], {
    description: 'Each (system, using section) pair owing a plan for the month (default: next month), due on the last day of the month before (ARK-8-1).',
  })
  @ArgFormats({ month: 'month' })
  async processingPlansDue(
    @Ctx() ctx: Context,
    @Arg('month', () => String, { nullable: true, description: 'YYYY-MM' }) month: string | null,
  ): Promise<ProcessingPlanDue[]> {
    return (await plans.processingPlansDue(ctx, month)).map(toPlanDue);
  }

  @Rule('signedIn')
  @Mutation(() => ProcessingPlan, { description: 'A using section chief reports next month’s processing plan to デジタル推進課長 (ARK-8-1).' })
  async submitProcessingPlan(@Ctx() ctx: Context, @Arg('input', () => ProcessingPlanInput) input: ProcessingPlanInput): Promise<ProcessingPlan> {
    return toPlan(await plans.submitProcessingPlan(ctx, input));
  }

  @Rule('signedIn')
  @Mutation(() => ProcessingPlan, { description: 'The using section sends a job’s input data with its 送付書 (ARK-8-3).' })
  @ArgFormats({ note: 'multiline' })
  async recordInputHandover(
    @Ctx() ctx: Context,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<ProcessingPlan> {
    return toPlan(await plans.recordPlanItemStep(ctx, itemId, 'handover', { note }));
  }

  @Rule('signedIn')
  @Mutation(() => ProcessingPlan, { description: 'デジタル推進課長 returns the input data once processed (ARK-8-4).' })
  async recordInputReturn(@Ctx() ctx: Context, @Arg('itemId', () => ID) itemId: string): Promise<ProcessingPlan> {
    return toPlan(await plans.recordPlanItemStep(ctx, itemId, 'return'));
  }

  @Rule('signedIn')
  @Mutation(() => ProcessingPlan, {
    description: 'The using section checks the output on receipt and reports the result; an abnormal one with the action taken (ARK-8-5).',
  })
  @ArgFormats({ note: 'multiline' })
  async recordOutputCheck(
    @Ctx() ctx: Context,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('result', () => OutputResultEnum) result: OutputResultEnum,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<ProcessingPlan> {
    return toPlan(await plans.recordPlanItemStep(ctx, itemId, 'output_check', { note, result: result as unknown as OutputResult }));
  }
}

@Resolver()
export class SystemDocumentResolver {
  @Rule('registry:read')
  @Query(() => [SystemDocument], {
    description:
      'A system’s documents with their versions, stale when a modification was completed after the latest version (MNT-13-9, MNT-21-2, ARK-5-2, ARK-11-2).',
  })
  async systemDocuments(@Ctx() ctx: Context, @Arg('systemId', () => ID) systemId: string): Promise<SystemDocument[]> {
    return (await documents.systemDocuments(ctx, systemId)).map(toDocument);
  }

  @Rule('registry:read')
  @Query(() => [SystemDocument], { description: 'Every stale document of the municipality.' })
  async staleDocuments(@Ctx() ctx: Context): Promise<SystemDocument[]> {
    return (await documents.staleDocuments(ctx)).map(toDocument);
  }

  @Rule('signedIn')
  @Mutation(() => SystemDocument, {
    description: 'Registers a new version of a system document (MNT-21-1, ARK-5-1, ARK-11-1); a version registered after a modification clears the staleness.',
  })
  async registerSystemDocument(@Ctx() ctx: Context, @Arg('input', () => SystemDocumentInput) input: SystemDocumentInput): Promise<SystemDocument> {
    return toDocument(await documents.registerSystemDocument(ctx, { ...input, kind: input.kind as unknown as documents.DocumentInput['kind'] }));
  }
}

@Resolver()
export class ContractClauseResolver {
  @Rule('registry:read')
  @Query(() => ContractClauseChecklist, { description: 'The ARK-6-1 checklist of a system’s outsourcing contract.' })
  async contractClauses(@Ctx() ctx: Context, @Arg('systemId', () => ID) systemId: string): Promise<ContractClauseChecklist> {
    return toChecklist(await contracts.contractClauses(ctx, systemId));
  }

  @Rule('signedIn')
  @Mutation(() => ContractClauseChecklist, { description: 'The managing chief records whether the contract states an item of ARK-6-1.' })
  @ArgFormats({ note: 'multiline' })
  async setContractClause(
    @Ctx() ctx: Context,
    @Arg('systemId', () => ID) systemId: string,
    @Arg('clause', () => String, { description: 'ARK-6-1-1 … ARK-6-1-10' }) clause: string,
    @Arg('checked', () => Boolean) checked: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<ContractClauseChecklist> {
    return toChecklist(await contracts.setContractClause(ctx, { systemId, clause, checked, note }));
  }
}

@Resolver()
export class InspectionResolver {
  @Rule('registry:read')
  @Query(() => [Inspection], { description: 'Audits (ARK-29-1), self-inspections (ARK-29-2) and check sheets (KWO-5-3), latest first.' })
  async inspections(
    @Ctx() ctx: Context,
    @Arg('kind', () => InspectionKindEnum, { nullable: true }) kind: InspectionKindEnum | null,
    @Arg('fiscalYear', () => Int, { nullable: true }) fiscalYear: number | null,
  ): Promise<Inspection[]> {
    return (await inspectionsService.inspections(ctx, { kind, fiscalYear })).map(toInspection);
  }

  @Rule('registry:read')
  @Query(() => [CheckSheetDue], {
    description: 'The four quarterly check sheets of a fiscal year (default: the current one) at every using place, due by each quarter’s last day (KWO-5-3).',
  })
  async checkSheetsDue(@Ctx() ctx: Context, @Arg('fiscalYear', () => Int, { nullable: true }) fiscalYear: number | null): Promise<CheckSheetDue[]> {
    return (await checkSheets.checkSheetsDue(ctx, fiscalYear)).map(toCheckSheetDue);
  }

  @Rule('signedIn')
  @Mutation(() => Inspection, {
    description: 'Records an audit of the セキュリティ委員会 (ARK-29-1) or a chief’s self-inspection of their section (ARK-29-2).',
  })
  async recordInspection(@Ctx() ctx: Context, @Arg('input', () => InspectionInput) input: InspectionInput): Promise<Inspection> {
    return toInspection(
      await inspectionsService.recordInspection(ctx, {
        ...input,
        kind: input.kind as unknown as 'audit' | 'self_inspection',
        result: input.result as unknown as InspectionResult,
      }),
    );
  }

  @Rule('signedIn')
  @Mutation(() => Inspection, { description: 'The システム利用責任者 records the using place’s check sheet of a quarter (KWO-5-3, 第2号様式).' })
  async recordCheckSheet(@Ctx() ctx: Context, @Arg('input', () => CheckSheetInput) input: CheckSheetInput): Promise<Inspection> {
    return toInspection(await checkSheets.recordCheckSheet(ctx, { ...input, result: input.result as unknown as InspectionResult }));
  }
}

@Resolver()
export class FindingResolver {
  @Rule('registry:read')
  @Query(() => [Finding], { description: 'Findings and improvement requests, by due date; overdue ones are unanswered after their due date.' })
  async findings(
    @Ctx() ctx: Context,
    @Arg('status', () => FindingStatusEnum, { nullable: true }) status: FindingStatusEnum | null,
    @Arg('overdueOnly', () => Boolean, { nullable: true }) overdueOnly: boolean | null,
  ): Promise<Finding[]> {
    const today = support.todayOf(ctx);
    return (await findingsService.findings(ctx, { status, overdueOnly })).map((f) => toFinding(f, today));
  }

  @Rule('signedIn')
  @Mutation(() => Finding, {
    description:
      'Raises a finding of an inspection, or an improvement request of the システム総括者 (KWW-10-2) or the 情報資産管理責任者 (KWO-3-3); the addressee is told.',
  })
  async raiseFinding(@Ctx() ctx: Context, @Arg('input', () => FindingInput) input: FindingInput): Promise<Finding> {
    return toFinding(await findingsService.raiseFinding(ctx, input), support.todayOf(ctx));
  }

  @Rule('signedIn')
  @Mutation(() => Finding, { description: 'The addressee answers a finding (open → responded).' })
  @ArgFormats({ response: 'multiline' })
  async respondToFinding(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('response', () => String) response: string): Promise<Finding> {
    return toFinding(await findingsService.respondToFinding(ctx, id, response), support.todayOf(ctx));
  }

  @Rule('signedIn')
  @Mutation(() => Finding, { description: 'The raising side confirms the answer (responded → closed).' })
  @ArgFormats({ note: 'multiline' })
  async closeFinding(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ): Promise<Finding> {
    return toFinding(await findingsService.closeFinding(ctx, id, note), support.todayOf(ctx));
  }

  @Rule('signedIn')
  @Mutation(() => Finding, { description: 'A follow-up note on a finding not yet closed.' })
  @ArgFormats({ body: 'multiline' })
  async addFindingNote(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('body', () => String) body: string): Promise<Finding> {
    return toFinding(await findingsService.addFindingNote(ctx, id, body), support.todayOf(ctx));
  }
}

@Resolver()
export class FormLedgerResolver {
  @Rule('registry:read')
  @Query(() => [FormLedgerEntry], { description: 'The 帳票等管理台帳 of a using place, or of all (KWO-5-2).' })
  async formLedger(@Ctx() ctx: Context, @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId: string | null): Promise<FormLedgerEntry[]> {
    const today = support.todayOf(ctx);
    return (await ledger.formLedger(ctx, orgUnitId)).map((e) => toLedgerEntry(e, today));
  }

  @Rule('signedIn')
  @Mutation(() => FormLedgerEntry, { description: 'The システム利用責任者 enters forms holding information in the place’s ledger (KWO-5-2).' })
  async addFormLedgerEntry(@Ctx() ctx: Context, @Arg('input', () => FormLedgerEntryInput) input: FormLedgerEntryInput): Promise<FormLedgerEntry> {
    return toLedgerEntry(await ledger.addFormLedgerEntry(ctx, input), support.todayOf(ctx));
  }

  @Rule('signedIn')
  @Mutation(() => FormLedgerEntry, { description: 'Records how, when and by whom forms past their retention were disposed of (KWO-9-3, KWO-9-4).' })
  async recordFormDisposal(@Ctx() ctx: Context, @Arg('input', () => FormDisposalInput) input: FormDisposalInput): Promise<FormLedgerEntry> {
    return toLedgerEntry(await ledger.recordFormDisposal(ctx, { ...input, method: input.method as unknown as DisposalMethod }), support.todayOf(ctx));
  }
}

@Resolver()
export class OperationsDueResolver {
  @Rule('registry:read')
  @Query(() => OperationsDue, {
    description: 'What is due or overdue across the operations registers on a day (default today), with counts and rule IDs — for the dashboard.',
  })
  @ArgFormats({ at: 'date' })
  async operationsDue(@Ctx() ctx: Context, @Arg('at', () => String, { nullable: true, description: 'YYYY-MM-DD' }) at: string | null): Promise<OperationsDue> {
    const d = await dashboard.operationsDue(ctx, at);
    return graphqlObject(OperationsDue, {
      at: d.at,
      summary: d.summary,
      processingPlans: d.processingPlans.map(toPlanDue),
      checkSheets: d.checkSheets.map(toCheckSheetDue),
      staleDocuments: d.staleDocuments.map(toDocument),
      findings: d.findings.map((f) => toFinding(f, d.at)),
      ledgerEntriesPastRetention: d.ledger.map((e) => toLedgerEntry(e, d.at)),
      systemsMissingContractClauses: d.contracts.map(toChecklist),
      dutyRecords: d.dutyRecords,
      dutiesDue: d.duties.map(toDuty),
    });
  }
}

@Resolver()
export class DutyRecordResolver {
  @Rule('registry:read')
  @Query(() => [Duty], {
    description:
      'The duties of the municipality’s rulebooks performed outside the software (実施記録), per section where kept per section, with when each is next due.',
  })
  async duties(@Ctx() ctx: Context): Promise<Duty[]> {
    return (await dutyService.duties(ctx)).map(toDuty);
  }

  @Rule('registry:read')
  @Query(() => [DutyRecord], { description: 'Records of duties done, newest first.' })
  async dutyRecords(
    @Ctx() ctx: Context,
    @Arg('dutyKey', () => DutyKeyEnum, { nullable: true }) dutyKey: DutyKey | null,
    @Arg('orgUnitId', () => ID, { nullable: true }) orgUnitId: string | null,
  ): Promise<DutyRecord[]> {
    return (await dutyService.dutyRecords(ctx, { dutyKey, orgUnitId })).map(toDutyRecord);
  }

  @Rule('signedIn')
  @Mutation(() => DutyRecord, {
    description: 'A performer of a duty (or a registry administrator transcribing it) records that it was done: when, what, with which evidence.',
  })
  async recordDuty(@Ctx() ctx: Context, @Arg('input', () => DutyRecordInput) input: DutyRecordInput): Promise<DutyRecord> {
    return toDutyRecord(await dutyService.recordDuty(ctx, input));
  }
}

export const registerResolvers = [
  ProcessingPlanResolver,
  SystemDocumentResolver,
  ContractClauseResolver,
  InspectionResolver,
  FindingResolver,
  FormLedgerResolver,
  OperationsDueResolver,
  DutyRecordResolver,
] as const;
