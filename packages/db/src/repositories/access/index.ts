// The access records and the facts of authorization decisions, read by the API as accessRepo.
export * from './facts.repository.ts';
export * from './accounts.repository.ts';
export * from './grants.repository.ts';
export * from './people.repository.ts';
export * from './notifications.repository.ts';
export * from './absences.repository.ts';
// Who heads a section and the designations of KWO-6 (org walks, designation rows) live beside: the
// API reads them all as accessRepo.
export * from '../designation.repository.ts';
