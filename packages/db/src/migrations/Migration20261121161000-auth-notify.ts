import { Migration } from '@mikro-orm/migrations';

// Gateways remember who a token is between requests (apps/gateway/src/modules/auth/viewer-cache.ts).
// They must forget as soon as that changes: a session revoked, expired early or deleted, an API
// token revoked or deleted, a staff member's row changed (the administrator flag among others; a
// sign-in's bookkeeping too, which costs the replicas one look-up per token). Each change notifies
// the channel `tsukasa_auth` with the municipality's id; PostgreSQL delivers it at commit, to every
// gateway replica listening.

export class Migration20261121161000_auth_notify extends Migration {
  override name = 'Migration20261121161000_auth_notify';

  override up(): void {
    this.addSql(`create or replace function "tsukasa".notify_auth_changed() returns trigger language plpgsql security definer set search_path = tsukasa as $$
      declare m uuid;
      begin
        for m in select distinct municipality_id from changed loop
          perform pg_notify('tsukasa_auth', m::text);
        end loop;
        return null;
      end $$;`);
    for (const table of ['session', 'api_token', 'staff']) {
      for (const op of ['update', 'delete']) {
        const ref = op === 'delete' ? 'old table as changed' : 'new table as changed';
        this.addSql(`create trigger ${table}_auth_changed_${op} after ${op} on "tsukasa"."${table}" referencing ${ref} for each statement execute function "tsukasa".notify_auth_changed();`);
      }
    }
  }

  override down(): void {
    for (const table of ['session', 'api_token', 'staff']) {
      for (const op of ['update', 'delete']) this.addSql(`drop trigger if exists ${table}_auth_changed_${op} on "tsukasa"."${table}";`);
    }
    this.addSql(`drop function if exists "tsukasa".notify_auth_changed();`);
  }
}
