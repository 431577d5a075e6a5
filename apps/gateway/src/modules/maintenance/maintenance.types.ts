import { CLOSURE_CODE_VALUES, MAINTENANCE_WARNING_CODE_VALUES, type ClosureCode, type MaintenanceWarningCode, type RuleId } from '@tsukasa/domain';
import { graphqlEnum } from '../../graphql/enums.ts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { System } from '../registry/index.ts';
import { Bilingual } from '../../graphql/shared.types.ts';
import { TextFormat } from '../../graphql/input-guard.ts';

export const MaintenanceWarningCodeEnum = graphqlEnum(MAINTENANCE_WARNING_CODE_VALUES, {
  name: 'MaintenanceWarningCode',
  description: 'A stop inside the operating hours, a window not announced, a notice given late, or an extension with no effect.',
});
export const ClosureCodeEnum = graphqlEnum(CLOSURE_CODE_VALUES, {
  name: 'ClosureCode',
  description: 'A closed day, outside the operating hours, or a maintenance stop.',
});

export enum MaintenanceKindEnum {
  CLOSED = 'closed',
  OPEN = 'open',
}
registerEnumType(MaintenanceKindEnum, {
  name: 'MaintenanceKind',
  description: 'closed: a stop (保守点検作業等による停止); open: the operating hours extended (運用時間の一時的な延長)',
});

export enum MaintenanceStatusEnum {
  PLANNED = 'planned',
  ANNOUNCED = 'announced',
  IN_PROGRESS = 'in_progress',
  FINISHED = 'finished',
  CANCELLED = 'cancelled',
}
registerEnumType(MaintenanceStatusEnum, {
  name: 'MaintenanceStatus',
  description: 'planned (not yet announced: not in force), announced, in_progress, finished, cancelled',
});

@ObjectType({ description: 'An interval of time [from, to).' })
export class TimeInterval {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
}

@ObjectType({ description: 'Something the planner should know about a window; it does not stop the window being planned.' })
export class MaintenanceWarning {
  @Field(() => MaintenanceWarningCodeEnum) code!: MaintenanceWarningCode;
  @Field(() => Bilingual) message!: Bilingual;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => [TimeInterval], { description: 'For a stop inside the operating hours: the time the using sections lose.' }) overlaps!: TimeInterval[];
}

@ObjectType({ description: 'A maintenance stop or a temporary extension of a system’s operating hours (MNT-15-2, KTM-15-2). In force once announced.' })
export class MaintenanceWindow {
  @Field(() => ID) id!: string;
  @Field(() => MaintenanceKindEnum) kind!: MaintenanceKindEnum;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => String, { description: 'The reason as announced (Japanese).' }) reason!: string;
  @Field(() => String, { nullable: true }) reasonEn!: string | null;
  @Field(() => MaintenanceStatusEnum) status!: MaintenanceStatusEnum;
  @Field(() => Date) plannedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the using sections were told.' }) announcedAt!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => Int) version!: number;
  @Field(() => [MaintenanceWarning]) warnings!: MaintenanceWarning[];
  systemId!: string;
  plannedById!: string;
  announcedById!: string | null;
}

@ObjectType({ description: 'Opening hours of a day: [start, end) in local time, HH:MM (end may be 24:00).' })
export class OperatingHours {
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType()
export class WeekdayHours {
  @Field(() => Int, { description: '0 = Sunday … 6 = Saturday' }) weekday!: number;
  @Field(() => Bilingual) label!: Bilingual;
  @Field(() => [OperatingHours], { description: 'Empty: closed that weekday.' }) hours!: OperatingHours[];
}

@ObjectType({ description: 'Days the system is not operated every year, inclusive (MM-DD), e.g. 12-31 to 01-03 (KTM-15-1).' })
export class ClosedPeriod {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
}

@ObjectType({ description: 'Whether a system may be used at an instant, and if not why.' })
export class OperatingState {
  @Field(() => Date) at!: Date;
  @Field(() => Boolean) open!: boolean;
  @Field(() => ClosureCodeEnum, { nullable: true, description: 'Why it is closed; null when open.' }) code!: ClosureCode | null;
  @Field(() => Bilingual, { nullable: true, description: 'Why it is closed; null when open.' }) reason!: Bilingual | null;
  @Field(() => [String]) ruleIds!: RuleId[];
  @Field(() => Bilingual, {
    nullable: true,
    description: 'The municipality setting that closed it, when no rule sets the hours (e.g. Kawasaki’s business hours; KWO-7-1 sets none).',
  })
  setting!: Bilingual | null;
}

@ObjectType({ description: 'A municipality’s setting of the operating hours its rulebook leaves open.' })
export class HoursSetting {
  @Field(() => Bilingual, { description: 'Which setting, e.g. 川崎市の業務時間の設定.' }) label!: Bilingual;
  @Field(() => Bilingual, { nullable: true, description: 'What the rulebook does say about these hours, with its rule (KWO-7-1: no use outside 業務時間).' })
  note!: Bilingual | null;
}

@ObjectType({ description: 'When a system may be used: its rulebook’s hours and the announced windows (SPEC §6).' })
export class SystemOperatingCalendar {
  @Field(() => System) system!: System;
  @Field(() => String) timeZone!: string;
  @Field(() => [WeekdayHours]) weekly!: WeekdayHours[];
  @Field(() => [ClosedPeriod]) closedPeriods!: ClosedPeriod[];
  @Field(() => Boolean) closedOnNationalHolidays!: boolean;
  @Field(() => [String], { description: 'The rules setting the hours (MNT-15-1, KTM-15-1); empty: the rulebook sets none, and the hours are `hoursSetting`.' })
  ruleIds!: RuleId[];
  @Field(() => HoursSetting, { nullable: true, description: 'The municipality’s setting of the hours, when no rule sets them; null when `ruleIds` do.' })
  hoursSetting!: HoursSetting | null;
  @Field(() => [String], { description: 'The rules stops are made under (MNT-15-2, KTM-15-2 …).' }) stopRuleIds!: RuleId[];
  @Field(() => [MaintenanceWindow], { description: 'Announced windows not yet over, by start.' }) upcoming!: MaintenanceWindow[];
  @Field(() => OperatingState) openNow!: OperatingState;
  @Field(() => Boolean, { description: 'Whether the viewer plans and announces this system’s windows.' }) viewerMayPlan!: boolean;
}

@ObjectType({ description: 'A system stopped for maintenance at an instant.' })
export class SystemUnderMaintenance {
  @Field(() => System) system!: System;
  @Field(() => MaintenanceWindow) window!: MaintenanceWindow;
}

@InputType()
export class PlanMaintenanceInput {
  @Field(() => ID) systemId!: string;
  @Field(() => MaintenanceKindEnum) kind!: MaintenanceKindEnum;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @TextFormat('multiline')
  @Field(() => String, { description: 'As it will be announced, e.g. 定期保守作業 (at most 200 characters).' })
  reason!: string;
  @TextFormat('multiline')
  @Field(() => String, { nullable: true })
  reasonEn?: string | null;
}
