// Demo dataset of the four municipalities (SPEC §2), transcribed from their regulations, and the
// demo sign-in password. Not part of the product's rules: packages/domain knows nothing of it.
// Accounts, grants and other dated records are derived relative to the day the data is loaded
// (demoAccess(m, asOf), demoDatesAt(asOf)).
import type { MunicipalitySeed } from './seed.types.ts';
import { arakawaDemo } from './arakawa.demo.ts';
import { kawasakiDemo } from './kawasaki.demo.ts';
import { kitamiDemo } from './kitami.demo.ts';
import { minatoDemo } from './minato.demo.ts';

export { arakawaDemo, kawasakiDemo, kitamiDemo, minatoDemo };
export { ARAKAWA_TABLE_1, ARAKAWA_TABLE_2, ARAKAWA_TABLE_3 } from './arakawa.demo.ts';
export { KAWASAKI_WELFARE_TABLE, KWW_SUPERVISOR_SCOPES } from './kawasaki.demo.ts';
export { MINATO_USING_SECTIONS } from './minato.demo.ts';
export { generateDemoStaff, createRng, hashSeed, DEMO_CURRENT_FROM, DEMO_PREVIOUS_FROM } from './demo-staff.ts';
export type { DemoLogin, StaffGenerationOptions } from './demo-staff.ts';
export { BASIC_RESIDENT_ITEMS, positionFullName } from './seed-builders.ts';
export type * from './seed.types.ts';

export const demoMunicipalities: MunicipalitySeed[] = [minatoDemo, kawasakiDemo, kitamiDemo, arakawaDemo];
export * from './access.demo.ts';
export * from './demo-credentials.ts';
export { KITAMI_DEMO_PROCEDURES, demoReviewedOn } from './kitami-procedures.demo.ts';
export type { DemoPattern, DemoProcedure, DemoReview } from './kitami-procedures.demo.ts';
export { DEMO_WORKFLOWS } from './workflows.demo.ts';
