// Operating calendars, Japanese national holidays, business days and deadlines (SPEC §6).
export type * from './calendar.types.ts';
export { CLOSURE_CODE_VALUES } from './calendar.types.ts';
export * from './japanese-holidays.ts';
export * from './operating-calendar.ts';
export * from './deadlines.ts';
export * from './supported-dates.ts';
