import { IDENTITY_DOCUMENT_KIND_VALUES, type IdentityDocumentKind, type RuleId } from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Bilingual } from '../../graphql/shared.types.ts';
import { TextFormat } from '../../graphql/input-guard.ts';

export enum ProcedureCategoryEnum {
  ADDRESS_NAME_HOUSEHOLD = 'address_name_household',
  RELATED = 'related',
  FREQUENT = 'frequent',
  CERTIFICATE = 'certificate',
  OTHER = 'other',
}
registerEnumType(ProcedureCategoryEnum, {
  name: 'ProcedureCategory',
  description: 'KTM-7-1: 住所、氏名及び世帯の変更に関する届出 / 関連して必要となる届出及び申請 / 利用頻度の高い届出及び申請 / 証明書等の交付請求 / その他',
});

export enum ResidentEventEnum {
  MOVING_IN = 'moving_in',
  MOVING_OUT = 'moving_out',
  MOVING_WITHIN = 'moving_within',
  NAME_CHANGE = 'name_change',
  HOUSEHOLD_CHANGE = 'household_change',
  BIRTH = 'birth',
  DEATH = 'death',
}
registerEnumType(ResidentEventEnum, { name: 'ResidentEvent', description: '転入, 転出, 転居, 氏名の変更, 世帯の変更, 出生, 死亡' });

export enum ProcedureRoutingActionEnum {
  HANDLE = 'handle',
  ACCEPT_AND_HAND_OVER = 'accept_and_hand_over',
  REFER = 'refer',
}
registerEnumType(ProcedureRoutingActionEnum, {
  name: 'ProcedureRoutingAction',
  description: 'KTM-7-2-3: handle it at this counter; take it, print the form and hand it over to the section in charge; refer the resident to that section.',
});

@ObjectType({ description: 'An org unit as a procedure names it: the 業務所管課, the section that handles it, a hand-over target.' })
export class ProcedureSection {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
}

@ObjectType({ description: '出力帳票様式及びシステム印字項目 (KTM-7-2-5): a form the counter prints and the fields printed on it (KTM-8-1).' })
export class ProcedureOutputForm {
  @Field(() => String) name!: string;
  @Field(() => [String]) printedFields!: string[];
}

@ObjectType({ description: 'One routing pattern (KTM-7-2-3): what staff of a business authority do with the procedure.' })
export class ProcedureRoutingPattern {
  @Field(() => ProcedureSection, {
    nullable: true,
    description: 'The section whose staff (and staff of the units below it) this applies to; null: anyone else.',
  })
  authority!: ProcedureSection | null;
  @Field(() => ProcedureRoutingActionEnum) action!: ProcedureRoutingActionEnum;
  @Field(() => Bilingual) actionLabel!: Bilingual;
  @Field(() => ProcedureSection, { nullable: true, description: 'Handed over or referred to (null when handled here).' }) to!: ProcedureSection | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'What the viewer does with a procedure, from their business authority (KTM-7-2-3).' })
export class ProcedureRoute {
  @Field(() => ProcedureRoutingActionEnum) action!: ProcedureRoutingActionEnum;
  @Field(() => Bilingual, { description: 'e.g. 受け付けて届出書等を印字し、保険医療課へ引き継ぐ' }) message!: Bilingual;
  @Field(() => ProcedureSection, { nullable: true }) to!: ProcedureSection | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Boolean, {
    description: 'Whether a pattern of the definition decided it (false: the default — the handling section handles it, anyone else refers).',
  })
  explicit!: boolean;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'A version or a regular review of a procedure definition (KTM-7-4, KTM-5-1-1).' })
export class ProcedureDefinitionChange {
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'defined, updated or reviewed' }) change!: string;
  @Field(() => Date) changedAt!: Date;
  @Field(() => String, { nullable: true }) changedByName!: string | null;
  @Field(() => ID, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true }) requestNumber!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType('ProcedureDefinition', {
  description: '行政手続の定義 of the counter support system (KTM-7-2), set by the 副統括管理者 on the 管理者’s request (KTM-7-4).',
})
export class ProcedureDefinition {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ProcedureCategoryEnum) category!: ProcedureCategoryEnum;
  @Field(() => Bilingual) categoryLabel!: Bilingual;
  @Field(() => String, { description: '行政手続の概要及び案内文 (KTM-7-2-1)' }) overview!: string;
  @Field(() => String, { description: '必要性を案内するための条件, for people (KTM-7-2-2)' }) conditionsText!: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The conditions the system evaluates (KTM-7-2-2); null: never proposed automatically.' })
  conditionRules!: Record<string, unknown> | null;
  @Field(() => Bilingual, { nullable: true, description: 'conditionRules in words.' }) conditionSummary!: Bilingual | null;
  @Field(() => String, { description: '振り分けパターン, for people (KTM-7-2-3)' }) routingText!: string;
  @Field(() => [ProcedureRoutingPattern]) routingPatterns!: ProcedureRoutingPattern[];
  @Field(() => ProcedureSection, { description: 'The section that handles the procedure.' }) handlingSection!: ProcedureSection;
  @Field(() => ProcedureSection, { description: '業務所管課: keeps the definition up to date (KTM-5-1-1).' }) managingSection!: ProcedureSection;
  @Field(() => [String], { description: '受付事務に係る確認事項 (KTM-7-2-4)' }) confirmationItems!: string[];
  @Field(() => [ProcedureOutputForm], { description: 'KTM-7-2-5' }) outputForms!: ProcedureOutputForm[];
  @Field(() => String, { nullable: true, description: 'その他受付事務に必要な情報 (KTM-7-2-6)' }) other!: string | null;
  @Field(() => Int, { description: 'Order within its category at the counter.' }) displayOrder!: number;
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'Last reviewed (YYYY-MM-DD): set or confirmed.' }) reviewedOn!: string;
  @Field(() => String, { description: 'The last day the last review covers (YYYY-MM-DD).' }) reviewDueOn!: string;
  @Field(() => Boolean, { description: 'Not reviewed for over a year (KTM-5-1-1).' }) reviewDue!: boolean;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The request that set the current version.' }) requestId!: string | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  handlingOrgUnitId!: string;
  routingRaw!: { authority: string; action: string; to: string | null; note: string | null }[];
}

