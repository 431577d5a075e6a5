import { Migration } from '@mikro-orm/migrations';

// Committee meetings (SPEC §7): a meeting of a committee, its agenda items (proposed from pending
// business, reordered, added, removed with a reason), the attendance, each item's decision, and
// for a decision by circulation (持回り, KWW-12-2) each member's sign-off.

const tenantTables = ['meeting', 'meeting_item', 'meeting_attendee', 'meeting_signoff'];

export class Migration20261121140000_meetings extends Migration {
  override name = 'Migration20261121140000_meetings';

  override up(): void {
    this.addSql(`create table "tsukasa"."meeting" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "committee_id" uuid not null references "tsukasa"."committee" ("id"),
      "fiscal_year" int not null,
      "number" int not null,
      "mode" varchar(12) not null check ("mode" in ('meeting', 'circulation')),
      "held_on" date not null,
      "start_time" varchar(5) null,
      "end_time" varchar(5) null,
      "place" varchar(200) not null default '',
      -- draft: agenda editable; frozen: agenda fixed at the cut-off; held: minutes being recorded;
      -- closed: minutes sent. cancelled is first-class.
      "status" varchar(12) not null check ("status" in ('draft', 'frozen', 'held', 'closed', 'cancelled')),
      "cutoff_at" timestamptz null,
      "created_by_id" uuid not null references "tsukasa"."staff" ("id"),
      "created_at" timestamptz not null,
      "minutes_sent_at" timestamptz null,
      "version" int not null default 1,
      unique ("municipality_id", "committee_id", "fiscal_year", "number"));`);
    this.addSql(`create index meeting_committee_held_on on "tsukasa"."meeting" ("committee_id", "held_on");`);

    this.addSql(`create table "tsukasa"."meeting_item" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "meeting_id" uuid not null references "tsukasa"."meeting" ("id") on delete cascade,
      "seq" int not null,
      "group_key" varchar(16) not null check ("group_key" in ('deliberation', 'carried_over', 'report', 'other')),
      "source" varchar(16) not null check ("source" in ('request', 'standing', 'carried_over', 'free')),
      "source_ref" varchar(120) not null,
      "request_id" uuid null references "tsukasa"."request" ("id"),
      "request_step_id" uuid null references "tsukasa"."request_step" ("id"),
      "carried_from_item_id" uuid null references "tsukasa"."meeting_item" ("id"),
      "title" varchar(300) not null,
      "presenter" varchar(200) null,
      "documents" jsonb not null default '[]',
      "figures" jsonb null,
      "rule_ids" text[] not null default '{}',
      "removed_at" timestamptz null,
      "removed_reason" varchar(500) null,
      "outcome" varchar(30) null check ("outcome" in ('approved', 'approved_with_conditions', 'rejected', 'deferred')),
      "conditions" varchar(2000) null,
      "dissent" jsonb not null default '[]',
      "decision_note" varchar(2000) null,
      "decided_at" timestamptz null,
      "decided_by_id" uuid null references "tsukasa"."staff" ("id"));`);
    this.addSql(`create index meeting_item_meeting on "tsukasa"."meeting_item" ("meeting_id", "seq");`);
    // One live agenda entry per source in a meeting; a request step is on at most one undecided agenda.
    this.addSql(`create unique index meeting_item_source_once on "tsukasa"."meeting_item" ("meeting_id", "source_ref") where removed_at is null;`);
    this.addSql(`create index meeting_item_request_step on "tsukasa"."meeting_item" ("request_step_id") where request_step_id is not null;`);

    this.addSql(`create table "tsukasa"."meeting_attendee" (
      "id" uuid not null primary key,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "meeting_id" uuid not null references "tsukasa"."meeting" ("id") on delete cascade,
      "seq" int not null,
      "role" varchar(20) not null check ("role" in ('chair', 'member', 'temporary_member', 'substitute', 'invited', 'secretariat', 'contractor')),
      "position_id" uuid null references "tsukasa"."position" ("id"),
      "staff_id" uuid null references "tsukasa"."staff" ("id"),
      "title" varchar(200) not null,
      "name" varchar(200) null,
      "substitute_for_id" uuid null references "tsukasa"."meeting_attendee" ("id"),
      "approved_by_chair" boolean not null default false,
      "present" boolean null);`);
    this.addSql(`create index meeting_attendee_meeting on "tsukasa"."meeting_attendee" ("meeting_id", "seq");`);

    this.addSql(`create table "tsukasa"."meeting_signoff" (
      "item_id" uuid not null references "tsukasa"."meeting_item" ("id") on delete cascade,
      "position_id" uuid not null references "tsukasa"."position" ("id"),
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "staff_id" uuid not null references "tsukasa"."staff" ("id"),
      "vote" varchar(10) not null check ("vote" in ('agree', 'disagree')),
      "comment" varchar(2000) null,
      "signed_at" timestamptz not null,
      primary key ("item_id", "position_id"));`);

    for (const table of tenantTables) {
      this.addSql(`grant select, insert, update on "tsukasa"."${table}" to tsukasa_app;`);
      this.addSql(`alter table "tsukasa"."${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "tsukasa"."${table}" to tsukasa_app
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());`);
    }
    this.addSql(`grant delete on "tsukasa"."meeting_attendee" to tsukasa_app;`);
    // Agenda assembly finds a committee's pending business without scanning every open step.
    this.addSql(`create index request_step_open_committee on "tsukasa"."request_step" (actor_committee_id) where status = 'open' and actor_committee_id is not null;`);
    // Meetings are numbered per committee and fiscal year: 令和8年度第3回.
    this.addSql(`create table "tsukasa"."meeting_counter" ("municipality_id" uuid not null references "tsukasa"."municipality" ("id"), "committee_id" uuid not null, "fiscal_year" int not null, "last" int not null default 0, primary key ("committee_id", "fiscal_year"));`);
    this.addSql(`grant select, insert, update on "tsukasa"."meeting_counter" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."meeting_counter" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."meeting_counter" to tsukasa_app using (municipality_id = current_municipality_id()) with check (municipality_id = current_municipality_id());`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
