import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authRepo, requestRepo, toDateOrNull } from '@tsukasa/db';
import {
  fieldError,
  fieldsFor,
  type RequestStatus,
  kindRuleIds,
  paperFormFor,
  kindsFor,
  positionsAt,
  REQUEST_MESSAGES,
  rulebookNotOwn,
  stepIdOf,
  type ActorRule,
  type RulebookId,
} from '@tsukasa/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { Rule } from '../../graphql/rules.ts';
import { encodeCursor, isInstant, isUuid } from '../../graphql/scalars.ts';
import { afterCursor, pageSize } from '../../graphql/pagination.ts';
import { Staff, toStaff } from '../people/index.ts';
import { Licences, System, toSystem } from '../registry/index.ts';
import type { ResolvedActors } from './actors.ts';
import { committeeOfStep, meetingOfStep } from './step-committee.ts';
import { toRequest } from './request.mappers.ts';
import { formDefinition, formsOfRequest, renderPaperForm, requestForm } from './request-forms.ts';
import * as service from './request.service.ts';
import * as stepService from './step.service.ts';
import {
  DecideStepInput,
  Inbox,
  InboxItem,
  RequestInput,
  RequestConnection,
  PaperFormFile,
  RequestKind,
  PaperForm,
  RequestStatusEnum,
  Request,
  RoutePreview,
  RouteStep,
  StepActor,
  StepDecision,
  SystemLicenceUse,
} from './request.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

async function actorsOf(ctx: Context, a: ResolvedActors): Promise<StepActor[]> {
  const out: StepActor[] = [];
  for (const p of await loadAll(ctx.loaders.position, a.positionIds ?? [])) out.push({ type: 'position', id: p.id, name: p.name });
  for (const s of await loadAll(ctx.loaders.staff, a.staffIds ?? [])) out.push({ type: 'staff', id: s.id, name: `${s.family_name} ${s.given_name}` });
  if (a.contractorId) out.push({ type: 'contractor', id: a.contractorId, name: REQUEST_MESSAGES.contractorActor.ja });
  return out;
}

async function toStep(ctx: Context, s: requestRepo.StepRow): Promise<RouteStep> {
  const [by, behalf] = await Promise.all([
    s.decided_by_id ? ctx.loaders.staff.load(s.decided_by_id) : null,
    s.on_behalf_of_id ? ctx.loaders.staff.load(s.on_behalf_of_id) : null,
  ]);
  return graphqlObject(RouteStep, {
    id: s.id,
    key: s.key,
    kind: s.kind,
    stage: s.stage,
    label: { ja: s.label_ja, en: s.label_en },
    ruleIds: s.rule_ids,
    actors: await actorsOf(ctx, {
      positionIds: s.actor_position_ids,
      staffIds: s.actor_staff_ids,
      contractorId: s.actor_contractor_id,
      committeeId: s.actor_committee_id,
    }),
    status: s.status,
    decision: (s.decision as StepDecision | null) ?? null,
    decidedById: s.decided_by_id,
    decidedByName: by ? `${by.family_name} ${by.given_name}` : null,
    onBehalfOfId: s.on_behalf_of_id,
    onBehalfOfName: behalf ? `${behalf.family_name} ${behalf.given_name}` : null,
    decidedAt: toDateOrNull(s.decided_at),
    comment: s.comment,
    record: s.record,
    committee: await committeeOfStep(ctx, await ctx.db.em(), s.actor as ActorRule),
    meetingId: meetingOfStep(s.actor as ActorRule, s.record),
  });
}

@Resolver(() => Request)
export class RequestResolver {
  @Rule('signedIn')
  @Query(() => [RequestKind], { description: 'Request kinds of the viewer’s municipality (or of one rulebook), with the form each one needs.' })
  async requestKinds(@Ctx() ctx: Context, @Arg('rulebookId', () => String, { nullable: true }) rulebookId: string | null): Promise<RequestKind[]> {
    const municipality = await authRepo.municipalityById(await ctx.db.em(), ctx.viewer!.municipalityId);
    const own = (municipality?.rulebook_ids ?? []) as RulebookId[];
    if (rulebookId != null && !own.includes(rulebookId as RulebookId)) {
      throw badInput([rulebookNotOwn(['rulebookId'], rulebookId, own)]);
    }
    const books = rulebookId ? [rulebookId as RulebookId] : own;
    const seen = new Map<string, RequestKind>();
    for (const book of books) {
      for (const kind of kindsFor(book)) {
        if (seen.has(kind.key)) continue;
        // A kind cites the rules of every rulebook that defines it: the viewer sees those of its own.
        seen.set(
          kind.key,
          graphqlObject(RequestKind, {
            key: kind.key,
            name: kind.name,
            paperForm: paperFormFor(kind, book) ?? null,
            rulebookIds: kind.rulebookIds.filter((b) => own.includes(b)),
            ruleIds: kindRuleIds(kind, own),
            fields: fieldsFor(kind, book).map((f) => ({
              ...f,
              help: f.help ?? null,
              options: f.options ?? null,
              maxLength: f.maxLength ?? null,
              min: f.min ?? null,
              max: f.max ?? null,
              ruleIds: f.ruleIds ?? [],
            })),
          }),
        );
      }
    }
    return [...seen.values()];
  }

