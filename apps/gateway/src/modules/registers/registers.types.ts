import { DUTY_KEY_VALUES, FINDING_SOURCE_VALUES, type DutyKey, type FindingSource, type RuleId } from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bilingual } from '../../graphql/shared.types.ts';
import { TextFormat } from '../../graphql/input-guard.ts';

export const FindingSourceEnum = graphqlEnum(FINDING_SOURCE_VALUES, {
  name: 'FindingSource',
  description: 'An improvement request (改善要求), an audit, a self-inspection or a check sheet.',
});

export enum RegisterDueStateEnum {
  UPCOMING = 'upcoming',
  DUE = 'due',
  OVERDUE = 'overdue',
  DONE = 'done',
  DONE_LATE = 'done_late',
}
registerEnumType(RegisterDueStateEnum, {
  name: 'RegisterDueState',
  description: 'Where an obligation with a due date stands: not yet asked for, due, overdue, done, done after the due date.',
});

export enum OutputResultEnum {
  NORMAL = 'normal',
  ABNORMAL = 'abnormal',
}
registerEnumType(OutputResultEnum, {
  name: 'OutputCheckResult',
  description: 'ARK-8-5: the output checked on receipt — normal, or abnormal (with the action taken).',
});

export enum SystemDocumentKindEnum {
  DESIGN = 'design',
  MANUAL = 'manual',
  OPERATING_MANUAL = 'operating_manual',
  OTHER = 'other',
}
registerEnumType(SystemDocumentKindEnum, {
  name: 'SystemDocumentKind',
  description: '設計書, 取扱説明書, 操作手引書 (ARK-11: kept by each using section), その他',
});

export enum InspectionKindEnum {
  AUDIT = 'audit',
  SELF_INSPECTION = 'self_inspection',
  CHECK_SHEET = 'check_sheet',
}
registerEnumType(InspectionKindEnum, { name: 'InspectionKind', description: '監査 (ARK-29-1), 自己点検 (ARK-29-2), 点検シート (KWO-5-3)' });

export enum RecordableInspectionKind {
  AUDIT = 'audit',
  SELF_INSPECTION = 'self_inspection',
}
registerEnumType(RecordableInspectionKind, {
  name: 'RecordableInspectionKind',
  description: '監査 (ARK-29-1) or 自己点検 (ARK-29-2); check sheets are recorded with recordCheckSheet.',
});

export enum InspectionResultEnum {
  SATISFACTORY = 'satisfactory',
  NEEDS_IMPROVEMENT = 'needs_improvement',
}
registerEnumType(InspectionResultEnum, { name: 'InspectionResult', description: '適正 or 要改善' });

export enum FindingStatusEnum {
  OPEN = 'open',
  RESPONDED = 'responded',
  CLOSED = 'closed',
}
registerEnumType(FindingStatusEnum, { name: 'FindingStatus', description: 'open (awaiting the answer) → responded (awaiting the raiser’s check) → closed' });

export enum DisposalMethodEnum {
  SHREDDING = 'shredding',
  DISSOLVING = 'dissolving',
  INCINERATION = 'incineration',
  OTHER = 'other',
}
registerEnumType(DisposalMethodEnum, { name: 'DisposalMethod', description: 'KWO-9-3: 裁断, 溶解, 焼却, その他 (saying how the content was made unreadable)' });

// ---- processing plans (ARK-8) ---------------------------------------------------------------------

@ObjectType({ description: 'A job of a monthly processing plan, and its input data’s handover (ARK-8-3), return (ARK-8-4) and output check (ARK-8-5).' })
export class ProcessingPlanItem {
  @Field(() => ID) id!: string;
  @Field(() => Int) seq!: number;
  @Field(() => String, { description: '処理業務' }) job!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) scheduledOn!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) scheduledTime!: string | null;
  @Field(() => String, { description: '入力データ等' }) inputData!: string;
  @Field(() => Date, { nullable: true }) inputSentAt!: Date | null;
  @Field(() => String, { nullable: true }) inputSentBy!: string | null;
  @Field(() => String, { nullable: true, description: '送付書 reference or remarks' }) inputNote!: string | null;
  @Field(() => Date, { nullable: true }) inputReturnedAt!: Date | null;
  @Field(() => String, { nullable: true }) inputReturnedBy!: string | null;
  @Field(() => Date, { nullable: true }) outputCheckedAt!: Date | null;
  @Field(() => String, { nullable: true }) outputCheckedBy!: string | null;
  @Field(() => OutputResultEnum, { nullable: true }) outputResult!: OutputResultEnum | null;
  @Field(() => String, { nullable: true }) outputNote!: string | null;
}

