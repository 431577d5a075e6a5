// What other modules use of authz: the facts the field-level decisions are taken on.
export { loadStaffFacts, toAssetFact, toGrantFact, toTenure, type StaffFacts } from './viewer-facts.ts';