  @Rule('signedIn')
  @Query(() => RoutePreview, { description: '“This will need approval from …”: the route a request would take, computed from the rulebook, and any refusal.' })
  async previewRoute(@Ctx() ctx: Context, @Arg('input', () => RequestInput) input: RequestInput): Promise<RoutePreview> {
    const { result, actors } = await service.preview(ctx, input.kindKey, input.systemId, input.content);
    const steps: RouteStep[] = [];
    for (const s of result.steps) {
      steps.push(
        graphqlObject(RouteStep, {
          id: null,
          key: s.key,
          kind: s.kind,
          stage: s.stage,
          label: s.label,
          ruleIds: s.ruleIds,
          actors: await actorsOf(ctx, actors.get(stepIdOf(s))!),
          status: 'planned',
          decision: null,
          decidedById: null,
          decidedByName: null,
          onBehalfOfId: null,
          onBehalfOfName: null,
          decidedAt: null,
          comment: null,
          record: null,
          committee: await committeeOfStep(ctx, await ctx.db.em(), s.actor),
          meetingId: null,
        }),
      );
    }
    return graphqlObject(RoutePreview, {
      steps,
      notes: result.notes,
      dueOn: result.dueOn ?? null,
      acceptable: result.errors.length === 0,
      errors: result.errors.map((e) => ({ path: e.path.map(String), code: e.code, message: e.message, ruleIds: e.ruleIds ?? [] })),
    });
  }

  @Rule('signedIn')
  @Mutation(() => Request, { description: 'Files a request. The same idempotency key returns the first result instead of filing twice.' })
  async submitRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => RequestInput) input: RequestInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
  ): Promise<Request> {
    return toRequest(await service.submit(ctx, input, idempotencyKey));
  }

  @Rule('signedIn')
  @Mutation(() => Request, {
    description:
      'Decides a step. Exactly one decision per step: a second one is refused with CONFLICT. A committee’s step is refused with COMMITTEE_DECIDES: its meeting decides it (recordDecision, signCirculation).',
  })
  async decideStep(@Ctx() ctx: Context, @Arg('input', () => DecideStepInput) input: DecideStepInput): Promise<Request> {
    return toRequest(await stepService.decide(ctx, input));
  }

  @Rule('signedIn')
  @Mutation(() => Request)
  async withdrawRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Request> {
    return toRequest(await service.withdraw(ctx, id));
  }

  @Rule('signedIn')
  @Mutation(() => Request, { description: 'Files a request returned for correction again; its route restarts.' })
  async resubmitRequest(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('content', () => GraphQLJSONObject) content: Record<string, unknown>,
  ): Promise<Request> {
    return toRequest(await service.resubmit(ctx, id, content));
  }

  @Rule('signedIn')
  @Query(() => Request, { nullable: true })
  async request(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Request | null> {
    if (!isUuid(id)) return null;
    const [row] = await requestRepo.requestsByIds(await ctx.db.em(), [id]);
    return row ? toRequest(row) : null;
  }

  @Rule('registry:read')
  @Query(() => RequestConnection, { description: 'Requests of the municipality, newest filed first.' })
  async requests(
    @Ctx() ctx: Context,
    @Arg('status', () => RequestStatusEnum, { nullable: true }) status: RequestStatus | null,
    @Arg('kindKey', () => String, { nullable: true }) kindKey: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<RequestConnection> {
    const size = pageSize(first, ['first']);
    const position = after ? afterCursor<[string, string]>(after, [isInstant, isUuid]) : null;
    const filter = { status, kindKey };
    const page = await requestRepo.listRequests(await ctx.db.em(), filter, size + 1, position && { filedAt: position[0], id: position[1] });
    const edges = page
      .slice(0, size)
      .map((r) => ({ cursor: encodeCursor([typeof r.filed_at === 'string' ? r.filed_at : r.filed_at.toISOString(), r.id]), node: toRequest(r) }));
    return graphqlObject(RequestConnection, { edges, pageInfo: { hasNextPage: page.length > size, endCursor: edges.at(-1)?.cursor ?? null }, filter });
  }

  @Rule('signedIn')
  @Query(() => Inbox, { description: 'What awaits my decision (through my positions, and those I deputise), and what I filed.' })
  async inbox(@Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number): Promise<Inbox> {
    const v = ctx.viewer!;
    const size = pageSize(first, ['first']);
    const db = await ctx.db.em();
    const facts = await ctx.authz.facts();
    const positions = facts
      ? [...positionsAt(v.staffId, ctx.now(), facts.viewer.tenures), ...facts.viewer.roles.filter((r) => r.via === 'deputy').map((r) => r.positionId)]
      : [];
    // Steps the viewer holds but may not take (approving their own request, confirming their own
    // work) are left out; read on until the page is full, so a page is never short for that reason.
    const steps: requestRepo.StepRow[] = [];
    let after: { openedAt: Date | string; id: string } | null = null;
    for (let batch = 0; batch < 10 && steps.length < size; batch++) {
      const page = await requestRepo.inbox(db, [...new Set(positions)], v.staffId, size, after);
      steps.push(...(await stepService.decidableByViewer(ctx, db, page)));
      if (page.length < size) break;
      after = { openedAt: page.at(-1)!.opened_at!, id: page.at(-1)!.id };
    }
    steps.splice(size);
    const requests = new Map((await requestRepo.requestsByIds(db, [...new Set(steps.map((s) => s.request_id))])).map((r) => [r.id, r]));
    // The steps together, so the loaders batch their people and positions into one look-up each.
    const awaitingMe: InboxItem[] = await Promise.all(
      steps.map(async (s) => graphqlObject(InboxItem, { step: await toStep(ctx, s), request: toRequest(requests.get(s.request_id)!) })),
    );
    return graphqlObject(Inbox, { awaitingMe, filedByMe: (await requestRepo.requestsFiledBy(db, v.staffId, size)).map(toRequest) });
  }

  @FieldResolver(() => [RouteStep], { description: 'The route of the current round, each step with its actor, decision, time, basis and comment.' })
  async steps(@Root() r: Request, @Ctx() ctx: Context): Promise<RouteStep[]> {
    const steps = await requestRepo.stepsOfRequests(await ctx.db.em(), [r.id]);
    return Promise.all(steps.map((s) => toStep(ctx, s)));
  }

  @FieldResolver(() => [PaperForm], { description: 'The forms (様式) the rulebook prescribes for this request; empty where it prescribes none.' })
  paperForms(@Root() r: Request): PaperForm[] {
    return formsOfRequest(r.rulebookId, r.kindKey).map((f) =>
      graphqlObject(PaperForm, { number: f.number, formNumber: f.formNumber, title: f.title, article: f.article }),
    );
  }

  @FieldResolver(() => PaperFormFile, {
    description: 'A prescribed form (様式) filled from the request — applicant, content and the approvals recorded — as a PDF.',
  })
  async paperFormFile(@Root() r: Request, @Ctx() ctx: Context, @Arg('number', () => Int) number: number): Promise<PaperFormFile> {
    const def = formDefinition(r.rulebookId, r.kindKey, number);
    if (!def) {
      throw badInput([
        fieldError(
          ['number'],
          'INVALID_VALUE',
          `The rulebook prescribes no form ${number} for this request.`,
          `この申請に対応する第${number}号様式はありません。`,
          [],
        ),
      ]);
    }
    const [row] = await requestRepo.requestsByIds(await ctx.db.em(), [r.id]);
    return graphqlObject(PaperFormFile, await renderPaperForm(await requestForm(ctx, row!, def)));
  }

  @FieldResolver(() => Staff)
  async requester(@Root() r: Request, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(r.requesterId))!);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async onBehalfOf(@Root() r: Request, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = r.onBehalfOfId ? await ctx.loaders.staff.load(r.onBehalfOfId) : null;
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => System, { nullable: true })
  async system(@Root() r: Request, @Ctx() ctx: Context): Promise<System | null> {
    const row = r.systemId ? await ctx.loaders.system.load(r.systemId) : null;
    return row ? toSystem(row) : null;
  }
}

