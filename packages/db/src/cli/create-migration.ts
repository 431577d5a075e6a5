// Creates a migration file against a throw-away embedded PostgreSQL migrated to the current head.
//
// Write migrations by hand in a blank file (`--blank`): MikroORM's schema diff does not understand
// the hand-written row-level-security policies, triggers and functions of the security migrations —
// it would drop them or replace triggers with empty functions. A diff may still be generated with
// `--diff` to copy the `create table` statements of new entities from it, never to be used as is.
// The entities describe every table as the migrations create it (entities/schema-diff.test.ts), so
// the diff holds exactly what changed in the entities; a new table's grants, row-level security and
// triggers are still to be written beside it.
import { createOrm } from '../orm.ts';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.ts';
import { migrate, provisionRolesAndSchema } from '../runtime/provision.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const name = process.argv[2];
const blank = !process.argv.includes('--diff');
const initial = process.argv.includes('--initial');
const dir = await mkdtemp(join(tmpdir(), 'tsukasa-migration-'));
const pg = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
try {
  const url = await provisionRolesAndSchema(pg.adminUrl, { createDatabase: 'tsukasa' });
  if (!initial) await migrate(url);
  const orm = await createOrm({ clientUrl: url, as: 'owner' });
  const result = initial ? await orm.migrator.create(undefined, false, true, name) : await orm.migrator.create(undefined, blank, false, name);
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
  await orm.close(true);
} finally {
  await pg.stop();
}
