import { Migration } from '@mikro-orm/migrations';

// Requests (申請) and their routes, and the e-mail outbox. Tables as the schema diff wrote them for
// the entities in entities/request.entity.ts, then their security, written by hand.

const tenantTables = ['request', 'request_step', 'mail_outbox'];

export class Migration20261121121434_requests extends Migration {
  override name = 'Migration20261121121434_requests';

  override up(): void {
    this.addSql(`create table "tsukasa"."mail_outbox" ("id" uuid not null, "municipality_id" uuid not null, "recipient_id" uuid null, "to_address" varchar(200) not null, "subject" varchar(300) not null, "body" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "mail_outbox_sent_at_created_at_index" on "tsukasa"."mail_outbox" ("sent_at", "created_at");`);
    this.addSql(`create table "tsukasa"."request" ("id" uuid not null, "municipality_id" uuid not null, "number" varchar(30) not null, "kind_key" varchar(60) not null, "rulebook_id" varchar(8) not null, "system_id" uuid null, "requester_id" uuid not null, "on_behalf_of_id" uuid null, "status" varchar(20) not null, "content" jsonb not null, "route_notes" jsonb not null, "rule_ids" text[] not null, "due_on" date null, "round" int not null default 1, "idempotency_key" varchar(100) null, "filed_at" timestamptz not null, "decided_at" timestamptz null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "request_requester_id_filed_at_index" on "tsukasa"."request" ("requester_id", "filed_at");`);
    this.addSql(`create index "request_municipality_id_status_filed_at_index" on "tsukasa"."request" ("municipality_id", "status", "filed_at");`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_municipality_id_number_unique" unique ("municipality_id", "number");`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_municipality_id_requester_id_idempotency_key_unique" unique ("municipality_id", "requester_id", "idempotency_key");`);
    this.addSql(`create table "tsukasa"."request_step" ("id" uuid not null, "municipality_id" uuid not null, "request_id" uuid not null, "round" int not null, "seq" int not null, "stage" int not null, "key" varchar(60) not null, "kind" varchar(20) not null, "actor" jsonb not null, "subject_id" varchar(80) null, "label_ja" varchar(200) not null, "label_en" varchar(200) not null, "rule_ids" text[] not null, "status" varchar(12) not null, "actor_position_ids" text[] null, "actor_staff_ids" text[] null, "actor_contractor_id" uuid null, "actor_committee_id" uuid null, "decision" varchar(20) null, "decided_by_id" uuid null, "on_behalf_of_id" uuid null, "decided_at" timestamptz null, "comment" text null, "record" jsonb null, "idempotency_key" varchar(100) null, "opened_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "request_step_request_id_round_seq_index" on "tsukasa"."request_step" ("request_id", "round", "seq");`);
    this.addSql(`alter table "tsukasa"."mail_outbox" add constraint "mail_outbox_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."mail_outbox" add constraint "mail_outbox_recipient_id_foreign" foreign key ("recipient_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_system_id_foreign" foreign key ("system_id") references "tsukasa"."system" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_requester_id_foreign" foreign key ("requester_id") references "tsukasa"."staff" ("id");`);
    this.addSql(`alter table "tsukasa"."request" add constraint "request_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."request_step" add constraint "request_step_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id");`);
    this.addSql(`alter table "tsukasa"."request_step" add constraint "request_step_request_id_foreign" foreign key ("request_id") references "tsukasa"."request" ("id");`);
    this.addSql(`alter table "tsukasa"."request_step" add constraint "request_step_decided_by_id_foreign" foreign key ("decided_by_id") references "tsukasa"."staff" ("id") on delete set null;`);
    this.addSql(`alter table "tsukasa"."request_step" add constraint "request_step_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "tsukasa"."staff" ("id") on delete set null;`);

    for (const table of tenantTables) {
      this.addSql(`grant select, insert, update on "tsukasa"."${table}" to tsukasa_app;`);
      this.addSql(`alter table "tsukasa"."${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "tsukasa"."${table}" to tsukasa_app
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());`);
    }
    // The inbox: open steps whose actors include one of the viewer's positions or the viewer.
    this.addSql(`create index request_step_open_positions on "tsukasa"."request_step" using gin (actor_position_ids) where status = 'open';`);
    this.addSql(`create index request_step_open_staff on "tsukasa"."request_step" using gin (actor_staff_ids) where status = 'open';`);
    this.addSql(`create index mail_outbox_unsent on "tsukasa"."mail_outbox" (created_at) where sent_at is null;`);
    // Request numbers are per municipality and fiscal year: R8-000123.
    this.addSql(`create table "tsukasa"."request_counter" ("municipality_id" uuid not null, "fiscal_year" int not null, "last" int not null default 0, primary key ("municipality_id", "fiscal_year"));`);
    this.addSql(`grant select, insert, update on "tsukasa"."request_counter" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."request_counter" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."request_counter" to tsukasa_app using (municipality_id = current_municipality_id()) with check (municipality_id = current_municipality_id());`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
