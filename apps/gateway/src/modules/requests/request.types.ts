import { REQUEST_STATUS_VALUES, STEP_KIND_VALUES, STEP_STATUS_VALUES, type RequestStatus, type RuleId, type StepKind, type StepStatus } from '@tsukasa/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TextFormat } from '../../graphql/input-guard.ts';
import { Bilingual, PageInfo } from '../../graphql/shared.types.ts';
import { graphqlEnum } from '../../graphql/enums.ts';

export const RequestStatusEnum = graphqlEnum(REQUEST_STATUS_VALUES, {
  name: 'RequestStatus',
  description: 'On its route (IN_PROGRESS), returned for correction, approved, rejected or withdrawn.',
});
export const StepKindEnum = graphqlEnum(STEP_KIND_VALUES, {
  name: 'StepKind',
  description: '承認 (approve), 同意 (consent), 実施 (perform), 確認 (confirm), 報告・通知 (inform).',
});
export const StepStatusEnum = graphqlEnum(STEP_STATUS_VALUES, {
  name: 'StepStatus',
  description: 'Waiting for the steps before it, open to its actors, done; PLANNED in a preview.',
});
export const STEP_ACTOR_TYPE_VALUES = ['position', 'staff', 'contractor', 'committee'] as const;
export const StepActorTypeEnum = graphqlEnum(STEP_ACTOR_TYPE_VALUES, {
  name: 'StepActorType',
  description: 'A position (its holder or deputy), a staff member, the maintenance contractor, or a committee.',
});

export enum StepDecision {
  APPROVED = 'approved',
  REJECTED = 'rejected',
  RETURNED = 'returned',
  CONSENTED = 'consented',
  PERFORMED = 'performed',
  CONFIRMED = 'confirmed',
  INFORMED = 'informed',
}
registerEnumType(StepDecision, {
  name: 'StepDecision',
  description: 'approve: APPROVED/REJECTED/RETURNED; consent: CONSENTED/REJECTED/RETURNED; perform: PERFORMED; confirm: CONFIRMED/RETURNED.',
});

@ObjectType({ description: 'A field of a request kind’s form (the admin app generates the form from these).' })
export class RequestFormField {
  @Field(() => String) key!: string;
  @Field(() => String, {
    description:
      'text, textarea, date, datetime, number, boolean, select, staff, staffList, system, asset, assetList, orgUnit, position, dataItems, userChanges',
  })
  type!: string;
  @Field(() => Bilingual) label!: Bilingual;
  @Field(() => Boolean) required!: boolean;
  @Field(() => Bilingual, { nullable: true }) help!: Bilingual | null;
  @Field(() => [RequestFormOption], { nullable: true }) options!: RequestFormOption[] | null;
  @Field(() => Int, { nullable: true }) maxLength!: number | null;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType()
export class RequestFormOption {
  @Field(() => String) value!: string;
  @Field(() => Bilingual) label!: Bilingual;
}

@ObjectType('RequestKind', { description: 'A kind of request (申請), as the rulebooks define it.' })
export class RequestKind {
  @Field(() => String) key!: string;
  @Field(() => Bilingual) name!: Bilingual;
  @Field(() => String, {
    nullable: true,
    description:
      'The paper form it replaces under the rulebook asked for (or the first of the municipality’s that defines the kind), e.g. MNT 第1号様式; null when that rulebook names none.',
  })
  paperForm!: string | null;
  @Field(() => [String]) rulebookIds!: string[];
  @Field(() => [RequestFormField]) fields!: RequestFormField[];
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'Someone who may act on a step.' })
export class StepActor {
  @Field(() => StepActorTypeEnum) type!: (typeof STEP_ACTOR_TYPE_VALUES)[number];
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'The committee a step belongs to: only its meeting (or circulation, where its rules allow it) decides the step.' })
export class StepCommittee {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => Bilingual) name!: Bilingual;
}

@ObjectType({ description: 'A step of a route: who acts, what act, and its legal basis (根拠条文).' })
export class RouteStep {
  @Field(() => ID, { nullable: true, description: 'Null in a preview.' }) id!: string | null;
  @Field(() => String) key!: string;
  @Field(() => StepKindEnum) kind!: StepKind;
  @Field(() => Int) stage!: number;
  @Field(() => Bilingual) label!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => [StepActor], { description: 'Who may act (resolved from the rulebook roles at the time).' }) actors!: StepActor[];
  @Field(() => StepStatusEnum) status!: StepStatus;
  @Field(() => StepDecision, { nullable: true }) decision!: StepDecision | null;
  @Field(() => ID, { nullable: true }) decidedById!: string | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => ID, { nullable: true, description: 'When a deputy acted: the role holder they acted for.' }) onBehalfOfId!: string | null;
  @Field(() => String, { nullable: true }) onBehalfOfName!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What a perform step recorded (対応内容, 作業完了日 …).' }) record!: Record<
    string,
    unknown
  > | null;
  @Field(() => StepCommittee, {
    nullable: true,
    description: 'The committee whose meeting decides this step (decideStep refuses it with COMMITTEE_DECIDES); null when a person acts on it.',
  })
  committee!: StepCommittee | null;
  @Field(() => ID, { nullable: true, description: 'The meeting whose recorded decision (its minutes) took this committee step.' }) meetingId!: string | null;
}

