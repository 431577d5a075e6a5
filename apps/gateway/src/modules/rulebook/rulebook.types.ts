import { COVERAGE_COLUMNS, type CoverageColumn, type RuleId } from '@tsukasa/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Bilingual } from '../../graphql/shared.types.ts';

@ObjectType({ description: 'A paragraph (項) of an article, with its rule ID and Japanese original text.' })
export class RuleParagraph {
  @Field(() => String) ruleId!: RuleId;
  @Field(() => String) text!: string;
}

@ObjectType({ description: 'An article (条) of a regulation.' })
export class RuleArticle {
  @Field(() => String) ruleId!: RuleId;
  @Field(() => String, { description: 'e.g. 第12条' }) number!: string;
  @Field(() => String) caption!: string;
  @Field(() => String) captionEn!: string;
  @Field(() => [RuleParagraph]) paragraphs!: readonly RuleParagraph[];
}

@ObjectType({ description: 'A role the regulation defines (e.g. 情報管理責任者).' })
export class RoleDefinition {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => [String]) ruleIds!: readonly RuleId[];
  @Field(() => String) description!: string;
}

@ObjectType({ description: 'A regulation (規程・要綱・要領) as data.' })
export class Rulebook {
  @Field(() => ID, { description: 'MNT, KWW, KWO, KTM or ARK.' }) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => String) reference!: string;
  @Field(() => String) effectiveOn!: string;
  @Field(() => [RuleArticle]) articles!: readonly RuleArticle[];
  @Field(() => [RoleDefinition]) roles!: readonly RoleDefinition[];
}

@ObjectType({ description: 'The text of one rule, looked up by its ID.' })
export class RuleText {
  @Field(() => String) ruleId!: RuleId;
  @Field(() => String) rulebookId!: string;
  @Field(() => String, { description: 'article, paragraph or item' }) level!: string;
  @Field(() => String) articleNumber!: string;
  @Field(() => String) caption!: string;
  @Field(() => String) text!: string;
}

/** The classes of the traceability matrix, named in capitals with underscores (notSoftware → NOT_SOFTWARE). */
export const RuleClassEnum = Object.fromEntries(COVERAGE_COLUMNS.map((c) => [c.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), c])) as Record<
  string,
  CoverageColumn
>;
registerEnumType(RuleClassEnum, {
  name: 'RuleClass',
  description:
    'How the product stands to a rule: EXECUTED (decides by it), RECORDED (a register records it), JUDGEMENT (a person decides, the product records it), NOT_SOFTWARE (nothing a product can act on), DEFINITION, PURPOSE, GAP (behaviour not acted on yet), BY_PARTS (counted through its paragraphs or items).',
});

@ObjectType({ description: 'A request kind, as a link from a rule it cites.' })
export class RuleRequestKind {
  @Field(() => String) key!: string;
  @Field(() => Bilingual) name!: Bilingual;
}

@ObjectType({ description: 'How the product stands to one rule (規程対応表): its class, why, and where the product shows it.' })
export class RuleCoverage {
  @Field(() => String) ruleId!: RuleId;
  @Field(() => String, { description: 'article, paragraph or item' }) level!: string;
  @Field(() => String, { description: 'e.g. 第12条' }) articleNumber!: string;
  @Field(() => String) caption!: string;
  @Field(() => String) captionEn!: string;
  @Field(() => String, { description: 'The Japanese text of the rule (an article: all its paragraphs).' }) text!: string;
  @Field(() => RuleClassEnum) class!: CoverageColumn;
  @Field(() => String, { nullable: true, description: 'Why no software acts on it, in English; null unless NOT_SOFTWARE.' }) reason!: string | null;
  @Field(() => [RuleRequestKind], { description: 'The request kinds whose routes cite the rule, or the article or paragraph holding it.' })
  requestKinds!: RuleRequestKind[];
}

@ObjectType({ description: 'How many rules of a rulebook a class holds.' })
export class RuleClassCount {
  @Field(() => RuleClassEnum) class!: CoverageColumn;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The rules of a rulebook counted by class.' })
export class RuleCoverageSummary {
  @Field(() => [RuleClassCount], { description: 'Every class, from EXECUTED to BY_PARTS.' }) counts!: RuleClassCount[];
  @Field(() => Int, { description: 'Rules that prescribe behaviour (all but DEFINITION, PURPOSE and BY_PARTS).' }) behaviour!: number;
  @Field(() => Int) executedOrRecorded!: number;
  @Field(() => Float, { nullable: true, description: 'executedOrRecorded as a percentage of behaviour, to one decimal.' })
  executedOrRecordedPercent!: number | null;
}
