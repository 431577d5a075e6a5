import type { RuleId } from '@tsukasa/domain';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { TextFormat } from '../../graphql/input-guard.ts';

@ObjectType({
  description:
    'A declared absence of whoever holds a position (KTM-3-6: 統括管理者に事故があるとき), days inclusive: the deputy acts for the holder on these days only.',
})
export class Absence {
  @Field(() => ID) id!: string;
  @Field(() => ID) positionId!: string;
  @Field(() => ID, { nullable: true, description: 'Who held the position on the first day.' }) absentStaffId!: string | null;
  @Field(() => String, { description: 'First day (YYYY-MM-DD), inclusive.' }) from!: string;
  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive.' }) to!: string;
  @Field(() => String) reason!: string;
  @Field(() => ID, { description: 'Who declared it.' }) declaredById!: string;
  @Field(() => Date) declaredAt!: Date;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@ObjectType({ description: 'The absences of a position’s holder, and whether a deputy acts for them only during one (KTM-3-6).' })
export class PositionAbsences {
  @Field(() => ID) positionId!: string;
  @Field(() => Boolean, { description: 'A deputy acts for this position only while its holder is absent, as declared.' }) deputyOnlyWhenAbsent!: boolean;
  @Field(() => [ID], { description: 'The staff who deputise for this position.' }) deputyStaffIds!: string[];
  @Field(() => Absence, { nullable: true, description: 'The absence covering today, if any.' }) current!: Absence | null;
  @Field(() => [Absence], { description: 'Every declared absence, latest first.' }) absences!: Absence[];
  @Field(() => Boolean, { description: 'Whether the viewer may declare an absence of this position’s holder.' }) viewerMayDeclare!: boolean;
  @Field(() => [String]) ruleIds!: RuleId[];
}

@InputType()
export class DeclareAbsenceInput {
  @Field(() => ID) positionId!: string;
  @Field(() => String, { description: 'First day (YYYY-MM-DD), inclusive.' }) from!: string;
  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive.' }) to!: string;
  @TextFormat('multiline')
  @Field(() => String, { description: 'Why (at most 500 characters), e.g. 病気療養のため.' })
  reason!: string;
}