@ObjectType({ description: '月間処理予定: a using section’s plan of a month’s processing on a system デジタル推進課 manages (ARK-8-1).' })
export class ProcessingPlan {
  @Field(() => ID) id!: string;
  @Field(() => ID) systemId!: string;
  @Field(() => String) systemName!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String) orgUnitName!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the last day of the month before (ARK-8-1).' }) dueOn!: string;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => String) submittedBy!: string;
  @Field(() => Boolean, { description: 'Reported after the due date.' }) late!: boolean;
  @Field(() => [ProcessingPlanItem]) items!: ProcessingPlanItem[];
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'Whether a (system, using section) pair has reported its plan for a month (ARK-8-1).' })
export class ProcessingPlanDue {
  @Field(() => ID) systemId!: string;
  @Field(() => String) systemName!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String) orgUnitName!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => RegisterDueStateEnum) state!: RegisterDueStateEnum;
  @Field(() => Bilingual) stateLabel!: Bilingual;
  @Field(() => ID, { nullable: true }) planId!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) submittedOn!: string | null;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@InputType()
export class ProcessingPlanItemInput {
  @Field(() => String) job!: string;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD, within the month' })
  scheduledOn!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) scheduledTime?: string | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true, description: '入力データ等 (ARK-8-3)' })
  inputData?: string | null;
}

@InputType()
export class ProcessingPlanInput {
  @Field(() => ID) systemId!: string;
  @Field(() => ID, { description: 'The using section reporting (the viewer’s own).' }) orgUnitId!: string;
  @TextFormat('month')
  @Field(() => String, { description: 'YYYY-MM: the month planned' })
  month!: string;
  @Field(() => [ProcessingPlanItemInput]) items!: ProcessingPlanItemInput[];
}

// ---- documents (MNT-13-9, MNT-21, ARK-5, ARK-11) ----------------------------------------------------

@ObjectType({ description: 'A registered version of a system document.' })
export class SystemDocumentVersion {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'e.g. 第3版, v2.1' }) versionLabel!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) registeredAt!: Date;
  @Field(() => String) registeredBy!: string;
}

@ObjectType({ description: 'A modification of the system completed (an approved 改修 request).' })
export class CompletedModification {
  @Field(() => String) requestNumber!: string;
  @Field(() => Date) decidedAt!: Date;
}

@ObjectType({
  description:
    'A document of a system (one per kind; operating manuals one per using section, ARK-11-1): its versions and whether it reflects every completed modification.',
})
export class SystemDocument {
  @Field(() => ID) systemId!: string;
  @Field(() => String) systemName!: string;
  @Field(() => SystemDocumentKindEnum) kind!: SystemDocumentKindEnum;
  @Field(() => Bilingual) kindLabel!: Bilingual;
  @Field(() => ID, { nullable: true, description: 'The using section keeping it (operating manuals under ARK-11).' }) orgUnitId!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => SystemDocumentVersion) latest!: SystemDocumentVersion;
  @Field(() => [SystemDocumentVersion], { description: 'Newest first.' }) versions!: SystemDocumentVersion[];
  @Field(() => Boolean, { description: 'A modification was completed after the latest version was registered.' }) stale!: boolean;
  @Field(() => Date, { nullable: true, description: 'When the first modification not reflected was completed.' }) staleSince!: Date | null;
  @Field(() => Bilingual, { nullable: true }) staleReason!: Bilingual | null;
  @Field(() => [CompletedModification], { description: 'Modifications completed after the latest version.' }) pendingModifications!: CompletedModification[];
  @Field(() => [String], { description: 'The rules that keep this document current (empty where no rule does).' }) ruleIds!: RuleId[];
}

@InputType()
export class SystemDocumentInput {
  @Field(() => ID) systemId!: string;
  @Field(() => SystemDocumentKindEnum) kind!: SystemDocumentKindEnum;
  @Field(() => ID, { nullable: true, description: 'For an operating manual kept by a using section (ARK-11-1): that section.' }) orgUnitId?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String) versionLabel!: string;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  note?: string | null;
}

// ---- contract clauses (ARK-6-1) -------------------------------------------------------------------

