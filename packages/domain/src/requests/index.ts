// The request engine (申請): kinds, their routes and the invariants every route obeys.
export type * from './request.types.ts';
export * from './registry.ts';
export * from './invariants.ts';
export { isBasicResidentItem, dataUseSteps } from './kinds/data-use-consultation.kind.ts';
export type { UserChangeRow } from './kinds/bulk-user-update.kind.ts';
export { userAdditionKind } from './kinds/user-addition.kind.ts';
export { userTerminationKind } from './kinds/user-termination.kind.ts';
export { bulkUserUpdateKind } from './kinds/bulk-user-update.kind.ts';
export { accessRightsUpdateKind } from './kinds/access-rights-update.kind.ts';
export { licenceCountChangeKind } from './kinds/licence-count-change.kind.ts';
export { usageSuspensionKind, usageReinstatementKind } from './kinds/usage-restriction.kind.ts';
export { passwordResetKind } from './kinds/password-reset.kind.ts';
export { workRequestKind } from './kinds/work-request.kind.ts';
export { systemModificationKind } from './kinds/system-modification.kind.ts';
export { newSystemIntroductionKind } from './kinds/new-system-introduction.kind.ts';
export { dataUseConsultationKind } from './kinds/data-use-consultation.kind.ts';
export { systemRetirementKind } from './kinds/system-retirement.kind.ts';
export { procedureDefinitionKind } from './kinds/procedure-definition.kind.ts';