@ObjectType({ description: 'A procedure the resident’s situation needs, why, and what the viewer does with it.' })
export class NeededProcedure {
  @Field(() => Int, { description: '1, 2, 3 … in the order the counter takes them up (KTM-7-1).' }) order!: number;
  @Field(() => ProcedureDefinition) definition!: ProcedureDefinition;
  @Field(() => [Bilingual], { description: 'The conditions that matched, with what was found.' }) reasons!: Bilingual[];
  @Field(() => ProcedureRoute, { nullable: true, description: 'For a signed-in staff member: what they do with it (null for an API token).' })
  route!: ProcedureRoute | null;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@InputType({
  description:
    'A person concerned by the event: those moving; for a birth or a death, the household including the newborn or the deceased. Absent facts are "no".',
})
export class HouseholdMemberInput {
  @Field(() => Int) age!: number;
  @Field(() => Boolean, { nullable: true, description: '世帯主' }) head?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The person who died (with the event DEATH).' }) deceased?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '要介護・要支援認定' }) longTermCareCertified?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '障害者手帳' }) disabilityCertificate?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '国民健康保険に加入している' }) nationalHealthInsurance?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '勤務先の健康保険（被用者保険）に加入している（被扶養者を含む）' }) employeeInsurance?: boolean | null;
}

@InputType({ description: 'What brings the resident to the counter. Nothing of it is stored.' })
export class ResidentSituationInput {
  @Field(() => [ResidentEventEnum]) events!: ResidentEventEnum[];
  @Field(() => [HouseholdMemberInput]) members!: HouseholdMemberInput[];
  @Field(() => Int, { nullable: true, description: 'Dogs kept.' }) dogs?: number | null;
  @Field(() => Int, { nullable: true, description: 'Mopeds and small special vehicles (原動機付自転車等).' }) mopeds?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The resident asks to register a seal (印鑑登録).' }) sealRegistrationWanted?: boolean | null;
}

@InputType()
export class ProcedureDefinitionFilter {
  @Field(() => ProcedureCategoryEnum, { nullable: true }) category?: ProcedureCategoryEnum | null;
  @Field(() => ID, { nullable: true, description: 'The managing or the handling section.' }) sectionId?: string | null;
  @Field(() => String, { nullable: true, description: 'Free text over the name and the overview.' }) text?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those due for review (true) or not (false).' }) reviewDue?: boolean | null;
}

@InputType()
export class RecordProcedureReviewInput {
  @Field(() => ID) id!: string;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true, description: 'What was checked.' })
  note?: string | null;
}

export const IdentityDocumentKindEnum = graphqlEnum(IDENTITY_DOCUMENT_KIND_VALUES, {
  name: 'IdentityDocumentKind',
  description: 'KTM-8-3: the document the resident’s identity was confirmed on at the counter.',
});

@ObjectType({
  description:
    'One handling of a procedure at the counter (KTM-8): who confirmed the resident’s identity, when and on what (KTM-8-3), and the 届出書等 printed (KTM-8-1).',
})
export class ProcedureRun {
  @Field(() => ID) id!: string;
  @Field(() => ID) definitionId!: string;
  @Field(() => Int, { description: 'The version of the definition the counter worked from.' }) definitionVersion!: number;
  @Field(() => ID) startedById!: string;
  @Field(() => Date) startedAt!: Date;
  @Field(() => ID, { nullable: true }) identityConfirmedById!: string | null;
  @Field(() => Date, { nullable: true }) identityConfirmedAt!: Date | null;
  @Field(() => IdentityDocumentKindEnum, { nullable: true }) identityDocumentKind!: IdentityDocumentKind | null;
  @Field(() => Bilingual, { nullable: true, description: 'The document kind in words.' }) identityDocumentLabel!: Bilingual | null;
  @Field(() => [String], { description: 'The forms printed, in order.' }) printedForms!: string[];
  @Field(() => ID, { nullable: true }) printedById!: string | null;
  @Field(() => Date, { nullable: true }) printedAt!: Date | null;
  @Field(() => Int) version!: number;
}

@InputType()
export class ConfirmProcedureIdentityInput {
  @Field(() => ID) runId!: string;
  @Field(() => IdentityDocumentKindEnum) documentKind!: IdentityDocumentKind;
}

@InputType()
export class PrintProcedureFormInput {
  @Field(() => ID) runId!: string;
  @Field(() => String, { description: 'The name of one of the procedure’s output forms (KTM-7-2-5).' }) formName!: string;
}
