import { Migration } from '@mikro-orm/migrations';

// The rate limit of the GraphQL endpoint, shared by every replica of the gateway
// (apps/gateway/src/http/rate-limit.ts; rate-limiter-flexible's PostgreSQL store): one row per
// caller — an API token, a session or a client address — with the requests counted in its current
// window and when the window ends (epoch milliseconds). The columns are the ones the library
// reads and writes; it would create the table itself, which the application role may not do.
//
// Not tenant data (an anonymous address has no municipality): no row-level security, and on Citus a
// local table of the coordinator, where the gateway connects (infra/citus/exceptions.json). Rows
// whose window ended an hour ago are deleted by the gateway as it runs.

export class Migration20261208120000_rate_limit extends Migration {
  override name = 'Migration20261208120000_rate_limit';

  override up(): void {
    this.addSql(`create table "tsukasa"."rate_limit" (
      "key" varchar(255) not null,
      "points" int not null default 0,
      "expire" bigint null,
      primary key ("key"));`);
    this.addSql(`grant select, insert, update, delete on "tsukasa"."rate_limit" to tsukasa_app;`);
  }

  override down(): void {
    this.addSql(`drop table "tsukasa"."rate_limit";`);
  }
}
