import { Migration } from '@mikro-orm/migrations';

// The registers of operations with their due dates (SPEC §6): monthly processing plans and their
// items' handover, return and output check (ARK-8); versions of system documents (MNT-13-9,
// MNT-21, ARK-5, ARK-11); the ARK-6-1 contract-clause checklist; inspections — audits and
// self-inspections (ARK-29) and quarterly check sheets (KWO-5-3); findings and improvement requests
// followed up to closure (KWW-10-2, KWO-3-3); the form ledger (KWO-5-2).

const tenantTables = [
  'processing_plan', 'processing_plan_item', 'system_document_version', 'contract_clause_check',
  'inspection', 'finding', 'finding_note', 'form_ledger_entry',
];

export class Migration20261121150500_registers extends Migration {
  override name = 'Migration20261121150500_registers';

  override up(): void {
    this.addSql(`create table "tsukasa"."processing_plan" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "system_id" uuid not null references "tsukasa"."system" ("id"),
      "org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"),
      "month" char(7) not null check ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      "submitted_at" timestamptz not null,
      "submitted_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "rule_ids" text[] not null,
      unique ("system_id", "org_unit_id", "month"));`);
    this.addSql(`create index processing_plan_month on "tsukasa"."processing_plan" ("month");`);

    this.addSql(`create table "tsukasa"."processing_plan_item" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "plan_id" uuid not null references "tsukasa"."processing_plan" ("id") on delete cascade,
      "seq" int not null,
      "job" varchar(200) not null,
      "scheduled_on" date not null,
      "scheduled_time" varchar(5) null,
      "input_data" varchar(500) not null default '',
      -- ARK-8-3: sent with a 送付書; ARK-8-4: returned; ARK-8-5: output checked and reported.
      "input_sent_at" timestamptz null,
      "input_sent_by_id" uuid null references "tsukasa"."staff" ("id"),
      "input_note" varchar(500) null,
      "input_returned_at" timestamptz null,
      "input_returned_by_id" uuid null references "tsukasa"."staff" ("id"),
      "output_checked_at" timestamptz null,
      "output_checked_by_id" uuid null references "tsukasa"."staff" ("id"),
      "output_result" varchar(10) null check ("output_result" in ('normal', 'abnormal')),
      "output_note" varchar(2000) null,
      unique ("plan_id", "seq"));`);

    this.addSql(`create table "tsukasa"."system_document_version" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "system_id" uuid not null references "tsukasa"."system" ("id"),
      "kind" varchar(20) not null check ("kind" in ('design', 'manual', 'operating_manual', 'other')),
      -- The using section keeping its own operating manual (ARK-11-1); null for the managing side's documents.
      "org_unit_id" uuid null references "tsukasa"."org_unit" ("id"),
      "title" varchar(200) not null,
      "version_label" varchar(50) not null,
      "note" varchar(2000) null,
      "registered_at" timestamptz not null,
      "registered_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "rule_ids" text[] not null,
      unique nulls not distinct ("system_id", "kind", "org_unit_id", "version_label"));`);
    this.addSql(`create index system_document_version_latest on "tsukasa"."system_document_version" ("system_id", "kind", "org_unit_id", "registered_at" desc);`);
    // Staleness compares each document with the modifications completed since (approved 改修 requests).
    this.addSql(`create index request_modification_done on "tsukasa"."request" ("system_id", "decided_at") where kind_key = 'system_modification' and status = 'approved';`);

    this.addSql(`create table "tsukasa"."contract_clause_check" (
      "system_id" uuid not null references "tsukasa"."system" ("id"),
      "clause_rule_id" varchar(20) not null check ("clause_rule_id" ~ '^ARK-6-1-([1-9]|10)$'),
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "checked" boolean not null,
      "note" varchar(1000) null,
      "recorded_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "recorded_at" timestamptz not null,
      primary key ("system_id", "clause_rule_id"));`);

    this.addSql(`create table "tsukasa"."inspection" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "kind" varchar(20) not null check ("kind" in ('audit', 'self_inspection', 'check_sheet')),
      "rulebook_id" varchar(8) not null,
      -- The section inspected (self-inspection) or the using place (check sheet); null for an audit of the whole.
      "org_unit_id" uuid null references "tsukasa"."org_unit" ("id"),
      "system_id" uuid null references "tsukasa"."system" ("id"),
      "scope" varchar(500) not null,
      "conducted_on" date not null,
      "fiscal_year" int not null,
      "quarter" smallint null check ("quarter" between 1 and 4),
      "result" varchar(20) not null check ("result" in ('satisfactory', 'needs_improvement')),
      "summary" varchar(4000) null,
      "recorded_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "recorded_at" timestamptz not null,
      "rule_ids" text[] not null,
      check (("kind" = 'check_sheet') = ("quarter" is not null)));`);
    // KWO-5-3: one check sheet per using place and quarter.
    this.addSql(`create unique index inspection_check_sheet_once on "tsukasa"."inspection" ("org_unit_id", "fiscal_year", "quarter") where kind = 'check_sheet';`);
    this.addSql(`create index inspection_kind_year on "tsukasa"."inspection" ("kind", "fiscal_year");`);

    this.addSql(`create table "tsukasa"."finding" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "rulebook_id" varchar(8) not null,
      "source" varchar(24) not null check ("source" in ('improvement_request', 'audit', 'self_inspection', 'check_sheet')),
      "inspection_id" uuid null references "tsukasa"."inspection" ("id"),
      "system_id" uuid null references "tsukasa"."system" ("id"),
      "addressee_position_id" uuid not null references "tsukasa"."position" ("id"),
      "title" varchar(200) not null,
      "detail" varchar(4000) not null,
      "due_on" date not null,
      "status" varchar(12) not null check ("status" in ('open', 'responded', 'closed')),
      "raised_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "raised_on_behalf_of_id" uuid null references "tsukasa"."staff" ("id"),
      "raised_at" timestamptz not null,
      "response" varchar(4000) null,
      "responded_at" timestamptz null,
      "responded_by_id" uuid null references "tsukasa"."staff" ("id"),
      "closed_at" timestamptz null,
      "closed_by_id" uuid null references "tsukasa"."staff" ("id"),
      "close_note" varchar(2000) null,
      "rule_ids" text[] not null,
      "version" int not null default 1,
      check (("source" = 'improvement_request') = ("inspection_id" is null)));`);
    this.addSql(`create index finding_open on "tsukasa"."finding" ("due_on") where status <> 'closed';`);

    this.addSql(`create table "tsukasa"."finding_note" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "finding_id" uuid not null references "tsukasa"."finding" ("id") on delete cascade,
      "author_id" uuid not null references "tsukasa"."staff" ("id"),
      "body" varchar(2000) not null,
      "created_at" timestamptz not null);`);
    this.addSql(`create index finding_note_finding on "tsukasa"."finding_note" ("finding_id", "created_at");`);

    this.addSql(`create table "tsukasa"."form_ledger_entry" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "org_unit_id" uuid not null references "tsukasa"."org_unit" ("id"),
      "form_name" varchar(200) not null,
      "information" varchar(500) not null,
      "storage_place" varchar(200) not null,
      "created_on" date not null,
      -- KWO-9-4: years by the city's classification table; null = 常用 (kept while in use).
      "retention_years" smallint null check ("retention_years" between 1 and 99),
      "disposal_method" varchar(16) null check ("disposal_method" in ('shredding', 'dissolving', 'incineration', 'other')),
      "disposal_note" varchar(500) null,
      "disposed_on" date null,
      "disposed_by_id" uuid null references "tsukasa"."staff" ("id"),
      "recorded_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "recorded_at" timestamptz not null,
      "rule_ids" text[] not null,
      "version" int not null default 1,
      check (("disposed_on" is null) = ("disposal_method" is null)));`);
    this.addSql(`create index form_ledger_entry_place on "tsukasa"."form_ledger_entry" ("org_unit_id", "created_on");`);

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
