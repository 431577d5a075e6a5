import type { EntitySchemaWithMeta, Primary } from '@mikro-orm/core';
import type { InferKyselyDB } from '@mikro-orm/postgresql';
import type { allEntities } from './all.ts';

// The tables as Kysely sees them, inferred from the entities: table names as in the database
// (`access_grant`, not `Grant`), column names as in the database (`valid_to`, `asset_id`), each
// column typed by its property (varchar → string, timestamptz → Date, date → string 'YYYY-MM-DD',
// jsonb → its declared shape, text[] → string[], a checked set of values → their union), nullable
// columns `| null`, and columns with a default or a sequence `Generated<…>` (optional on insert).
//
// Queries: `em.getKysely<Database>({ convertValues: true })`, bound to the entity manager's
// transaction. convertValues makes rows come back as typed (timestamptz as Date, bigint as bigint);
// without it, the pool's type parsers keep timestamps and dates as text.
//
// A reference to a row of the same municipality is the pair (x_id, municipality_id), and both are
// columns of their own (entities/tenant-keys.ts): the scalar property `assetId` is asset_id, the
// `municipality` relation is municipality_id. The relation beside them (`asset`) only describes the
// foreign key: InferKyselyDB would make of it a column per key property of the target, each typed as
// the whole key (asset_id: readonly string[], asset_municipality …), so such relations are left out
// here before the tables are inferred.

type Built<T> = T extends (...args: never[]) => infer R ? R : T;

/** A many-to-one relation whose target has a composite primary key: its columns are declared as scalar properties. */
type IsCompositeReference<B> = B extends { '~type'?: { value: infer Target }; '~options': { kind: 'm:1' } }
  ? Primary<Target> extends readonly unknown[]
    ? true
    : false
  : false;

type ColumnProperties<P> = { [K in keyof P as IsCompositeReference<Built<P[K]>> extends true ? never : K]: P[K] };

type WithColumnsOnly<S> =
  S extends EntitySchemaWithMeta<infer Name, infer Table, infer Entity, infer Base, infer Properties, infer Class>
    ? EntitySchemaWithMeta<Name, Table, Entity, Base, ColumnProperties<Properties>, Class>
    : never;

/** Every table of schema tsukasa (but the migrator's own) with its columns, for a `Kysely<Database>`. */
export type Database = InferKyselyDB<WithColumnsOnly<(typeof allEntities)[number]>, { tableNamingStrategy: 'table'; columnNamingStrategy: 'column' }>;
