import { Migration } from '@mikro-orm/migrations';

// Who suspended, reinstated or revoked a viewing grant, and when (on behalf of whom, for a deputy):
// with the request (access_grant.requested_by_id, created_at) and each owner's approval
// (access_grant_approval), the history of every state a grant passes through, shown by the API
// and the admin app. Appended to, never rewritten. Changes made before this table existed have
// their instant on the grant (suspended_at, revoked_at) and no recorded actor.

export class Migration20261208110000_grant_changes extends Migration {
  override name = 'Migration20261208110000_grant_changes';

  override up(): void {
    this.addSql(`create table "tsukasa"."access_grant_change" (
      "id" uuid not null,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "grant_id" uuid not null,
      "change" varchar(12) not null check ("change" in ('suspended', 'reinstated', 'revoked')),
      "changed_at" timestamptz not null,
      "changed_by_id" uuid not null,
      "on_behalf_of_id" uuid null,
      primary key ("id", "municipality_id"),
      constraint "access_grant_change_grant_id_foreign" foreign key ("grant_id", "municipality_id")
        references "tsukasa"."access_grant" ("id", "municipality_id") on update cascade on delete cascade,
      constraint "access_grant_change_changed_by_id_foreign" foreign key ("changed_by_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id"),
      constraint "access_grant_change_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on delete set null ("on_behalf_of_id"));`);
    this.addSql(`create index "access_grant_change_grant_id_index" on "tsukasa"."access_grant_change" ("grant_id", "changed_at");`);
    this.addSql(`grant select, insert on "tsukasa"."access_grant_change" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."access_grant_change" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."access_grant_change" to tsukasa_app
      using (municipality_id = current_municipality_id())
      with check (municipality_id = current_municipality_id());`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
