// Incidents (SPEC §6): reports, their transitions and the notices they send.
export * from './incidents.ts';
export * from './incident-decisions.ts';