@ObjectType({ description: 'An item of ARK-6-1 and whether the contract states it.' })
export class ContractClause {
  @Field(() => String, { description: 'ARK-6-1-1 … ARK-6-1-10' }) ruleId!: RuleId;
  @Field(() => Int) number!: number;
  @Field(() => Bilingual) text!: Bilingual;
  @Field(() => Boolean) checked!: boolean;
  @Field(() => String, { nullable: true, description: 'e.g. the contract article stating it' }) note!: string | null;
  @Field(() => String, { nullable: true }) recordedBy!: string | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
}

@ObjectType({ description: 'The ARK-6-1 checklist of an outsourced system’s contract.' })
export class ContractClauseChecklist {
  @Field(() => ID) systemId!: string;
  @Field(() => String) systemName!: string;
  @Field(() => String, { nullable: true }) contractorName!: string | null;
  @Field(() => Boolean, { description: 'ARK-6-1 binds the system: an ARK system with a contractor.' }) applies!: boolean;
  @Field(() => [ContractClause]) clauses!: ContractClause[];
  @Field(() => [String], { description: 'Items the contract is not recorded as stating.' }) missingClauses!: string[];
  @Field(() => Boolean) complete!: boolean;
  @Field(() => [String]) ruleIds!: RuleId[];
}

// ---- inspections, check sheets, findings (ARK-29, KWO-5-3, KWW-10-2, KWO-3-3) ---------------------------

@ObjectType({ description: 'An audit (ARK-29-1), a self-inspection (ARK-29-2) or a quarterly check sheet (KWO-5-3).' })
export class Inspection {
  @Field(() => ID) id!: string;
  @Field(() => InspectionKindEnum) kind!: InspectionKindEnum;
  @Field(() => Bilingual) kindLabel!: Bilingual;
  @Field(() => ID, { nullable: true }) orgUnitId!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => ID, { nullable: true }) systemId!: string | null;
  @Field(() => String, { nullable: true }) systemName!: string | null;
  @Field(() => String) scope!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) conductedOn!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Int, { nullable: true, description: 'Check sheets: 1 (April–June) … 4 (January–March).' }) quarter!: number | null;
  @Field(() => InspectionResultEnum) result!: InspectionResultEnum;
  @Field(() => String, { nullable: true, description: 'What was found / the measures taken.' }) summary!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'A using place’s check sheet for a quarter (KWO-5-3: 年4回), due by the quarter’s last day.' })
export class CheckSheetDue {
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String) orgUnitName!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Int) quarter!: number;
  @Field(() => Bilingual) quarterLabel!: Bilingual;
  @Field(() => String, { description: 'YYYY-MM-DD' }) from!: string;
  @Field(() => String, { description: 'YYYY-MM-DD: the last day of the quarter' }) dueOn!: string;
  @Field(() => RegisterDueStateEnum) state!: RegisterDueStateEnum;
  @Field(() => Bilingual) stateLabel!: Bilingual;
  @Field(() => String, { nullable: true }) checkedOn!: string | null;
  @Field(() => ID, { nullable: true }) inspectionId!: string | null;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@InputType()
export class InspectionInput {
  @Field(() => RecordableInspectionKind) kind!: RecordableInspectionKind;
  @Field(() => ID, { nullable: true, description: 'The section inspected (required for a self-inspection: the viewer’s own).' }) orgUnitId?: string | null;
  @Field(() => ID, { nullable: true }) systemId?: string | null;
  @TextFormat('multiline')
  @Field(() => String)
  scope!: string;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  conductedOn!: string;
  @Field(() => InspectionResultEnum) result!: InspectionResultEnum;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType()
export class CheckSheetInput {
  @Field(() => ID, { description: 'The using place (区民課, 支所区民センター, 出張所).' }) orgUnitId!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Int, { description: '1 (April–June) … 4 (January–March)' }) quarter!: number;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  checkedOn!: string;
  @Field(() => InspectionResultEnum) result!: InspectionResultEnum;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true, description: 'Measures taken where improvement is needed (KWO-5-3).' })
  measures?: string | null;
}

@ObjectType()
export class FindingNote {
  @Field(() => ID) id!: string;
  @Field(() => String) author!: string;
  @Field(() => String) body!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: '指摘事項 or 改善要求 (KWW-10-2, KWO-3-3), followed up to closure.' })
