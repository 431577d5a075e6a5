// What other modules use of procedures: an approved procedure_definition request sets a definition.
export { setProcedureDefinition } from './procedure.service.ts';
