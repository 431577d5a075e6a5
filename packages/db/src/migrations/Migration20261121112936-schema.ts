import { Migration } from '@mikro-orm/migrations';

export class Migration20261121112936_schema extends Migration {

  override name = 'Migration20261121112936_schema';

  override up(): void | Promise<void> {
    this.addSql(`create table "deployment_setting" ("key" varchar(64) not null, "value" varchar(200) not null, primary key ("key"));`);

    this.addSql(`create table "municipality" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "name_en" varchar(100) not null, "prefecture" varchar(20) not null, "time_zone" varchar(40) not null default 'Asia/Tokyo', "classification_scale" varchar(20) not null, "rulebook_ids" text[] not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);

    this.addSql(`create table "information_asset" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) null, "name" varchar(300) not null, "business" text not null, "confidentiality" varchar(4) not null, "integrity" varchar(4) not null, "availability" varchar(4) not null, "rule_ids" text[] not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "information_asset" add constraint "information_asset_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "data_item" ("id" uuid not null, "municipality_id" uuid not null, "asset_id" uuid not null, "name" varchar(300) not null, "basic_resident_item" smallint null, "personal" boolean not null default false, "sort_order" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "data_item_asset_id_index" on "data_item" ("asset_id");`);

    this.addSql(`create table "contractor" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) not null, "name" varchar(200) not null, primary key ("id"));`);
    this.addSql(`alter table "contractor" add constraint "contractor_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "contractor_person" ("id" uuid not null, "municipality_id" uuid not null, "contractor_id" uuid not null, "key" varchar(120) not null, "name" varchar(100) not null, "email" varchar(200) not null, "phone" varchar(30) not null, primary key ("id"));`);

    this.addSql(`create table "audit_event" ("id" bigserial primary key, "municipality_id" uuid not null, "seq" bigint not null, "occurred_at" timestamptz not null, "actor_staff_id" uuid null, "actor_token_id" uuid null, "on_behalf_of_staff_id" uuid null, "action" varchar(80) not null, "target_type" varchar(60) not null, "target_id" varchar(80) null, "fields" text[] null, "before" jsonb null, "after" jsonb null, "rule_ids" text[] not null, "request_id" varchar(64) null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_event_municipality_id_occurred_at_index" on "audit_event" ("municipality_id", "occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_target_type_target_id_index" on "audit_event" ("municipality_id", "target_type", "target_id");`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_municipality_id_seq_unique" unique ("municipality_id", "seq");`);

    this.addSql(`create table "audit_chain_head" ("municipality_id" uuid not null, "last_seq" bigint not null, "last_hash" varchar(64) not null, primary key ("municipality_id"));`);

    this.addSql(`create table "org_unit" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) not null, "parent_id" uuid null, "name" varchar(100) not null, "name_en" varchar(200) not null, "level" varchar(16) not null, "sort_order" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "org_unit_municipality_id_parent_id_index" on "org_unit" ("municipality_id", "parent_id");`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "position" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(160) not null, "org_unit_id" uuid not null, "title" varchar(60) not null, "name" varchar(120) not null, "kind" varchar(16) not null, "sort_order" int not null default 0, primary key ("id"));`);
    this.addSql(`alter table "position" add constraint "position_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "information_asset_owner" ("asset_id" uuid not null, "position_id" uuid not null, "municipality_id" uuid not null, "sort_order" int not null default 0, primary key ("asset_id", "position_id"));`);
    this.addSql(`create index "information_asset_owner_position_id_index" on "information_asset_owner" ("position_id");`);

    this.addSql(`create table "committee" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) not null, "rulebook_id" varchar(8) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "chair_position_id" uuid not null, "secretariat_org_unit_id" uuid not null, "rule_ids" text[] not null, primary key ("id"));`);
    this.addSql(`alter table "committee" add constraint "committee_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "committee_member" ("committee_id" uuid not null, "position_id" uuid not null, "municipality_id" uuid not null, "sort_order" int not null default 0, primary key ("committee_id", "position_id"));`);

    this.addSql(`create table "role_binding" ("id" uuid not null, "municipality_id" uuid not null, "rulebook_id" varchar(8) not null, "role_key" varchar(60) not null, "position_id" uuid not null, "scope_key" varchar(60) null, "scope_label" varchar(200) null, "rule_ids" text[] not null, primary key ("id"));`);
    this.addSql(`create index "role_binding_position_id_index" on "role_binding" ("position_id");`);

    this.addSql(`create table "sign_in_attempt" ("id" bigserial primary key, "municipality_code" varchar(32) not null, "username" varchar(60) not null, "succeeded" boolean not null, "attempted_at" timestamptz not null);`);
    this.addSql(`create index "sign_in_attempt_municipality_code_username_attempted_at_index" on "sign_in_attempt" ("municipality_code", "username", "attempted_at");`);

    this.addSql(`create table "staff" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) null, "family_name" varchar(60) not null, "given_name" varchar(60) not null, "family_name_kana" varchar(60) not null, "given_name_kana" varchar(60) not null, "employee_number" varchar(20) not null, "email" varchar(200) not null, "extension" varchar(20) not null, "personal_phone" varchar(30) null, "username" varchar(60) null, "password_hash" varchar(200) null, "registry_admin" boolean not null default false, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "staff" add constraint "staff_municipality_id_key_unique" unique ("municipality_id", "key");`);
    this.addSql(`alter table "staff" add constraint "staff_municipality_id_username_unique" unique ("municipality_id", "username");`);

    this.addSql(`create table "session" ("id" uuid not null, "municipality_id" uuid not null, "staff_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "position_tenure" ("id" uuid not null, "municipality_id" uuid not null, "staff_id" uuid not null, "position_id" uuid not null, "valid_from" date not null, "valid_to" date null, primary key ("id"));`);
    this.addSql(`create index "position_tenure_staff_id_index" on "position_tenure" ("staff_id");`);
    this.addSql(`create index "position_tenure_position_id_index" on "position_tenure" ("position_id");`);

    this.addSql(`create table "api_token" ("id" uuid not null, "municipality_id" uuid not null, "created_by_id" uuid not null, "name" varchar(100) not null, "scopes" text[] not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "system" ("id" uuid not null, "municipality_id" uuid not null, "key" varchar(120) null, "name" varchar(200) not null, "business_content" text not null, "managing_org_unit_id" uuid not null, "management_type" varchar(20) not null, "lifecycle_status" varchar(20) not null, "rulebook_id" varchar(8) null, "contractor_id" uuid null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "system_municipality_id_name_index" on "system" ("municipality_id", "name");`);
    this.addSql(`create index "system_managing_org_unit_id_index" on "system" ("managing_org_unit_id");`);
    this.addSql(`alter table "system" add constraint "system_municipality_id_key_unique" unique ("municipality_id", "key");`);

    this.addSql(`create table "information_asset_system" ("asset_id" uuid not null, "system_id" uuid not null, "municipality_id" uuid not null, primary key ("asset_id", "system_id"));`);
    this.addSql(`create index "information_asset_system_system_id_index" on "information_asset_system" ("system_id");`);

    this.addSql(`create table "system_using_org_unit" ("system_id" uuid not null, "org_unit_id" uuid not null, "municipality_id" uuid not null, "sort_order" int not null default 0, primary key ("system_id", "org_unit_id"));`);

    this.addSql(`alter table "information_asset" add constraint "information_asset_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "data_item" add constraint "data_item_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "data_item" add constraint "data_item_asset_id_foreign" foreign key ("asset_id") references "information_asset" ("id");`);

    this.addSql(`alter table "contractor" add constraint "contractor_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "contractor_person" add constraint "contractor_person_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "contractor_person" add constraint "contractor_person_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id");`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "audit_chain_head" add constraint "audit_chain_head_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "org_unit" add constraint "org_unit_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "org_unit" add constraint "org_unit_parent_id_foreign" foreign key ("parent_id") references "org_unit" ("id") on delete set null;`);

    this.addSql(`alter table "position" add constraint "position_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "position" add constraint "position_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id");`);

    this.addSql(`alter table "information_asset_owner" add constraint "information_asset_owner_asset_id_foreign" foreign key ("asset_id") references "information_asset" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "information_asset_owner" add constraint "information_asset_owner_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "information_asset_owner" add constraint "information_asset_owner_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "committee" add constraint "committee_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "committee" add constraint "committee_chair_position_id_foreign" foreign key ("chair_position_id") references "position" ("id");`);
    this.addSql(`alter table "committee" add constraint "committee_secretariat_org_unit_id_foreign" foreign key ("secretariat_org_unit_id") references "org_unit" ("id");`);

    this.addSql(`alter table "committee_member" add constraint "committee_member_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_member" add constraint "committee_member_position_id_foreign" foreign key ("position_id") references "position" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_member" add constraint "committee_member_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "role_binding" add constraint "role_binding_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "role_binding" add constraint "role_binding_position_id_foreign" foreign key ("position_id") references "position" ("id");`);

    this.addSql(`alter table "staff" add constraint "staff_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "session" add constraint "session_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "session" add constraint "session_staff_id_foreign" foreign key ("staff_id") references "staff" ("id");`);

    this.addSql(`alter table "position_tenure" add constraint "position_tenure_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "position_tenure" add constraint "position_tenure_staff_id_foreign" foreign key ("staff_id") references "staff" ("id");`);
    this.addSql(`alter table "position_tenure" add constraint "position_tenure_position_id_foreign" foreign key ("position_id") references "position" ("id");`);

    this.addSql(`alter table "api_token" add constraint "api_token_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id");`);

    this.addSql(`alter table "system" add constraint "system_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "system" add constraint "system_managing_org_unit_id_foreign" foreign key ("managing_org_unit_id") references "org_unit" ("id");`);
    this.addSql(`alter table "system" add constraint "system_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on delete set null;`);

    this.addSql(`alter table "information_asset_system" add constraint "information_asset_system_asset_id_foreign" foreign key ("asset_id") references "information_asset" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "information_asset_system" add constraint "information_asset_system_system_id_foreign" foreign key ("system_id") references "system" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "information_asset_system" add constraint "information_asset_system_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);

    this.addSql(`alter table "system_using_org_unit" add constraint "system_using_org_unit_system_id_foreign" foreign key ("system_id") references "system" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "system_using_org_unit" add constraint "system_using_org_unit_org_unit_id_foreign" foreign key ("org_unit_id") references "org_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "system_using_org_unit" add constraint "system_using_org_unit_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
  }

}
