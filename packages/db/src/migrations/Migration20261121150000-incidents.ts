import { Migration } from '@mikro-orm/migrations';

// Operations (SPEC §6): maintenance windows of a system — stops and temporary extensions of its
// operating hours, announced to the using sections (MNT-15-2, KTM-15-2) — and incidents: the record
// of the 障害等対応連絡票 (MNT-22 第8号様式), its time-stamped log, and the continuation notices
// (継送連絡) to every using section at occurrence and at resolution (MNT-22-4).

const tenantTables = ['maintenance_window', 'incident', 'incident_update', 'incident_notice', 'incident_counter'];

export class Migration20261121150000_incidents extends Migration {
  override name = 'Migration20261121150000_incidents';

  override up(): void {
    this.addSql(`create table "tsukasa"."maintenance_window" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "system_id" uuid not null references "tsukasa"."system" ("id"),
      -- closed: the system is stopped (保守点検作業等); open: the operating hours are extended.
      "kind" varchar(8) not null check ("kind" in ('closed', 'open')),
      "starts_at" timestamptz not null,
      "ends_at" timestamptz not null,
      "reason" varchar(200) not null,
      "reason_en" varchar(200) null,
      "planned_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "planned_on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "planned_at" timestamptz not null,
      "announced_at" timestamptz null,
      "announced_by_id" uuid null references "tsukasa"."staff" ("id"),
      "cancelled_at" timestamptz null,
      "cancelled_by_id" uuid null references "tsukasa"."staff" ("id"),
      "cancel_reason" varchar(500) null,
      "rule_ids" text[] not null default '{}',
      "version" int not null default 1,
      check ("ends_at" > "starts_at"));`);
    this.addSql(`create index maintenance_window_system on "tsukasa"."maintenance_window" ("system_id", "starts_at");`);
    // The access decision and systemsUnderMaintenance look only at windows in force.
    this.addSql(`create index maintenance_window_in_force on "tsukasa"."maintenance_window" ("ends_at") where announced_at is not null and cancelled_at is null;`);

    this.addSql(`create table "tsukasa"."incident" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "system_id" uuid not null references "tsukasa"."system" ("id"),
      "fiscal_year" int not null,
      "number" varchar(20) not null,
      "title" varchar(200) not null,
      "description" varchar(4000) not null,
      "occurred_at" timestamptz not null,
      "detected_at" timestamptz not null,
      "reported_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "reported_on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "reported_at" timestamptz not null,
      "severity" varchar(10) not null check ("severity" in ('minor', 'major', 'critical')),
      "residents_affected" boolean not null,
      -- 縮退運転の内容 (KWO-10-1-2 イ(ア)).
      "degraded_operation" varchar(2000) null,
      "status" varchar(12) not null check ("status" in ('reported', 'recovering', 'resolved', 'confirmed')),
      "cause" varchar(2000) null,
      "recovery_eta" timestamptz null,
      "resolved_at" timestamptz null,
      "resolved_by_id" uuid null references "tsukasa"."staff" ("id"),
      "resolution_recorded_at" timestamptz null,
      "analysis" varchar(8000) null,
      "preventive_measures" varchar(4000) null,
      "analysis_by_id" uuid null references "tsukasa"."staff" ("id"),
      "analysis_recorded_at" timestamptz null,
      "confirmed_by_id" uuid null references "tsukasa"."staff" ("id"),
      "confirmed_on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "confirmed_at" timestamptz null,
      "escalated_at" timestamptz null,
      "rule_ids" text[] not null default '{}',
      "version" int not null default 1,
      unique ("municipality_id", "number"),
      check ("detected_at" >= "occurred_at"),
      check ("status" not in ('resolved', 'confirmed') or "resolved_at" is not null),
      check ("status" <> 'confirmed' or ("confirmed_at" is not null and "analysis" is not null)));`);
    this.addSql(`create index incident_system on "tsukasa"."incident" ("system_id", "occurred_at" desc);`);
    this.addSql(`create index incident_occurred on "tsukasa"."incident" ("municipality_id", "occurred_at" desc);`);
    this.addSql(`create index incident_open on "tsukasa"."incident" ("municipality_id", "occurred_at" desc) where status in ('reported', 'recovering');`);

    this.addSql(`create table "tsukasa"."incident_update" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "incident_id" uuid not null references "tsukasa"."incident" ("id"),
      "seq" int not null,
      "at" timestamptz not null,
      "by_id" uuid not null references "tsukasa"."staff" ("id"),
      "on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "kind" varchar(16) not null check ("kind" in ('report', 'update', 'escalation', 'resolution', 'analysis', 'confirmation')),
      "status" varchar(12) null,
      "recovery_eta" timestamptz null,
      "cause" varchar(2000) null,
      "degraded_operation" varchar(2000) null,
      "note" varchar(2000) null,
      "rule_ids" text[] not null default '{}',
      unique ("incident_id", "seq"));`);

    this.addSql(`create table "tsukasa"."incident_notice" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "incident_id" uuid not null references "tsukasa"."incident" ("id"),
      "org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"),
      "kind" varchar(12) not null check ("kind" in ('occurrence', 'resolution')),
      -- The section head(s) told (課長 position holders); empty when the head position is vacant.
      "recipient_position_id" uuid null references "tsukasa"."position" ("id"),
      "recipient_staff_ids" uuid[] not null default '{}',
      "sent_at" timestamptz null,
      "rule_ids" text[] not null default '{}',
      unique ("incident_id", "org_unit_id", "kind"));`);

    // Incidents are numbered per municipality and fiscal year: INC-R8-0001.
    this.addSql(`create table "tsukasa"."incident_counter" (
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "fiscal_year" int not null,
      "last" int not null default 0,
      primary key ("municipality_id", "fiscal_year"));`);

    for (const table of tenantTables) {
      this.addSql(`grant select, insert, update on "tsukasa"."${table}" to tsukasa_app;`);
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
