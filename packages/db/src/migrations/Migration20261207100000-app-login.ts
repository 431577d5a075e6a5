import { Migration } from '@mikro-orm/migrations';

// The running product logs in as the application role only (runtime/provision.ts): row-level
// security applies to every connection it holds, the e-mail worker's included. The outbox spans
// every municipality, so the worker asks which municipalities have mail to send — their ids and
// nothing else — and then claims and marks each one's messages inside that municipality's tenant.

export class Migration20261207100000_app_login extends Migration {
  override name = 'Migration20261207100000_app_login';

  override up(): void {
    this.addSql(`create or replace function "tsukasa".municipalities_with_mail_due(p_max_attempts int) returns setof uuid
      language sql stable security definer set search_path = tsukasa as $$
        select distinct municipality_id from mail_outbox where sent_at is null and attempts < p_max_attempts $$;`);
    this.addSql(`revoke all on function "tsukasa".municipalities_with_mail_due(int) from public;`);
    this.addSql(`grant execute on function "tsukasa".municipalities_with_mail_due(int) to tsukasa_app;`);
  }

  override down(): void {
    this.addSql(`drop function if exists "tsukasa".municipalities_with_mail_due(int);`);
  }
}
