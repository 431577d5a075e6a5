import { Migration } from '@mikro-orm/migrations';

// Issue "who may use what": accounts, grants approved by owners, designations (KWO-6), deputations
// (MNT-6-4, MNT-7-3, KTM-3-6, KWW-4-1), contact networks (KWW-9, KTM-14, KWO-10), notifications,
// protected system fields. Tables first (as the schema diff wrote them), then their security.

const tenantTables = [
  'deputation',
  'account',
  'password_reset_request',
  'access_grant',
  'access_grant_approval',
  'designation',
  'contact_network',
  'contact_network_member',
  'notification',
];

export class Migration20261121114656_access extends Migration {
  override name = 'Migration20261121114656_access';

  override up(): void {
    this.addSql(`create table "tsukasa"."notification" ("id" uuid not null, "municipality_id" uuid not null, "recipient_id" uuid not null, "kind" varchar(60) not null, "subject" varchar(300) not null, "body" text not null, "target_type" varchar(60) null, "target_id" varchar(80) null, "rule_ids" text[] not null, "created_at" timestamptz not null, "read_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "notification_recipient_id_created_at_index" on "tsukasa"."notification" ("recipient_id", "created_at");`);
    this.addSql(`create table "tsukasa"."access_grant" ("id" uuid not null, "municipality_id" uuid not null, "asset_id" uuid not null, "grantee_id" uuid not null, "position_id" uuid null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "suspended_at" timestamptz null, "revoked_at" timestamptz null, "fields" text[] null, "purpose" varchar(500) not null, "requested_by_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "access_grant_grantee_id_index" on "tsukasa"."access_grant" ("grantee_id");`);
    this.addSql(`create index "access_grant_asset_id_index" on "tsukasa"."access_grant" ("asset_id");`);
    this.addSql(`create table "tsukasa"."access_grant_approval" ("grant_id" uuid not null, "owner_position_id" uuid not null, "municipality_id" uuid not null, "approved_by_id" uuid not null, "on_behalf_of_id" uuid null, "approved_at" timestamptz not null, primary key ("grant_id", "owner_position_id"));`);
    this.addSql(`create table "tsukasa"."designation" ("id" uuid not null, "municipality_id" uuid not null, "asset_id" uuid not null, "staff_id" uuid not null, "designated_by_id" uuid not null, "org_unit_id" uuid not null, "outside_supervision" boolean not null, "permitted_by_id" uuid null, "permitted_at" timestamptz null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "revoked_at" timestamptz null, "rule_ids" text[] not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create table "tsukasa"."deputation" ("id" uuid not null, "municipality_id" uuid not null, "deputy_staff_id" uuid not null, "principal_position_id" uuid not null, "rulebook_id" varchar(8) not null, "role_keys" text[] not null, "valid_from" date not null, "valid_to" date null, "rule_ids" text[] not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "deputation_deputy_staff_id_index" on "tsukasa"."deputation" ("deputy_staff_id");`);
    this.addSql(`create table "tsukasa"."contact_network" ("id" uuid not null, "municipality_id" uuid not null, "system_id" uuid not null, "name" varchar(200) not null, "rule_ids" text[] not null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create table "tsukasa"."contact_network_member" ("id" uuid not null, "municipality_id" uuid not null, "network_id" uuid not null, "duty" varchar(100) not null, "staff_id" uuid null, "contractor_person_id" uuid null, "can_inform" boolean not null, "can_decide" boolean not null, "phone" varchar(30) not null, "sort_order" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "contact_network_member_network_id_index" on "tsukasa"."contact_network_member" ("network_id");`);
    this.addSql(`create table "tsukasa"."account" ("id" uuid not null, "municipality_id" uuid not null, "staff_id" uuid not null, "system_id" uuid not null, "authority_profile" varchar(100) not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "duty_position_id" uuid null, "suspended_at" timestamptz null, "suspension_reason" varchar(500) null, "ended_at" timestamptz null, "end_reason" varchar(500) null, "rule_ids" text[] not null, "change_seq" bigint not null default '0', "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "account_system_id_change_seq_index" on "tsukasa"."account" ("system_id", "change_seq");`);
    this.addSql(`create index "account_staff_id_index" on "tsukasa"."account" ("staff_id");`);
    this.addSql(`create table "tsukasa"."password_reset_request" ("id" uuid not null, "municipality_id" uuid not null, "account_id" uuid not null, "requested_at" timestamptz not null, "completed_at" timestamptz null, "completed_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "tsukasa"."information_asset" add "kind" varchar(30) not null default 'business';`);
    this.addSql(`alter table "tsukasa"."system" add "network_description" text null, add "vulnerability_notes" text null;`);
    this.addSql(`alter table "tsukasa"."notification" add constraint "notification_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant" add constraint "access_grant_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant" add constraint "access_grant_asset_id_foreign" foreign key ("asset_id") references "tsukasa"."information_asset" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant" add constraint "access_grant_grantee_id_foreign" foreign key ("grantee_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant" add constraint "access_grant_position_id_foreign" foreign key ("position_id") references "tsukasa"."position" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."access_grant" add constraint "access_grant_requested_by_id_foreign" foreign key ("requested_by_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant_approval" add constraint "access_grant_approval_grant_id_foreign" foreign key ("grant_id") references "tsukasa"."access_grant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tsukasa"."access_grant_approval" add constraint "access_grant_approval_owner_position_id_foreign" foreign key ("owner_position_id") references "tsukasa"."position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tsukasa"."access_grant_approval" add constraint "access_grant_approval_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant_approval" add constraint "access_grant_approval_approved_by_id_foreign" foreign key ("approved_by_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."access_grant_approval" add constraint "access_grant_approval_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_asset_id_foreign" foreign key ("asset_id") references "tsukasa"."information_asset" ("id");`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_staff_id_foreign" foreign key ("staff_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_designated_by_id_foreign" foreign key ("designated_by_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_org_unit_id_foreign" foreign key ("org_unit_id") references "tsukasa"."org_unit" ("id");`);
    this.addSql(`alter table "tsukasa"."designation" add constraint "designation_permitted_by_id_foreign" foreign key ("permitted_by_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."deputation" add constraint "deputation_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."deputation" add constraint "deputation_deputy_staff_id_foreign" foreign key ("deputy_staff_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."deputation" add constraint "deputation_principal_position_id_foreign" foreign key ("principal_position_id") references "tsukasa"."position" ("id");`);
    this.addSql(`alter table "tsukasa"."contact_network" add constraint "contact_network_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."contact_network" add constraint "contact_network_system_id_foreign" foreign key ("system_id") references "tsukasa"."system" ("id");`);
    this.addSql(`alter table "tsukasa"."contact_network_member" add constraint "contact_network_member_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."contact_network_member" add constraint "contact_network_member_network_id_foreign" foreign key ("network_id") references "tsukasa"."contact_network" ("id");`);
    this.addSql(`alter table "tsukasa"."contact_network_member" add constraint "contact_network_member_staff_id_foreign" foreign key ("staff_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."contact_network_member" add constraint "contact_network_member_contractor_person_id_foreign" foreign key ("contractor_person_id") references "tsukasa"."contractor_person" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."account" add constraint "account_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."account" add constraint "account_staff_id_foreign" foreign key ("staff_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."account" add constraint "account_system_id_foreign" foreign key ("system_id") references "tsukasa"."system" ("id");`);
    this.addSql(`alter table "tsukasa"."account" add constraint "account_duty_position_id_foreign" foreign key ("duty_position_id") references "tsukasa"."position" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."password_reset_request" add constraint "password_reset_request_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."password_reset_request" add constraint "password_reset_request_account_id_foreign" foreign key ("account_id") references "tsukasa"."account" ("id");`);
    this.addSql(`alter table "tsukasa"."password_reset_request" add constraint "password_reset_request_completed_by_id_foreign" foreign key ("completed_by_id") references "tsukasa"."staff" ("id") on delete set null;`);

    for (const table of tenantTables) {
      this.addSql(`grant select, insert, update, delete on "tsukasa"."${table}" to tsukasa_app;`);
      this.addSql(`alter table "tsukasa"."${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "tsukasa"."${table}" to tsukasa_app
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());`);
    }

    // One open account per person and system.
    this.addSql(`create unique index account_open_unique on "tsukasa"."account" (staff_id, system_id) where ended_at is null;`);

    // The accounts feed (login systems sync from it): every change takes the next sequence value and
    // records its transaction id, so a reader can hold back rows whose transaction may still be
    // followed by an earlier-numbered commit (pg_snapshot_xmin fence) — no change is ever skipped.
    this.addSql(`create sequence "tsukasa"."account_change_seq";`);
    this.addSql(`grant usage on sequence "tsukasa"."account_change_seq" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."account" add column change_xid xid8 not null default pg_current_xact_id();`);
    this.addSql(`create or replace function "tsukasa".account_touch() returns trigger language plpgsql as $$
      begin
        new.change_seq := nextval('tsukasa.account_change_seq');
        new.change_xid := pg_current_xact_id();
        return new;
      end $$;`);
    this.addSql(`create trigger account_touch before insert or update on "tsukasa"."account" for each row execute function "tsukasa".account_touch();`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
