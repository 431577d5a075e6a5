// Authorization decisions: protected fields of information assets (SPEC §5) and use of a system (SPEC §6).
export type * from './authz.types.ts';
export type * from './access-decision.types.ts';
export {
  FIELD_CHECK_KIND_VALUES,
  GRANT_RULE_IDS,
  NO_RIGHT_RULE_IDS,
  OWNER_RULE_IDS,
  decideFieldAccess,
  explainFieldAccess,
  roleFieldAccessTable,
} from './field-access.policy.ts';
export type { FieldAccessCheck, FieldAccessExplanation, FieldCheckKind, RoleFieldAccessRule } from './field-access.policy.ts';
export { ACCOUNT_RULE_IDS, decideSystemAccess } from './access-decision.ts';
export * from './administration.policy.ts';
export * from './grant-status.ts';
export * from './access-decisions.ts';
