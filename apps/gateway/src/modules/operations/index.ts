// What other modules use of operations: announced maintenance as a fact of the access decision.
export { toWindowFact } from './maintenance.service.ts';
