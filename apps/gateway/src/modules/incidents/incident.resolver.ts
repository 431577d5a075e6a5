import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { incidentRepo, toDate, toDateOrNull } from '@tsukasa/db';
import { INCIDENT_NOTICE_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES, OPEN_INCIDENT_STATUSES, fieldError, incidentRules } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { loadAll } from '../../graphql/loaders.ts';
import { Rule } from '../../graphql/rules.ts';
import { ContactNetwork, Staff, toStaff, visibleNetworks } from '../people/index.ts';
import { System, toSystem } from '../registry/index.ts';
import * as service from './incident.service.ts';
import { idOrThrow, sectionLabel } from '../maintenance/index.ts';
import {
  Incident,
  IncidentAnalysisInput,
  IncidentFilter,
  IncidentLogEntry,
  IncidentNotice,
  IncidentNoticeKindEnum,
  IncidentSeverityEnum,
  IncidentStatusEnum,
  ReportIncidentInput,
  ResolveIncidentInput,
  UpdateIncidentInput,
} from './incident.types.ts';
import { graphqlObject } from '../../graphql/object.ts';
import { PaperForm, PaperFormFile, renderPaperForm } from '../requests/index.ts';
import { formsOfIncident, incidentForm } from './incident-form.ts';

export function toIncident(i: incidentRepo.IncidentRow, rulebookId: string | null): Incident {
  return graphqlObject(Incident, {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    occurredAt: toDate(i.occurred_at),
    detectedAt: toDate(i.detected_at),
    reportedAt: toDate(i.reported_at),
    severity: i.severity as IncidentSeverityEnum,
    severityLabel: INCIDENT_SEVERITIES[i.severity],
    residentsAffected: i.residents_affected,
    degradedOperation: i.degraded_operation,
    status: i.status as IncidentStatusEnum,
    statusLabel: INCIDENT_STATUSES[i.status],
    open: OPEN_INCIDENT_STATUSES.includes(i.status),
    cause: i.cause,
    recoveryEta: toDateOrNull(i.recovery_eta),
    resolvedAt: toDateOrNull(i.resolved_at),
    analysis: i.analysis,
    preventiveMeasures: i.preventive_measures,
    analysisRecordedAt: toDateOrNull(i.analysis_recorded_at),
    confirmedAt: toDateOrNull(i.confirmed_at),
    escalatedAt: toDateOrNull(i.escalated_at),
    ruleIds: i.rule_ids,
    contactNetworkRuleIds: incidentRules(rulebookId).networkRuleIds,
    version: i.version,
    systemId: i.system_id,
    reportedById: i.reported_by_id,
    resolvedById: i.resolved_by_id,
    confirmedById: i.confirmed_by_id,
    rulebookId,
  });
}

async function out(ctx: Context, rows: incidentRepo.IncidentRow[]): Promise<Incident[]> {
  const systems = await loadAll(ctx.loaders.system, [...new Set(rows.map((r) => r.system_id))]);
  const rulebook = new Map(systems.map((s) => [s.id, s.rulebook_id]));
  return rows.map((r) => toIncident(r, rulebook.get(r.system_id) ?? null));
}

const MAX_LIMIT = 500;

@Resolver(() => Incident)
export class IncidentResolver {
  @Rule('registry:read')
  @Query(() => [Incident], { description: 'Incidents, latest occurrence first: of a system, by status, open ones only, occurred in [from, to).' })
  async incidents(@Ctx() ctx: Context, @Arg('filter', () => IncidentFilter, { nullable: true }) filter: IncidentFilter | null): Promise<Incident[]> {
    const f = filter ?? {};
    if (f.systemId) idOrThrow(f.systemId, ['filter', 'systemId']);
    if (f.from && f.to && f.to <= f.from)
      throw badInput([
        fieldError(['filter', 'to'], 'INVALID_VALUE', 'The end of the range comes after its start.', '期間の終わりは始まりより後にしてください。'),
      ]);
    const limit = f.limit ?? 100;
    if (limit < 1 || limit > MAX_LIMIT)
      throw badInput([fieldError(['filter', 'limit'], 'INVALID_VALUE', `Ask for 1 to ${MAX_LIMIT} incidents.`, `件数は1〜${MAX_LIMIT}で指定してください。`)]);
    const statuses = f.openOnly
      ? f.status?.length
        ? f.status.filter((s) => OPEN_INCIDENT_STATUSES.includes(s as never))
        : [...OPEN_INCIDENT_STATUSES]
      : (f.status ?? null);
    if (statuses && statuses.length === 0) return [];
    const rows = await incidentRepo.listIncidents(await ctx.db.em(), {
      systemId: f.systemId,
      statuses: statuses as incidentRepo.IncidentStatus[] | null,
      from: f.from,
      to: f.to,
      limit,
    });
    return out(ctx, rows);
  }

