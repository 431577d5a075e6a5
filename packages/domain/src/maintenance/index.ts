// Maintenance windows (SPEC §6): planned stops and extended hours, their announcements and cancellations.
export * from './maintenance.ts';
export * from './maintenance-decisions.ts';
