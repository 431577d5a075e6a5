export * from './model/types.ts';
export * from './rulebooks/index.ts';
export * from './glossary.ts';
export * from './wareki.ts';
export * from './registry/field-error.ts';
export * from './registry/system.policy.ts';
export * from './demo/index.ts';
export * from './demo-credentials.ts';