  @Rule('registry:read')
  @Query(() => [Incident], { description: 'Incidents not yet resolved, latest first.' })
  async openIncidents(@Ctx() ctx: Context): Promise<Incident[]> {
    return out(ctx, await incidentRepo.listIncidents(await ctx.db.em(), { statuses: [...OPEN_INCIDENT_STATUSES], limit: MAX_LIMIT }));
  }

  @Rule('registry:read')
  @Query(() => Incident, { nullable: true, description: 'An incident with its log, its notices to the using sections and the system’s contact networks.' })
  async incident(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Incident | null> {
    idOrThrow(id, ['id']);
    const row = await incidentRepo.incidentById(await ctx.db.em(), id);
    return row ? (await out(ctx, [row]))[0]! : null;
  }

  @Rule('signedIn')
  @Mutation(() => Incident, {
    description:
      'Records an incident (第8号様式, MNT-22-3) and sends the notice of occurrence to every using section (MNT-22-4); escalates when residents are affected (KWO-10-1-2, MNT-22-2, KTM-14-1).',
  })
  async reportIncident(@Ctx() ctx: Context, @Arg('input', () => ReportIncidentInput) input: ReportIncidentInput): Promise<Incident> {
    return (await out(ctx, [await service.reportIncident(ctx, { ...input, severity: input.severity as unknown as 'minor' | 'major' | 'critical' })]))[0]!;
  }

  @Rule('signedIn')
  @Mutation(() => Incident, { description: 'Records progress while the incident is open: recovery ETA, cause, 縮退運転, a note; status RECOVERING.' })
  async updateIncident(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateIncidentInput) input: UpdateIncidentInput,
  ): Promise<Incident> {
    return (await out(ctx, [await service.updateIncident(ctx, id, { ...input, status: input.status ?? null })]))[0]!;
  }

