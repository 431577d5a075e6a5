import { p, type EntityClass } from '@mikro-orm/core';
import { Municipality } from './tenancy.entity.ts';

// How the keys of a tenant table are described (infra/citus/README.md §3): every primary key ends
// with municipality_id, and a reference to another row of the same municipality is the pair
// (x_id, municipality_id) → (id, municipality_id), so the database itself refuses a reference into
// another municipality.
//
// - `municipality` (this relation) owns the municipality_id column and its foreign key to the
//   municipality; it is part of the primary key.
// - Every other reference column is a scalar property of its own (`assetId` → asset_id): indexes,
//   primary keys and the typed SQL of the repositories (entities/kysely.types.ts) name the column.
// - The relation beside it (`asset`) shares that column and municipality_id (MikroORM's shared
//   columns of composite foreign keys) and carries the foreign key constraint: its name as the
//   migration created it, and its ON UPDATE / ON DELETE rules. MikroORM's defaults do not fit these
//   keys (cascade on update of a composite key, SET NULL of every column of a nullable one, which
//   would null municipality_id), so the rules are always given: NO ACTION unless stated.

/** The tenant column municipality_id, part of the primary key, with its foreign key `foreignKey` to the municipality. */
export function tenant(foreignKey: string) {
  return p.manyToOne(Municipality).primary().foreignKeyName(foreignKey).updateRule('no action').deleteRule('no action');
}

/**
 * A reference to a row of the same municipality: foreign key `foreignKey` on (`column`, municipality_id)
 * to the target's (id, municipality_id). `column` is also declared as a scalar property. A nullable
 * reference that the database clears when its target goes says so with `deleteRule('set null (column)')`.
 */
export function sameMunicipality<const T extends EntityClass<unknown> | { '~entity': unknown }>(target: T, column: string, foreignKey: string) {
  return p.manyToOne(target).joinColumns(column, 'municipality_id').foreignKeyName(foreignKey).updateRule('no action').deleteRule('no action');
}
