// Registers (SPEC §6): the record books the rulebooks make the municipality keep, their due dates
// and the summary of what is due (the API's operationsDue).
export * from './due-dates.ts';
export * from './registers.ts';
export * from './register-decision.ts';
export * from './processing-plans.ts';
export * from './documents.ts';
export * from './contract-clauses.ts';
export * from './inspections.ts';
export * from './findings.ts';
export * from './form-ledger.ts';
export * from './duty-records.ts';
export * from './due-summary.ts';
