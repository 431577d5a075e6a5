import { Migration } from '@mikro-orm/migrations';

// 1. Declared absences of a position's holder (KTM-3-6: 統括管理者に事故があるとき): from which day to
//    which day, why, who declared it and when (on behalf of whom, for a deputy). A deputation under a
//    rule that lets the deputy act only while the principal is absent is in force on those days only.
//    Authorization reads them, so they move the municipality's authz epoch like deputations do.
// 2. The rules a suspension of an account was made under, chosen by its ground (KTM-10-4 for a
//    breach of the privacy law, KTM-10-1 and KTM-10-3 for an ordinary revocation, MNT-16 in Minato).
//    Suspensions recorded before keep null and are cited by their rulebook's default.

export class Migration20261208130000_absences extends Migration {
  override name = 'Migration20261208130000_absences';

  override up(): void {
    this.addSql(`create table "tsukasa"."absence" (
      "id" uuid not null,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "position_id" uuid not null,
      "absent_staff_id" uuid null,
      "valid_from" date not null,
      "valid_to" date not null,
      "reason" varchar(500) not null,
      "declared_by_id" uuid not null,
      "on_behalf_of_id" uuid null,
      "declared_at" timestamptz not null,
      primary key ("id", "municipality_id"),
      constraint "absence_period_check" check (valid_to >= valid_from),
      constraint "absence_position_id_foreign" foreign key ("position_id", "municipality_id")
        references "tsukasa"."position" ("id", "municipality_id"),
      constraint "absence_absent_staff_id_foreign" foreign key ("absent_staff_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on delete set null ("absent_staff_id"),
      constraint "absence_declared_by_id_foreign" foreign key ("declared_by_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id"),
      constraint "absence_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on delete set null ("on_behalf_of_id"));`);
    this.addSql(`create index "absence_position_id_index" on "tsukasa"."absence" ("position_id", "valid_from");`);
    this.addSql(`grant select, insert on "tsukasa"."absence" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."absence" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."absence" to tsukasa_app
      using (municipality_id = current_municipality_id())
      with check (municipality_id = current_municipality_id());`);
    for (const op of ['insert', 'update', 'delete']) {
      const ref = op === 'delete' ? 'old table as changed' : 'new table as changed';
      this.addSql(
        `create trigger absence_authz_epoch_${op} after ${op} on "tsukasa"."absence" referencing ${ref} for each statement execute function "tsukasa".bump_authz_epoch();`,
      );
    }

    this.addSql(`alter table "tsukasa"."account" add column "suspension_rule_ids" text[] null;`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
