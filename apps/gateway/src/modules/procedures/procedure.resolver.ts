import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ResidentEvent } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { Rule } from '../../graphql/rules.ts';
import * as service from './procedure.service.ts';
import {
  ConfirmProcedureIdentityInput,
  NeededProcedure,
  PrintProcedureFormInput,
  ProcedureRun,
  ProcedureDefinitionChange,
  ProcedureDefinitionFilter,
  ProcedureDefinition,
  ProcedureRoute,
  RecordProcedureReviewInput,
  ResidentSituationInput,
} from './procedure.types.ts';

@Resolver(() => ProcedureDefinition)
export class ProcedureDefinitionResolver {
  @Rule('registry:read')
  @Query(() => [ProcedureDefinition], {
    description:
      '行政手続の定義 of the counter support system (KTM-7-2), in the order of KTM-7-1; those not reviewed for over a year are flagged reviewDue (KTM-5-1-1).',
  })
  async procedureDefinitions(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProcedureDefinitionFilter, { nullable: true }) filter: ProcedureDefinitionFilter | null,
    @Arg('limit', () => Int, { nullable: true, description: '1–500, default 200.' }) limit: number | null,
  ): Promise<ProcedureDefinition[]> {
    return service.listDefinitions(ctx, filter ?? {}, limit);
  }

  @Rule('registry:read')
  @Query(() => ProcedureDefinition, { nullable: true })
  async procedureDefinition(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ProcedureDefinition | null> {
    return service.definitionById(ctx, id);
  }

  @Rule('registry:read')
  @Query(() => [NeededProcedure], {
    description:
      'Which procedures a resident’s situation needs (KTM-7-2-2): the 住所・氏名・世帯 notification first, then the related ones (KTM-7-1), each with why, its guidance, the section that handles it, the forms it prints and — for staff — what the viewer does with it (KTM-7-2-3). Nothing of the situation is stored.',
  })
  async proceduresFor(@Ctx() ctx: Context, @Arg('situation', () => ResidentSituationInput) situation: ResidentSituationInput): Promise<NeededProcedure[]> {
    return service.proceduresFor(ctx, { ...situation, events: situation.events as unknown as ResidentEvent[] });
  }

  @Rule('signedIn')
  @Mutation(() => ProcedureDefinition, {
    description:
      'The business section (業務所管課) records its regular review of a definition that needs no change (KTM-5-1-1); a change goes through a procedure_definition request (KTM-7-4).',
  })
  async recordProcedureReview(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordProcedureReviewInput) input: RecordProcedureReviewInput,
  ): Promise<ProcedureDefinition> {
    return service.recordReview(ctx, input);
  }

  @Rule('signedIn')
  @Mutation(() => ProcedureRun, { description: 'A staff member starts handling a procedure for a resident at the counter (KTM-8-1).' })
  async startProcedureRun(@Ctx() ctx: Context, @Arg('definitionId', () => ID) definitionId: string): Promise<ProcedureRun> {
    return service.startRun(ctx, definitionId);
  }

  @Rule('signedIn')
  @Mutation(() => ProcedureRun, {
    description: 'KTM-8-3: records that the resident’s identity was confirmed, by the viewer, now, on the document named. Once per handling.',
  })
  async confirmProcedureIdentity(
    @Ctx() ctx: Context,
    @Arg('input', () => ConfirmProcedureIdentityInput) input: ConfirmProcedureIdentityInput,
  ): Promise<ProcedureRun> {
    return service.confirmIdentity(ctx, input);
  }

  @Rule('signedIn')
  @Mutation(() => ProcedureRun, {
    description: 'Prints one of the procedure’s 届出書等 (KTM-8-1); refused with CONFLICT citing KTM-8-3 until the identity is recorded as confirmed.',
  })
  async printProcedureForm(@Ctx() ctx: Context, @Arg('input', () => PrintProcedureFormInput) input: PrintProcedureFormInput): Promise<ProcedureRun> {
    return service.printForm(ctx, input);
  }

  @FieldResolver(() => ProcedureRoute, {
    nullable: true,
    description: 'For a signed-in staff member: what they do with the procedure, from their business authority (KTM-7-2-3).',
  })
  async viewerRoute(@Root() d: ProcedureDefinition, @Ctx() ctx: Context): Promise<ProcedureRoute | null> {
    return service.viewerRoute(ctx, d);
  }

  @FieldResolver(() => [ProcedureDefinitionChange], { description: 'Versions and reviews, latest first.' })
  async history(@Root() d: ProcedureDefinition, @Ctx() ctx: Context): Promise<ProcedureDefinitionChange[]> {
    return service.historyOf(ctx, d.id);
  }
}

export const procedureResolvers = [ProcedureDefinitionResolver] as const;
