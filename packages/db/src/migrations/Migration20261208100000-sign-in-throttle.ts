import { Migration } from '@mikro-orm/migrations';

// Sign-in throttling per typed username AND client address (apps/gateway/src/modules/auth): wrong
// passwords from one address slow down that address's attempts on that name only, so nobody can
// lock a colleague out from elsewhere, and an unknown username is throttled exactly like a known one
// (the row is keyed by what was typed, never by whether the account exists).
//
// A tenant table like the others (row-level security, distributed by municipality_id on Citus): the
// municipality is resolved from its public code before the row is read. It replaces
// `sign_in_attempt`, keyed by the municipality code and never written by the product.

export class Migration20261208100000_sign_in_throttle extends Migration {
  override name = 'Migration20261208100000_sign_in_throttle';

  override up(): void {
    this.addSql(`create table "tsukasa"."sign_in_throttle" (
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "username" varchar(60) not null,
      "client_address" varchar(64) not null,
      -- Wrong passwords since the last sign-in from this address under this name (reset after a quiet day).
      "failures" int not null,
      "last_failure_at" timestamptz not null,
      -- No attempt from this address under this name is checked before then.
      "blocked_until" timestamptz null,
      primary key ("username", "client_address", "municipality_id"));`);
    this.addSql(`create index "sign_in_throttle_last_failure_at_index" on "tsukasa"."sign_in_throttle" ("municipality_id", "last_failure_at");`);
    this.addSql(`grant select, insert, update, delete on "tsukasa"."sign_in_throttle" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."sign_in_throttle" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."sign_in_throttle" to tsukasa_app
      using (municipality_id = current_municipality_id())
      with check (municipality_id = current_municipality_id());`);
    this.addSql(`drop table "tsukasa"."sign_in_attempt";`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
