// What other modules use of maintenance: announced maintenance as a fact of the access decision;
// and what incidents share with it: the system's administrators, their duty, and the notices to the
// using sections.
export { toWindowFact } from './maintenance.service.ts';
export { administratorOrThrow, conflict, idOrThrow, sectionLabel, systemOrThrow, tellStaff, tellUsingSections, viewerDuty } from './maintenance.service.ts';
