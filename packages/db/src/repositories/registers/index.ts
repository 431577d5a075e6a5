// The registers (SPEC §6): processing plans (ARK-8), system documents (MNT-13-9,
// ARK-5, ARK-11), contract clauses (ARK-6-1), inspections and check sheets (ARK-29, KWO-5-3),
// findings (KWW-10-2, KWO-3-3), the form ledger (KWO-5-2) and the duties recorded as done (実施記録).
// The API reads them as registersRepo.
export * from './systems.repository.ts';
export * from './plans.repository.ts';
export * from './documents.repository.ts';
export * from './contracts.repository.ts';
export * from './inspections.repository.ts';
export * from './findings.repository.ts';
export * from './ledger.repository.ts';
export * from './duties.repository.ts';