  @Rule('signedIn')
  @Mutation(() => Incident, {
    description: 'Records the resolution and sends the notice of resolution to every using section (MNT-22-4). Once: a second gets CONFLICT.',
  })
  async resolveIncident(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ResolveIncidentInput, { nullable: true }) input: ResolveIncidentInput | null,
  ): Promise<Incident> {
    return (await out(ctx, [await service.resolveIncident(ctx, id, input ?? {})]))[0]!;
  }

  @Rule('signedIn')
  @Mutation(() => Incident, { description: 'Records the post-incident analysis and preventive measures, after the resolution (KWO-10-1-2 ウ).' })
  async recordIncidentAnalysis(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => IncidentAnalysisInput) input: IncidentAnalysisInput,
  ): Promise<Incident> {
    return (await out(ctx, [await service.recordIncidentAnalysis(ctx, id, input)]))[0]!;
  }

  @Rule('signedIn')
  @Mutation(() => Incident, {
    description:
      'The administrator confirms the resolution (MNT-22-3): once resolved and analysed, not by whoever recorded the resolution. Once: a second gets CONFLICT.',
  })
  async confirmIncidentResolution(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Incident> {
    return (await out(ctx, [await service.confirmIncidentResolution(ctx, id)]))[0]!;
  }

  @FieldResolver(() => System)
  async system(@Root() i: Incident, @Ctx() ctx: Context): Promise<System> {
    return toSystem((await ctx.loaders.system.load(i.systemId))!);
  }

  @FieldResolver(() => Staff)
  async reportedBy(@Root() i: Incident, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(i.reportedById))!);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async resolvedBy(@Root() i: Incident, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = i.resolvedById ? await ctx.loaders.staff.load(i.resolvedById) : null;
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async confirmedBy(@Root() i: Incident, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = i.confirmedById ? await ctx.loaders.staff.load(i.confirmedById) : null;
    return row ? toStaff(row) : null;
  }

  @FieldResolver(() => [IncidentLogEntry], { description: 'The time-stamped log, oldest first.' })
  async updates(@Root() i: Incident, @Ctx() ctx: Context): Promise<IncidentLogEntry[]> {
    return (await incidentRepo.updatesOfIncidents(await ctx.db.em(), [i.id])).map((u) =>
      graphqlObject(IncidentLogEntry, {
        seq: u.seq,
        at: toDate(u.at),
        kind: u.kind,
        status: (u.status as IncidentStatusEnum | null) ?? null,
        recoveryEta: toDateOrNull(u.recovery_eta),
        cause: u.cause,
        degradedOperation: u.degraded_operation,
        note: u.note,
        ruleIds: u.rule_ids,
        byId: u.by_id,
        onBehalfOfId: u.on_behalf_of_id,
      }),
    );
  }

  @FieldResolver(() => [IncidentNotice], {
    description: 'The continuation notices (継送連絡) to the using sections: at occurrence, then at resolution (MNT-22-4).',
  })
  async notices(@Root() i: Incident, @Ctx() ctx: Context): Promise<IncidentNotice[]> {
    return (await incidentRepo.noticesOfIncidents(await ctx.db.em(), [i.id])).map((n) =>
      graphqlObject(IncidentNotice, {
        kind: n.kind as IncidentNoticeKindEnum,
        kindLabel: INCIDENT_NOTICE_KINDS[n.kind],
        orgUnitId: n.org_unit_id,
        sectionName: n.org_unit_name,
        sectionFullName: sectionLabel(n),
        recipientPositionName: n.recipient_position_name,
        sentAt: toDateOrNull(n.sent_at),
        ruleIds: n.rule_ids,
        recipientStaffIds: n.recipient_staff_ids,
      }),
    );
  }

  @FieldResolver(() => [ContactNetwork], {
    description: 'The system’s emergency contact networks the viewer may see, each with its missingDecider flag (KWW-9-2, KTM-14-4).',
  })
  async contactNetworks(@Root() i: Incident, @Ctx() ctx: Context): Promise<ContactNetwork[]> {
    const rows = await ctx.loaders.networksOfSystem.load(i.systemId);
    return visibleNetworks(
      ctx,
      rows.map((r) =>
        graphqlObject(ContactNetwork, {
          id: r.id,
          name: r.name,
          ruleIds: r.rule_ids,
          systemId: r.system_id,
          managingOrgUnitId: r.managing_org_unit_id,
          rulebookId: r.rulebook_id,
        }),
      ),
    );
  }

  @FieldResolver(() => [PaperForm], {
    description: 'The form the rulebook prescribes for the record (MNT-22-3 第8号様式 障害等対応連絡票); empty where it prescribes none.',
  })
  paperForms(@Root() i: Incident): PaperForm[] {
    return formsOfIncident(i.rulebookId).map((f) =>
      graphqlObject(PaperForm, { number: f.number, formNumber: f.formNumber, title: f.title, article: f.article }),
    );
  }

  @FieldResolver(() => PaperFormFile, {
    description: 'The prescribed form filled from the record — occurrence, measures, log, who reported, resolved and confirmed — as a PDF.',
  })
  async paperFormFile(@Root() i: Incident, @Ctx() ctx: Context, @Arg('number', () => Int) number: number): Promise<PaperFormFile> {
    const def = formsOfIncident(i.rulebookId).find((f) => f.number === number);
    if (!def || !i.rulebookId) {
      throw badInput([
        fieldError(
          ['number'],
          'INVALID_VALUE',
          `The rulebook prescribes no form ${number} for this record.`,
          `この記録に対応する第${number}号様式はありません。`,
          [],
        ),
      ]);
    }
    const row = (await incidentRepo.incidentById(await ctx.db.em(), i.id))!;
    return graphqlObject(PaperFormFile, await renderPaperForm(await incidentForm(ctx, row, i.rulebookId, def)));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer records this incident’s progress (the system’s administrators).' })
  async viewerMayManage(@Root() i: Incident, @Ctx() ctx: Context): Promise<boolean> {
    return service.viewerMayManage(ctx, (await ctx.loaders.system.load(i.systemId))!);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may confirm the resolution now (MNT-22-3).' })
  async viewerMayConfirm(@Root() i: Incident, @Ctx() ctx: Context): Promise<boolean> {
    const db = await ctx.db.em();
    return service.viewerMayConfirm(ctx, (await incidentRepo.incidentById(db, i.id))!, (await ctx.loaders.system.load(i.systemId))!);
  }
}

@Resolver(() => IncidentLogEntry)
export class IncidentLogEntryResolver {
  @FieldResolver(() => Staff)
  async by(@Root() u: IncidentLogEntry, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(u.byId))!);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'For a deputy: whom they acted for (MNT-6-4, KTM-3-6).' })
  async onBehalfOf(@Root() u: IncidentLogEntry, @Ctx() ctx: Context): Promise<Staff | null> {
    const row = u.onBehalfOfId ? await ctx.loaders.staff.load(u.onBehalfOfId) : null;
    return row ? toStaff(row) : null;
  }
}

@Resolver(() => IncidentNotice)
export class IncidentNoticeResolver {
  @FieldResolver(() => [Staff], { description: 'The section heads told.' })
  async recipients(@Root() n: IncidentNotice, @Ctx() ctx: Context): Promise<Staff[]> {
    return (await loadAll(ctx.loaders.staff, n.recipientStaffIds)).map(toStaff);
  }
}

export const incidentResolvers = [IncidentResolver, IncidentLogEntryResolver, IncidentNoticeResolver] as const;
