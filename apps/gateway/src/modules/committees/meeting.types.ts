import type { RuleId } from '@tsukasa/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Bilingual } from '../../graphql/shared.types.ts';
import { Request } from '../requests/index.ts';
import { TextFormat } from '../../graphql/input-guard.ts';
import {
  AGENDA_SOURCE_VALUES,
  CADENCE_VALUES,
  MEETING_MODE_VALUES,
  MEETING_STATUS_VALUES,
  QUORUM_KIND_VALUES,
  type AgendaSource,
  type Cadence,
  type MeetingMode,
  type MeetingStatus,
} from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';

export const MeetingStatusEnum = graphqlEnum(MEETING_STATUS_VALUES, {
  name: 'MeetingStatus',
  description: 'draft (agenda editable), frozen (agenda fixed), held (attendance taken), closed (minutes sent), cancelled',
});
export const MeetingModeEnum = graphqlEnum(MEETING_MODE_VALUES, {
  name: 'MeetingMode',
  description: 'A sitting (会議) or a decision by circulation (持回り, KWW-12-2).',
});
export const AgendaSourceEnum = graphqlEnum(AGENDA_SOURCE_VALUES, {
  name: 'AgendaSource',
  description: 'A request’s committee step, a standing item, carried over from a previous meeting, or added freely.',
});
export const QuorumKindEnum = graphqlEnum(QUORUM_KIND_VALUES, {
  name: 'QuorumKind',
  description: 'MAJORITY: more than half of the members present (ARK-19-1); NONE: the rulebook sets no quorum.',
});
export const CadenceEnum = graphqlEnum(CADENCE_VALUES, { name: 'Cadence', description: 'How often a committee meets: monthly, or when there is business.' });

export enum ItemOutcomeEnum {
  APPROVED = 'approved',
  APPROVED_WITH_CONDITIONS = 'approved_with_conditions',
  REJECTED = 'rejected',
  DEFERRED = 'deferred',
}
registerEnumType(ItemOutcomeEnum, { name: 'ItemOutcome', description: '承認, 条件付き承認, 否認, 継続審議' });

export enum AgendaGroupEnum {
  DELIBERATION = 'deliberation',
  CARRIED_OVER = 'carried_over',
  REPORT = 'report',
  OTHER = 'other',
}
registerEnumType(AgendaGroupEnum, { name: 'AgendaGroup', description: '審議事項, 継続審議事項, 報告事項, その他' });

export enum ExtraAttendeeRole {
  TEMPORARY_MEMBER = 'temporary_member',
  SUBSTITUTE = 'substitute',
  INVITED = 'invited',
}
registerEnumType(ExtraAttendeeRole, { name: 'ExtraAttendeeRole', description: '臨時委員 (ARK-17-2), 代理出席 (MNT-9-3), 委員以外の出席者 (ARK-19-2)' });

export enum Vote {
  AGREE = 'agree',
  DISAGREE = 'disagree',
}
registerEnumType(Vote, { name: 'Vote' });

export enum DocumentKind {
  AGENDA = 'agenda',
  MINUTES = 'minutes',
}
registerEnumType(DocumentKind, { name: 'MeetingDocumentKind', description: '次第 (agenda) or 会議録 (minutes)' });

export enum DocumentFormat {
  PDF = 'pdf',
  DOCX = 'docx',
  MARKDOWN = 'md',
}
registerEnumType(DocumentFormat, { name: 'MeetingDocumentFormat' });

@ObjectType({ description: 'A seat of a committee: a position and who holds it on the date asked.' })
export class CommitteeSeat {
  @Field(() => ID) positionId!: string;
  @Field(() => String) title!: string;
  @Field(() => ID, { nullable: true }) staffId!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType('CommitteeRules', { description: 'What the rulebook says of a committee’s sittings.' })
export class CommitteeRules {
  @Field(() => QuorumKindEnum) quorum!: (typeof QUORUM_KIND_VALUES)[number];
  @Field(() => Bilingual) quorumText!: Bilingual;
  @Field(() => [String]) quorumRuleIds!: RuleId[];
  @Field(() => Boolean) circulationAllowed!: boolean;
  @Field(() => Boolean) substitutesAllowed!: boolean;
  @Field(() => Boolean) temporaryMembersAllowed!: boolean;
  @Field(() => Boolean) invitedAllowed!: boolean;
  @Field(() => CadenceEnum) cadence!: Cadence;
  @Field(() => [String]) cadenceRuleIds!: RuleId[];
}

@ObjectType('Committee', { description: '会議体: a committee or meeting the rulebook sets up (運営委員会, 定例報告会, 運用管理会議 …).' })
export class Committee {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) rulebookId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: '庶務 / 事務局' }) secretariat!: string;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => CommitteeRules) rules!: CommitteeRules;
  chairPositionId!: string;
  memberPositionIds!: string[];
}

@ObjectType()
export class AgendaDocumentRef {
  @Field(() => String, { description: 'e.g. 資料1, 資料2-1' }) label!: string;
  @Field(() => String) title!: string;
}

@ObjectType({ description: 'A member’s sign-off of a circulated item (KWW-12-2).' })
export class Signoff {
  @Field(() => ID) positionId!: string;
  @Field(() => String, { nullable: true }) positionTitle!: string | null;
  @Field(() => String) staffName!: string;
  @Field(() => Vote) vote!: Vote;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => Date) signedAt!: Date;
}

