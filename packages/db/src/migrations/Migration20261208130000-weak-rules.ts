import { Migration } from '@mikro-orm/migrations';

// Three rules the product now acts on:
// - KTM-12-1: an account states what it is used for (account.purpose); Kitami accounts must.
// - ARK-10-1: an Arakawa system is operated only by someone the chief of a using section approved
//   (account.operator_approved_by_id / operator_approved_at); the access decision refuses without it.
// - KTM-8-3: each handling of a procedure at Kitami's counter (procedure_run) records who confirmed
//   the resident's identity, when and on which document, before any 届出書等 is printed.

export class Migration20261208130000_weak_rules extends Migration {
  override name = 'Migration20261208130000_weak_rules';

  override up(): void {
    this.addSql(`alter table "tsukasa"."account" add "purpose" varchar(500) null, add "operator_approved_by_id" uuid null, add "operator_approved_at" timestamptz null;`);
    this.addSql(`alter table "tsukasa"."account" add constraint "account_operator_approved_by_id_foreign" foreign key ("operator_approved_by_id", "municipality_id")
      references "tsukasa"."staff" ("id", "municipality_id") on update no action on delete set null (operator_approved_by_id);`);

    this.addSql(`create table "tsukasa"."procedure_run" (
      "id" uuid not null,
      "municipality_id" uuid not null,
      "definition_id" uuid not null,
      "definition_version" int not null,
      "started_by_id" uuid not null,
      "started_at" timestamptz not null,
      "identity_confirmed_by_id" uuid null,
      "identity_confirmed_at" timestamptz null,
      "identity_document_kind" varchar(32) null,
      "printed_forms" text[] not null default '{}',
      "printed_by_id" uuid null,
      "printed_at" timestamptz null,
      "version" int not null default 1,
      primary key ("id", "municipality_id"));`);
    this.addSql(`create index "procedure_run_definition_id_index" on "tsukasa"."procedure_run" ("definition_id", "started_at");`);
    this.addSql(`alter table "tsukasa"."procedure_run" add constraint "procedure_run_municipality_id_fkey" foreign key ("municipality_id")
      references "tsukasa"."municipality" ("id") on update no action on delete no action;`);
    this.addSql(`alter table "tsukasa"."procedure_run" add constraint "procedure_run_definition_id_fkey" foreign key ("definition_id", "municipality_id")
      references "tsukasa"."procedure_definition" ("id", "municipality_id") on update no action on delete no action;`);
    for (const column of ['started_by_id', 'identity_confirmed_by_id', 'printed_by_id']) {
      this.addSql(`alter table "tsukasa"."procedure_run" add constraint "procedure_run_${column}_fkey" foreign key ("${column}", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on update no action on delete no action;`);
    }
    // A handling is started, its identity confirmed and its forms printed; never deleted.
    this.addSql(`grant select, insert, update on "tsukasa"."procedure_run" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."procedure_run" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."procedure_run" to tsukasa_app
      using (municipality_id = current_municipality_id())
      with check (municipality_id = current_municipality_id());`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
