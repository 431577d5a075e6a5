import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maintenanceRepo, registryRepo } from '@tsukasa/db';
import { fieldError, isOpenAt, maintenanceRules } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { Rule } from '../../graphql/rules.ts';
import { Staff, toStaff } from '../people/index.ts';
import { System, toSystem } from '../registry/index.ts';
import * as service from './maintenance.service.ts';
import { MaintenanceWindow, PlanMaintenanceInput, SystemOperatingCalendar, SystemUnderMaintenance } from './maintenance.types.ts';
import { ArgFormats } from '../../graphql/input-guard.ts';
import { graphqlObject } from '../../graphql/object.ts';

const WEEKDAYS = [
  { ja: '日曜日', en: 'Sunday' },
  { ja: '月曜日', en: 'Monday' },
  { ja: '火曜日', en: 'Tuesday' },
  { ja: '水曜日', en: 'Wednesday' },
  { ja: '木曜日', en: 'Thursday' },
  { ja: '金曜日', en: 'Friday' },
  { ja: '土曜日', en: 'Saturday' },
];

@Resolver(() => MaintenanceWindow)
export class MaintenanceResolver {
  @Rule('registry:read')
  @Query(() => [MaintenanceWindow], { description: 'Maintenance windows of a system meeting [from, to) — planned, announced and cancelled — by start.' })
  async maintenanceWindows(
    @Ctx() ctx: Context,
    @Arg('systemId', () => ID) systemId: string,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ): Promise<MaintenanceWindow[]> {
    const db = await ctx.db.em();
    const system = await service.systemOrThrow(db, systemId, ['systemId']);
    if (from && to && to <= from)
      throw badInput([fieldError(['to'], 'INVALID_VALUE', 'The end of the range comes after its start.', '期間の終わりは始まりより後にしてください。')]);
    return (await maintenanceRepo.maintenanceWindowsOfSystem(db, system.id, { from, to })).map((w) => service.toWindow(w, system.rulebook_id, ctx.now()));
  }

  @Rule('registry:read')
  @Query(() => SystemOperatingCalendar, {
    description:
      'When a system may be used: weekly hours, closed periods, holidays, announced windows to come, and whether it is open now (with the reason and rules).',
  })
  async operatingCalendar(@Ctx() ctx: Context, @Arg('systemId', () => ID) systemId: string): Promise<SystemOperatingCalendar> {
    const db = await ctx.db.em();
    const system = await service.systemOrThrow(db, systemId, ['systemId']);
    const now = ctx.now();
    const { calendar, windows } = await service.calendarOf(db, system, now);
    const state = isOpenAt(calendar, now);
    return graphqlObject(SystemOperatingCalendar, {
      system: toSystem(system),
      timeZone: calendar.timeZone,
      weekly: calendar.weekly.map((hours, weekday) => ({ weekday, label: WEEKDAYS[weekday]!, hours: hours.map((h) => ({ start: h.start, end: h.end })) })),
      closedPeriods: calendar.closedPeriods.map((p) => ({ from: p.from, to: p.to })),
      closedOnNationalHolidays: calendar.closedOnNationalHolidays,
      ruleIds: calendar.ruleIds,
      hoursSetting: calendar.hoursSetting ? { label: calendar.hoursSetting.label, note: calendar.hoursSetting.note ?? null } : null,
      stopRuleIds: maintenanceRules(system.rulebook_id).stopRuleIds,
      upcoming: windows.map((w) => service.toWindow(w, system.rulebook_id, now)),
      openNow: state.open
        ? { at: now, open: true, code: null, reason: null, ruleIds: state.ruleIds, setting: null }
        : { at: now, open: false, code: state.code, reason: state.reason, ruleIds: state.ruleIds, setting: state.setting ?? null },
      viewerMayPlan: await service.viewerMayPlan(ctx, system),
    });
  }

  @Rule('registry:read')
  @Query(() => [SystemUnderMaintenance], { description: 'Systems stopped by an announced maintenance window at an instant (default: now), by system name.' })
  async systemsUnderMaintenance(@Ctx() ctx: Context, @Arg('at', () => Date, { nullable: true }) at: Date | null): Promise<SystemUnderMaintenance[]> {
    const db = await ctx.db.em();
    const instant = at ?? ctx.now();
    const stops = await maintenanceRepo.stopsAt(db, instant);
    const systems = new Map((await registryRepo.systemsByIds(db, [...new Set(stops.map((s) => s.system_id))])).map((s) => [s.id, s]));
    return stops.map((w) => {
      const system = systems.get(w.system_id)!;
      return graphqlObject(SystemUnderMaintenance, { system: toSystem(system), window: service.toWindow(w, system.rulebook_id, ctx.now()) });
    });
  }

  @Rule('signedIn')
  @Mutation(() => MaintenanceWindow, {
    description: 'Plans a stop or an extension (the system’s administrators; MNT-15-2, KTM-15-2). Returned with its warnings; in force once announced.',
  })
  async planMaintenance(@Ctx() ctx: Context, @Arg('input', () => PlanMaintenanceInput) input: PlanMaintenanceInput): Promise<MaintenanceWindow> {
    const { row, system } = await service.planMaintenance(ctx, { ...input, kind: input.kind as unknown as 'closed' | 'open' });
    return service.toWindow(row, system.rulebook_id, ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => MaintenanceWindow, {
    description:
      'Announces a window to the head of every using section (notification and e-mail; MNT-15-2, KTM-15-2). From then on the access decision follows it.',
  })
  async announceMaintenance(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MaintenanceWindow> {
    const { row, system } = await service.announceMaintenance(ctx, id);
    return service.toWindow(row, system.rulebook_id, ctx.now());
  }

  @Rule('signedIn')
  @Mutation(() => MaintenanceWindow, { description: 'Cancels a window not yet over, with the reason; the using sections are told if it had been announced.' })
  @ArgFormats({ reason: 'multiline' })
  async cancelMaintenance(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<MaintenanceWindow> {
    const { row, system } = await service.cancelMaintenance(ctx, id, reason);
    return service.toWindow(row, system.rulebook_id, ctx.now());
  }

  @FieldResolver(() => System)
  async system(@Root() w: MaintenanceWindow, @Ctx() ctx: Context): Promise<System> {
    return toSystem((await ctx.loaders.system.load(w.systemId))!);
  }

  @FieldResolver(() => Staff)
  async plannedBy(@Root() w: MaintenanceWindow, @Ctx() ctx: Context): Promise<Staff> {
    return toStaff((await ctx.loaders.staff.load(w.plannedById))!);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async announcedBy(@Root() w: MaintenanceWindow, @Ctx() ctx: Context): Promise<Staff | null> {
    if (!w.announcedById) return null;
    const row = await ctx.loaders.staff.load(w.announcedById);
    return row ? toStaff(row) : null;
  }
}