@Resolver(() => RequestConnection)
export class RequestConnectionResolver {
  @FieldResolver(() => Int, { description: 'Requests matching the filter, on every page.' })
  async totalCount(@Root() c: RequestConnection, @Ctx() ctx: Context): Promise<number> {
    return requestRepo.countRequests(await ctx.db.em(), c.filter);
  }
}

@Resolver(() => System)
export class SystemLicencesResolver {
  @Rule('registry:read')
  @Query(() => [SystemLicenceUse], { description: 'Licence use of every system with purchased licences (MNT-18), for the dashboard.' })
  async licenceUse(@Ctx() ctx: Context): Promise<SystemLicenceUse[]> {
    return (await requestRepo.licenceUse(await ctx.db.em())).map((r) => {
      const allocatedTotal = r.allocations.reduce((n, a) => n + a.count, 0);
      return {
        systemId: r.system_id,
        systemName: r.system_name,
        purchasedTotal: r.purchased_total,
        allocatedTotal,
        free: Math.max(0, r.purchased_total - allocatedTotal),
        sections: r.allocations,
        ruleIds: ['MNT-18-1'],
      };
    });
  }

  @FieldResolver(() => Licences, { nullable: true, description: 'Licences purchased and held by section (MNT-18); null when none are registered.' })
  async licences(@Root() s: System, @Ctx() ctx: Context): Promise<Licences | null> {
    const [row] = await requestRepo.licencesOfSystems(await ctx.db.em(), [s.id]);
    if (!row) return null;
    return graphqlObject(Licences, {
      purchasedTotal: row.purchased_total,
      allocatedTotal: row.allocations.reduce((n, a) => n + a.count, 0),
      allocations: row.allocations,
    });
  }
}
