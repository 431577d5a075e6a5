// What other modules use of the rulebook module.
export { toRulebook } from './rulebook.mappers.ts';
export { Rulebook } from './rulebook.types.ts';
