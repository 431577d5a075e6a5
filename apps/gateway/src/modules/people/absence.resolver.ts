import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import { Absence, DeclareAbsenceInput, PositionAbsences } from './absence.types.ts';
import * as service from './absence.service.ts';

@Resolver(() => Absence)
export class AbsenceResolver {
  @Rule('registry:read')
  @Query(() => PositionAbsences, {
    description: 'The declared absences of a position’s holder, and whether its deputy acts only during one (KTM-3-6: 統括管理者に事故があるとき).',
  })
  async positionAbsences(@Ctx() ctx: Context, @Arg('positionId', () => ID) positionId: string): Promise<PositionAbsences> {
    return service.positionAbsences(ctx, positionId);
  }

  @Rule('registry:read')
  @Mutation(() => Absence, {
    description:
      'Declares the holder of a position absent from one day to another (the holder, their deputy or a registry administrator; KTM-3-6): the deputy acts for them on those days only. Recorded and audited.',
  })
  async declareAbsence(@Ctx() ctx: Context, @Arg('input', () => DeclareAbsenceInput) input: DeclareAbsenceInput): Promise<Absence> {
    return service.declareAbsence(ctx, input);
  }
}
