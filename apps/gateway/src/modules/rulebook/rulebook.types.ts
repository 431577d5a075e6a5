import type { RuleId } from '@tsukasa/domain';
import { Field, ID, ObjectType } from 'type-graphql';

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