@ObjectType({ description: '議題: an item of a meeting’s agenda, and its decision once taken.' })
export class AgendaItem {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Number as printed (1, 2, 3 …); 0 for an item taken off.' }) number!: number;
  @Field(() => AgendaGroupEnum) group!: AgendaGroupEnum;
  @Field(() => Bilingual) groupLabel!: Bilingual;
  @Field(() => AgendaSourceEnum) source!: AgendaSource;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: '説明者' }) presenter!: string | null;
  @Field(() => [AgendaDocumentRef], { description: '資料' }) documents!: AgendaDocumentRef[];
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Figures of a standing report for the period (MNT-9-1-2 …).' }) figures!: Record<
    string,
    unknown
  > | null;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field(() => Request, { nullable: true }) request!: Request | null;
  @Field(() => Date, { nullable: true }) removedAt!: Date | null;
  @Field(() => String, { nullable: true }) removedReason!: string | null;
  @Field(() => ItemOutcomeEnum, { nullable: true }) outcome!: ItemOutcomeEnum | null;
  @Field(() => Bilingual, { nullable: true }) outcomeLabel!: Bilingual | null;
  @Field(() => String, { nullable: true }) conditions!: string | null;
  @Field(() => [String], { description: 'Members who dissented.' }) dissent!: string[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => [Signoff]) signoffs!: Signoff[];
  @Field(() => [ID], { description: 'Member seats the viewer may sign this circulated item for now (held or deputised, not yet signed).' })
  viewerSignablePositionIds!: string[];
}

@ObjectType({ description: 'Someone expected at (or present at) a meeting.' })
export class Attendee {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'chair, member, temporary_member, substitute, invited, secretariat, contractor' }) role!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => ID, { nullable: true }) staffId!: string | null;
  @Field(() => ID, { nullable: true }) positionId!: string | null;
  @Field(() => ID, { nullable: true }) substituteForId!: string | null;
  @Field(() => Boolean) approvedByChair!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Null until attendance is taken.' }) present!: boolean | null;
}

@ObjectType({ description: '定足数: computed from the attendance and the rulebook (ARK-19-1).' })
export class Quorum {
  @Field(() => Int) members!: number;
  @Field(() => Int) present!: number;
  @Field(() => Int) required!: number;
  @Field(() => Boolean) met!: boolean;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'Business the rulebook would bring before this meeting that is not on its agenda, and why.' })
export class NotProposedItem {
  @Field(() => String) ref!: string;
  @Field(() => String) title!: string;
  @Field(() => Bilingual) reason!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'A printable paper of a meeting.' })
export class MeetingFile {
  @Field(() => String) fileName!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => String, { nullable: true, description: 'The Markdown text (Markdown only).' }) text!: string | null;
  @Field(() => String, { description: 'The file, base64-encoded.' }) base64!: string;
}

@ObjectType('Meeting', { description: '会議: a sitting of a committee (or a decision by circulation), its agenda and minutes.' })
export class Meeting {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. 令和8年度第3回 電子情報システム運営委員会' }) title!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Int) number!: number;
  @Field(() => MeetingModeEnum) mode!: MeetingMode;
  @Field(() => String, { description: 'YYYY-MM-DD' }) heldOn!: string;
  @Field(() => String, { nullable: true }) startTime!: string | null;
  @Field(() => String, { nullable: true }) endTime!: string | null;
  @Field(() => String) place!: string;
  @Field(() => MeetingStatusEnum) status!: MeetingStatus;
  @Field(() => Date, { nullable: true }) cutoffAt!: Date | null;
  @Field(() => Date, { nullable: true }) minutesSentAt!: Date | null;
  @Field(() => Int) version!: number;
  committeeId!: string;
  /** The agenda as loaded once for this object: `items` and `removedItems` share it. */
  agenda?: Promise<AgendaItem[]>;
}

@InputType()
export class CreateMeetingInput {
  @Field(() => ID) committeeId!: string;
  @TextFormat('date')
  @Field(() => String, { description: 'YYYY-MM-DD' })
  heldOn!: string;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) startTime?: string | null;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) endTime?: string | null;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Decide by circulation (持回り) instead of a sitting, where the rulebook allows (KWW-12-2).' })
  circulation?: boolean | null;
}

@InputType()
export class AgendaItemInput {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) presenter?: string | null;
  @Field(() => AgendaGroupEnum, { nullable: true, description: 'Default: other business.' }) group?: AgendaGroupEnum | null;
  @Field(() => [String], { nullable: true, description: 'Titles of the papers (資料).' }) documents?: string[] | null;
  @Field(() => [String], { nullable: true }) ruleIds?: string[] | null;
}

@InputType()
export class AttendeeInput {
  @Field(() => ExtraAttendeeRole) role!: ExtraAttendeeRole;
  @Field(() => String, { description: '職名 as printed' }) title!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true }) staffId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For a substitute: the member’s attendee id.' }) substituteForId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'For a substitute where the chair approves them (MNT-9-3).' }) approvedByChair?: boolean | null;
}

@InputType()
export class RecordDecisionInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ItemOutcomeEnum) outcome!: ItemOutcomeEnum;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  conditions?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Attendee ids of members who dissented.' }) dissentIds?: string[] | null;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class SignCirculationInput {
  @Field(() => ID) itemId!: string;
  @Field(() => Vote) vote!: Vote;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  comment?: string | null;
}
