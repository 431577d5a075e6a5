export * from './model/types.ts';
export * from './rulebooks/index.ts';
export * from './glossary.ts';
export * from './wareki.ts';
export * from './demo/index.ts';
