import { Migration } from '@mikro-orm/migrations';

// 実施記録: duties a rulebook gives a person to perform outside the software (KTM-14-3, ARK-28-2,
// ARK-30-1, ARK-26-2-3, MNT-19-2, MNT-4-1-11, KWO-9-1). duty_setting holds the municipality's setting of
// how often each comes round (the articles set no time); duty_record each time one was done, by whom,
// with a note and the evidence, and when it is due again. Records are appended, never rewritten.

const KEYS = `('ktm_maintenance_contact_network', 'ark_emergency_manual_review', 'ark_policy_review', 'ark_security_training', 'mnt_media_locked_storage', 'mnt_user_training', 'kwo_form_output_check')`;

export class Migration20261208130000_duty_records extends Migration {
  override name = 'Migration20261208130000_duty_records';

  override up(): void {
    this.addSql(`create table "tsukasa"."duty_setting" (
      "duty_key" varchar(40) not null,
      "municipality_id" uuid not null,
      "months" smallint not null,
      "since" date not null,
      primary key ("duty_key", "municipality_id"),
      constraint "duty_setting_municipality_id_fkey" foreign key ("municipality_id")
        references "tsukasa"."municipality" ("id") on update no action on delete no action,
      constraint "duty_setting_months_check" check (months >= 1 and months <= 120),
      constraint "duty_setting_duty_key_check" check ("duty_key" in ${KEYS}));`);

    this.addSql(`create table "tsukasa"."duty_record" (
      "id" uuid not null,
      "municipality_id" uuid not null,
      "duty_key" varchar(40) not null,
      "org_unit_id" uuid null,
      "done_on" date not null,
      "note" varchar(2000) not null,
      "evidence" varchar(500) null,
      "next_due_on" date null,
      "recorded_by_id" uuid not null,
      "on_behalf_of_id" uuid null,
      "recorded_at" timestamptz not null,
      "rule_ids" text[] not null,
      primary key ("id", "municipality_id"),
      constraint "duty_record_municipality_id_fkey" foreign key ("municipality_id")
        references "tsukasa"."municipality" ("id") on update no action on delete no action,
      constraint "duty_record_org_unit_id_fkey" foreign key ("org_unit_id", "municipality_id")
        references "tsukasa"."org_unit" ("id", "municipality_id") on update no action on delete no action,
      constraint "duty_record_recorded_by_id_fkey" foreign key ("recorded_by_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on update no action on delete no action,
      constraint "duty_record_on_behalf_of_id_fkey" foreign key ("on_behalf_of_id", "municipality_id")
        references "tsukasa"."staff" ("id", "municipality_id") on update no action on delete no action,
      constraint "duty_record_duty_key_check" check ("duty_key" in ${KEYS}));`);
    this.addSql(`create index "duty_record_duty" on "tsukasa"."duty_record" ("duty_key", "org_unit_id", "done_on");`);

    // The application reads the settings (the owner's tools and the seed set them) and appends records.
    this.addSql(`grant select on "tsukasa"."duty_setting" to tsukasa_app;`);
    this.addSql(`grant select, insert on "tsukasa"."duty_record" to tsukasa_app;`);
    for (const table of ['duty_setting', 'duty_record']) {
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
