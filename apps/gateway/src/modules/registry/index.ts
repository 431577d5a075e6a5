// What other modules use of the registry: its GraphQL types and the mappers from database rows.
export { InformationAsset, Licences, Municipality, OrgUnit, Position, System } from './registry.types.ts';
export { toAsset, toOrgUnit, toPosition, toSystem } from './registry.mappers.ts';
