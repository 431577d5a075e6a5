import { INCIDENT_UPDATE_KIND_VALUES, type IncidentUpdateKind, type RuleId } from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bilingual } from '../../graphql/shared.types.ts';
import { TextFormat } from '../../graphql/input-guard.ts';

export const IncidentUpdateKindEnum = graphqlEnum(INCIDENT_UPDATE_KIND_VALUES, {
  name: 'IncidentUpdateKind',
  description: 'The first report, an update, an escalation, the resolution, the analysis afterwards, or the confirmation.',
});

export enum IncidentStatusEnum {
  REPORTED = 'reported',
  RECOVERING = 'recovering',
  RESOLVED = 'resolved',
  CONFIRMED = 'confirmed',
}
registerEnumType(IncidentStatusEnum, { name: 'IncidentStatus', description: '発生報告 → 復旧対応中 → 解消 → 解消確認済 (MNT-22-3)' });

export enum IncidentSeverityEnum {
  MINOR = 'minor',
  MAJOR = 'major',
  CRITICAL = 'critical',
}
registerEnumType(IncidentSeverityEnum, { name: 'IncidentSeverity', description: '軽微（一部機能）, 重大（業務に支障）, 緊急（全面停止）' });

export enum IncidentNoticeKindEnum {
  OCCURRENCE = 'occurrence',
  RESOLUTION = 'resolution',
}
registerEnumType(IncidentNoticeKindEnum, {
  name: 'IncidentNoticeKind',
  description: 'The continuation notice (継送連絡) at occurrence or at resolution (MNT-22-4).',
});

@ObjectType({ description: 'An entry of an incident’s time-stamped log (経過).' })
export class IncidentLogEntry {
  @Field(() => Int) seq!: number;
  @Field(() => Date) at!: Date;
  @Field(() => IncidentUpdateKindEnum) kind!: IncidentUpdateKind;
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'The status after this entry.' }) status!: IncidentStatusEnum | null;
  @Field(() => Date, { nullable: true }) recoveryEta!: Date | null;
  @Field(() => String, { nullable: true }) cause!: string | null;
  @Field(() => String, { nullable: true, description: '縮退運転の内容' }) degradedOperation!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  byId!: string;
  onBehalfOfId!: string | null;
}

@ObjectType({ description: 'The continuation notice (継送連絡) to one using section (MNT-22-4).' })
export class IncidentNotice {
  @Field(() => IncidentNoticeKindEnum) kind!: IncidentNoticeKindEnum;
  @Field(() => Bilingual) kindLabel!: Bilingual;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String, { description: 'The using section, e.g. 区民課' }) sectionName!: string;
  @Field(() => String, { description: 'With its parent unit, e.g. 芝地区総合支所 区民課' }) sectionFullName!: string;
  @Field(() => String, { nullable: true, description: 'The head position told (課長 …); null when vacant.' }) recipientPositionName!: string | null;
  @Field(() => Date, { nullable: true, description: 'Null: nobody could be told (the head position and those above it are vacant).' }) sentAt!: Date | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  recipientStaffIds!: string[];
}

@ObjectType({ description: '障害: the record of the 障害等対応連絡票 (MNT-22 第8号様式), from occurrence to confirmed resolution.' })
export class Incident {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. INC-R8-0001 (per fiscal year)' }) number!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date) detectedAt!: Date;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => IncidentSeverityEnum) severity!: IncidentSeverityEnum;
  @Field(() => Bilingual) severityLabel!: Bilingual;
  @Field(() => Boolean, { description: 'Residents (市民・区民) affected: escalated (KWO-10-1-2, MNT-22-2, KTM-14-1).' }) residentsAffected!: boolean;
  @Field(() => String, { nullable: true, description: '縮退運転の内容 (KWO-10-1-2 イ(ア))' }) degradedOperation!: string | null;
  @Field(() => IncidentStatusEnum) status!: IncidentStatusEnum;
  @Field(() => Bilingual) statusLabel!: Bilingual;
  @Field(() => Boolean, { description: 'Not yet resolved.' }) open!: boolean;
  @Field(() => String, { nullable: true }) cause!: string | null;
  @Field(() => Date, { nullable: true, description: '復旧見込日時' }) recoveryEta!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Post-incident analysis (事象の調査及び分析, KWO-10-1-2 ウ).' }) analysis!: string | null;
  @Field(() => String, { nullable: true, description: '再発防止策' }) preventiveMeasures!: string | null;
  @Field(() => Date, { nullable: true }) analysisRecordedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the administrator confirmed the resolution (MNT-22-3).' }) confirmedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the roles named for escalation were told.' }) escalatedAt!: Date | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => [String], { description: 'The rules the system’s contact network answers to (KWW-9-2, KTM-14-4 …).' }) contactNetworkRuleIds!: RuleId[];
  @Field(() => Int) version!: number;
  systemId!: string;
  reportedById!: string;
  resolvedById!: string | null;
  confirmedById!: string | null;
  rulebookId!: string | null;
}

@InputType()
export class IncidentFilter {
  @Field(() => ID, { nullable: true }) systemId?: string | null;
  @Field(() => [IncidentStatusEnum], { nullable: true }) status?: IncidentStatusEnum[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only incidents not yet resolved.' }) openOnly?: boolean | null;
  @Field(() => Date, { nullable: true, description: 'Occurred at or after.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Occurred before.' }) to?: Date | null;
  @Field(() => Int, { nullable: true, description: 'At most this many (default 100, at most 500).' }) limit?: number | null;
}

@InputType({ description: 'The report of occurrence (第8号様式).' })
export class ReportIncidentInput {
  @Field(() => ID) systemId!: string;
  @Field(() => String) title!: string;
  @TextFormat('multiline')
  @Field(() => String, { description: '障害の内容' })
  description!: string;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Default: now.' }) detectedAt?: Date | null;
  @Field(() => IncidentSeverityEnum) severity!: IncidentSeverityEnum;
  @Field(() => Boolean) residentsAffected!: boolean;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true, description: '縮退運転の内容' })
  degradedOperation?: string | null;
  @Field(() => Date, { nullable: true }) recoveryEta?: Date | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  cause?: string | null;
}

@InputType({ description: 'An update while the incident is open: recorded in its log.' })
export class UpdateIncidentInput {
  @Field(() => Date, { nullable: true }) recoveryEta?: Date | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  cause?: string | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  degradedOperation?: string | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  note?: string | null;
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'Only RECOVERING (the resolution is recorded with resolveIncident).' })
  status?: IncidentStatusEnum | null;
}

@InputType()
export class ResolveIncidentInput {
  @Field(() => Date, { nullable: true, description: 'Default: now.' }) resolvedAt?: Date | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  cause?: string | null;
}

@InputType({ description: 'Post-incident analysis: what happened and why, and the measures against recurrence (KWO-10-1-2 ウ(イ)).' })
export class IncidentAnalysisInput {
  @TextFormat('multiline')
  @Field(() => String)
  analysis!: string;
  @TextFormat('multiline')
  @Field(() => String)
  preventiveMeasures!: string;
}