@ObjectType()
export class RouteNote {
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: '“This will need approval from …”: the route a request would take, before filing.' })
export class RoutePreview {
  @Field(() => [RouteStep]) steps!: RouteStep[];
  @Field(() => [RouteNote]) notes!: RouteNote[];
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => Boolean, { description: 'False when the content would be refused (the errors say why).' }) acceptable!: boolean;
  @Field(() => [PreviewError]) errors!: PreviewError[];
}

@ObjectType()
export class PreviewError {
  @Field(() => [String]) path!: string[];
  @Field(() => String) code!: string;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType('Request', { description: '申請' })
export class Request {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. R8-000123 (令和8年度)' }) number!: string;
  @Field(() => String) kindKey!: string;
  @Field(() => Bilingual) kindName!: Bilingual;
  @Field(() => String) rulebookId!: string;
  @Field(() => RequestStatusEnum) status!: RequestStatus;
  @Field(() => GraphQLJSONObject) content!: Record<string, unknown>;
  @Field(() => [RouteNote]) notes!: RouteNote[];
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => Int) round!: number;
  @Field(() => Date) filedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Int) version!: number;
  systemId!: string | null;
  requesterId!: string;
  onBehalfOfId!: string | null;
}

@ObjectType({
  description: 'A form the rulebook prescribes (様式) that a request or a record is printed on, e.g. 第1号様式 福祉総合システム使用許可申請書 (MNT-10-1).',
})
export class PaperForm {
  @Field(() => Int, { description: '1 for 第1号様式 …' }) number!: number;
  @Field(() => String, { description: 'As the regulation numbers it, e.g. 第1号様式.' }) formNumber!: string;
  @Field(() => String, { description: 'As the regulation names it.' }) title!: string;
  @Field(() => String, { description: 'The article that prescribes it, e.g. 第10条関係.' }) article!: string;
}

@ObjectType({ description: 'A prescribed form filled from a request or a record, as a PDF.' })
export class PaperFormFile {
  @Field(() => String) fileName!: string;
  @Field(() => String) mimeType!: string;
  @Field(() => String, { description: 'The file, base64-encoded.' }) base64!: string;
}

@ObjectType({ description: 'A step awaiting the viewer, with its request.' })
export class InboxItem {
  @Field(() => RouteStep) step!: RouteStep;
  @Field(() => Request) request!: Request;
}

@ObjectType({ description: 'What awaits my decision, and what I filed.' })
export class Inbox {
  @Field(() => [InboxItem]) awaitingMe!: InboxItem[];
  @Field(() => [Request]) filedByMe!: Request[];
}

@InputType()
export class RequestInput {
  @Field(() => String) kindKey!: string;
  @Field(() => ID, { nullable: true, description: 'The system the request concerns; its rulebook governs the request.' }) systemId?: string | null;
  @Field(() => GraphQLJSONObject) content!: Record<string, unknown>;
}

@InputType()
export class DecideStepInput {
  @Field(() => ID) stepId!: string;
  @Field(() => StepDecision) decision!: StepDecision;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  comment?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'For perform steps: what was done (対応内容, 作業完了日 …).' }) record?: Record<
    string,
    unknown
  > | null;
  @Field(() => String, { nullable: true, description: 'Resubmitting with the same key returns the first result.' }) idempotencyKey?: string | null;
}

@ObjectType({ description: 'Licences a section holds on a system (MNT-18).' })
export class SectionLicences {
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String) orgUnitName!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Licence use of a system: purchased, held by the sections, and free (MNT-18-1).' })
export class SystemLicenceUse {
  @Field(() => ID) systemId!: string;
  @Field(() => String) systemName!: string;
  @Field(() => Int) purchasedTotal!: number;
  @Field(() => Int) allocatedTotal!: number;
  @Field(() => Int, { description: 'Purchased minus held; never negative (MNT-18-1).' }) free!: number;
  @Field(() => [SectionLicences]) sections!: SectionLicences[];
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType()
export class RequestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Request) node!: Request;
}

@ObjectType({ description: 'Requests, newest filed first. Pass `pageInfo.endCursor` as `after` for the next page.' })
export class RequestConnection {
  @Field(() => [RequestEdge]) edges!: RequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** The filter, for `totalCount` (counted only when asked for). */
  filter!: { status: RequestStatus | null; kindKey: string | null };
}