export class Finding {
  @Field(() => ID) id!: string;
  @Field(() => FindingSourceEnum) source!: FindingSource;
  @Field(() => ID, { nullable: true }) inspectionId!: string | null;
  @Field(() => ID, { nullable: true }) systemId!: string | null;
  @Field(() => String, { nullable: true }) systemName!: string | null;
  @Field(() => ID) addresseePositionId!: string;
  @Field(() => String) addressee!: string;
  @Field(() => String) title!: string;
  @Field(() => String) detail!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => FindingStatusEnum) status!: FindingStatusEnum;
  @Field(() => Bilingual) statusLabel!: Bilingual;
  @Field(() => Boolean, { description: 'Unanswered after its due date.' }) overdue!: boolean;
  @Field(() => String) raisedBy!: string;
  @Field(() => Date) raisedAt!: Date;
  @Field(() => String, { nullable: true }) response!: string | null;
  @Field(() => Date, { nullable: true }) respondedAt!: Date | null;
  @Field(() => String, { nullable: true }) respondedBy!: string | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) closedBy!: string | null;
  @Field(() => String, { nullable: true }) closeNote!: string | null;
  @Field(() => [FindingNote], { description: 'Follow-up notes, oldest first.' }) notes!: FindingNote[];
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => Int) version!: number;
}

@InputType()
export class FindingInput {
  @Field(() => ID, { nullable: true, description: 'The inspection it comes from; none for an improvement request (KWW-10-2, KWO-3-3).' }) inspectionId?:
    string | null;
  @Field(() => ID, { nullable: true }) systemId?: string | null;
  @Field(() => ID, { description: 'The position asked to improve (情報管理責任者, 利用責任者, システム利用責任者 …).' }) addresseePositionId!: string;
  @Field(() => String) title!: string;
  @TextFormat('multiline')
  @Field(() => String)
  detail!: string;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD: the answer is due by then.' })
  dueOn!: string;
}

// ---- the form ledger (KWO-5-2) -------------------------------------------------------------------------

@ObjectType({ description: 'An entry of the 帳票等管理台帳 (KWO-5-2, 第1号様式).' })
export class FormLedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String) orgUnitName!: string;
  @Field(() => String) formName!: string;
  @Field(() => String, { description: 'The information the forms hold.' }) information!: string;
  @Field(() => String, { description: 'KWO-9-2: a lockable cabinet or the like.' }) storagePlace!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) createdOn!: string;
  @Field(() => Int, { nullable: true, description: 'Years (KWO-9-4); null: 常用.' }) retentionYears!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: kept until (counted from 1 April of the next fiscal year).' }) retentionEndsOn!:
    string | null;
  @Field(() => Boolean, { description: 'Retention over and not disposed of.' }) pastRetention!: boolean;
  @Field(() => DisposalMethodEnum, { nullable: true }) disposalMethod!: DisposalMethodEnum | null;
  @Field(() => Bilingual, { nullable: true }) disposalMethodLabel!: Bilingual | null;
  @Field(() => String, { nullable: true }) disposalNote!: string | null;
  @Field(() => String, { nullable: true }) disposedOn!: string | null;
  @Field(() => String, { nullable: true }) disposedBy!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => Bilingual, { nullable: true }) message!: Bilingual | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => Int) version!: number;
}

@InputType()
export class FormLedgerEntryInput {
  @Field(() => ID, { description: 'The using place keeping the forms.' }) orgUnitId!: string;
  @Field(() => String) formName!: string;
  @TextFormat('multiline')
  @Field(() => String)
  information!: string;
  @Field(() => String) storagePlace!: string;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  createdOn!: string;
  @Field(() => Int, { nullable: true, description: 'Years; omit for 常用.' }) retentionYears?: number | null;
}

@InputType()
export class FormDisposalInput {
  @Field(() => ID) entryId!: string;
  @Field(() => DisposalMethodEnum) method!: DisposalMethodEnum;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  disposedOn!: string;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  note?: string | null;
}

// ---- 実施記録: duties performed outside the software -------------------------------------------------

export const DutyKeyEnum = graphqlEnum(DUTY_KEY_VALUES, {
  name: 'DutyKey',
  description:
    'A duty a rulebook gives a person to perform outside the software, recorded when done (KTM-14-3, ARK-28-2, ARK-30-1, ARK-26-2-3, MNT-19-2, MNT-4-1-11, KWO-9-1).',
});

@ObjectType({ description: 'How often the duty comes round: the municipality’s setting (the articles set no time).' })
export class DutyCadence {
  @Field(() => Int, { description: 'Every this many months (periodic); within this many months of an audit or self-inspection (ARK-30-1).' })
  months!: number;
  @Field(() => String, { description: 'YYYY-MM-DD: set up on; a duty never done is first due `months` later.' }) since!: string;
  @Field(() => Bilingual, { description: 'Where the cadence comes from: 団体の設定 (municipality setting).' }) source!: Bilingual;
}

