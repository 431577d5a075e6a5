// Rulebook roles held through positions and deputations (SPEC §3).
export type * from './roles.types.ts';
export { DEFAULT_ROLE_TIME_ZONE, holdersAt, isOnDuty, localDateAt, positionsAt, rolesAt } from './role-resolution.ts';
export type { RoleFacts } from './role-resolution.ts';
export * from './absences.ts';
