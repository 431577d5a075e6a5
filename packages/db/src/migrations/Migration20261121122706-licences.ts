import { Migration } from '@mikro-orm/migrations';

// Licences (MNT-18): what was purchased per system, and what each section holds. The 保健福祉課長
// keeps the sections' total within the purchased licences (MNT-18-1); the server checks it, never
// trusting a total sent by a client.

export class Migration20261121122706_licences extends Migration {
  override name = 'Migration20261121122706_licences';

  override up(): void {
    this.addSql(`create table "tsukasa"."licence_pool" ("system_id" uuid not null primary key references "tsukasa"."system" ("id"),
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"), "purchased_total" int not null check ("purchased_total" >= 0),
      "version" int not null default 1, "updated_at" timestamptz not null default now());`);
    this.addSql(`create table "tsukasa"."licence_allocation" ("system_id" uuid not null references "tsukasa"."system" ("id"),
      "org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"), "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "count" int not null check ("count" >= 0), "updated_at" timestamptz not null default now(), primary key ("system_id", "org_unit_id"));`);
    for (const table of ['licence_pool', 'licence_allocation']) {
      this.addSql(`grant select, insert, update, delete on "tsukasa"."${table}" to tsukasa_app;`);
      this.addSql(`alter table "tsukasa"."${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "tsukasa"."${table}" to tsukasa_app using (municipality_id = current_municipality_id()) with check (municipality_id = current_municipality_id());`);
    }
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