@ObjectType({ description: 'A duty of the municipality’s rulebooks, for the whole municipality or for one section, and when it is next due.' })
export class Duty {
  @Field(() => DutyKeyEnum) key!: DutyKey;
  @Field(() => Bilingual) title!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => Bilingual, { description: 'Who performs it, as the rulebook names them.' }) performedBy!: Bilingual;
  @Field(() => Bilingual, { description: 'What the article says about when.' }) when!: Bilingual;
  @Field(() => Boolean, { description: 'Due after each audit or self-inspection (ARK-30-1) rather than periodically.' }) afterAudit!: boolean;
  @Field(() => DutyCadence, { nullable: true, description: 'Null: the municipality has not set it up (no due date).' }) cadence!: DutyCadence | null;
  @Field(() => ID, { nullable: true, description: 'The section, for a duty performed per section.' }) orgUnitId!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) lastDoneOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when nothing is due.' }) nextDueOn!: string | null;
  @Field(() => RegisterDueStateEnum, { nullable: true, description: 'Null when the municipality has not set it up.' }) state!: RegisterDueStateEnum | null;
  @Field(() => Bilingual, { nullable: true }) stateLabel!: Bilingual | null;
}

@ObjectType({ description: 'A record that a duty was done (実施記録): when, by whom, what, with which evidence.' })
export class DutyRecord {
  @Field(() => ID) id!: string;
  @Field(() => DutyKeyEnum) dutyKey!: DutyKey;
  @Field(() => Bilingual) title!: Bilingual;
  @Field(() => ID, { nullable: true }) orgUnitId!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD' }) doneOn!: string;
  @Field(() => String) note!: string;
  @Field(() => String, { nullable: true, description: 'Where the evidence is: a file name, a cabinet, a list of attendees.' }) evidence!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: due again on (periodic duties).' }) nextDueOn!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => String, { nullable: true, description: 'The role holder a deputy recorded for.' }) onBehalfOf!: string | null;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@InputType()
export class DutyRecordInput {
  @Field(() => DutyKeyEnum) dutyKey!: DutyKey;
  @Field(() => ID, { nullable: true, description: 'The section, for a duty performed per section.' }) orgUnitId?: string | null;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  doneOn!: string;
  @TextFormat('multiline')
  @Field(() => String)
  note!: string;
  @Field(() => String, { nullable: true }) evidence?: string | null;
}

// ---- the dashboard ----------------------------------------------------------------------------------------

@ObjectType({ description: 'One line of the operations summary: how much is due and overdue, under which rules.' })
export class OperationsDueLine {
  @Field(() => String, {
    description: 'processing_plans, check_sheets, stale_documents, findings, form_ledger, contract_clauses; duty_records (OperationsDue.dutyRecords)',
  })
  key!: string;
  @Field(() => Bilingual) label!: Bilingual;
  @Field(() => Int) due!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'What is due or overdue across the operations registers on a day.' })
export class OperationsDue {
  @Field(() => String, { description: 'YYYY-MM-DD' }) at!: string;
  @Field(() => [OperationsDueLine]) summary!: OperationsDueLine[];
  @Field(() => [ProcessingPlanDue], { description: 'Plans for this month not reported (overdue) and for next month not yet reported (due).' })
  processingPlans!: ProcessingPlanDue[];
  @Field(() => [CheckSheetDue], { description: 'Check sheets of the current quarter and the three before it not done.' }) checkSheets!: CheckSheetDue[];
  @Field(() => [SystemDocument]) staleDocuments!: SystemDocument[];
  @Field(() => [Finding], { description: 'Findings not closed (overdue ones flagged).' }) findings!: Finding[];
  @Field(() => [FormLedgerEntry]) ledgerEntriesPastRetention!: FormLedgerEntry[];
  @Field(() => [ContractClauseChecklist]) systemsMissingContractClauses!: ContractClauseChecklist[];
  @Field(() => OperationsDueLine, {
    nullable: true,
    description: 'The duties of 実施記録 due and overdue (key duty_records), beside the summary; null when the rulebooks give none.',
  })
  dutyRecords!: OperationsDueLine | null;
  @Field(() => [Duty], { description: 'Duties of 実施記録 due or overdue.' }) dutiesDue!: Duty[];
}
