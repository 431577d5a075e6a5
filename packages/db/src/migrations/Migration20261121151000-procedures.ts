import { Migration } from '@mikro-orm/migrations';

// 行政手続の定義 of Kitami's counter support system (KTM-7): one row per procedure, written by the
// approved procedure_definition request (KTM-7-4), with its structured conditions (KTM-7-2-2) and
// routing (KTM-7-2-3); every version and every regular review (KTM-5-1-1) kept in the history.

const tenantTables = ['procedure_definition', 'procedure_definition_history'];

export class Migration20261121151000_procedures extends Migration {
  override name = 'Migration20261121151000_procedures';

  override up(): void {
    this.addSql(`create table "tsukasa"."procedure_definition" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "name" varchar(200) not null,
      -- The identity across versions: the name NFKC-normalised, without spaces, lower-cased.
      "name_key" varchar(200) not null,
      "category" varchar(32) not null check ("category" in ('address_name_household', 'related', 'frequent', 'certificate', 'other')),
      "overview" text not null,
      "conditions_text" text not null,
      "condition_rules" jsonb null,
      "routing_text" text not null,
      -- Patterns with org unit ids: [{ "authority": uuid | "*", "action", "to": uuid | null, "note" }].
      "routing_patterns" jsonb not null default '[]',
      "handling_org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"),
      "managing_org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"),
      "confirmation_items" jsonb not null default '[]',
      "output_forms" jsonb not null default '[]',
      "other" text null,
      "display_order" int not null default 100,
      "rule_ids" text[] not null default '{}',
      "version" int not null default 1,
      "reviewed_on" date not null,
      "request_id" uuid null references "tsukasa"."request" ("id"),
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      unique ("municipality_id", "name_key"));`);
    this.addSql(`create index procedure_definition_order on "tsukasa"."procedure_definition" ("municipality_id", "category", "display_order");`);

    this.addSql(`create table "tsukasa"."procedure_definition_history" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "definition_id" uuid not null references "tsukasa"."procedure_definition" ("id") on delete cascade,
      "version" int not null,
      "change" varchar(12) not null check ("change" in ('defined', 'updated', 'reviewed')),
      "snapshot" jsonb not null,
      "request_id" uuid null references "tsukasa"."request" ("id"),
      "changed_by_id" uuid null references "tsukasa"."staff" ("id"),
      "changed_at" timestamptz not null,
      "note" varchar(2000) null,
      "rule_ids" text[] not null default '{}');`);
    this.addSql(`create index procedure_definition_history_definition on "tsukasa"."procedure_definition_history" ("definition_id", "changed_at");`);

    for (const table of tenantTables) {
      // The history is appended to, never rewritten.
      this.addSql(`grant select, insert${table === 'procedure_definition' ? ', update' : ''} on "tsukasa"."${table}" to tsukasa_app;`);
      this.addSql(`alter table "tsukasa"."${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "tsukasa"."${table}" to tsukasa_app
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());`);
    }
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
