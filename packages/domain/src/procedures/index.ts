// Procedures (SPEC §6; KTM-7): the definitions of administrative procedures (行政手続), their conditions and review.
export * from './procedures.ts';
export * from './procedure-decisions.ts';
export * from './procedure-runs.ts';
