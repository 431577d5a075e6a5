import { Migration } from '@mikro-orm/migrations';

// Whether a session is still valid is decided at the product's clock (the instant the gateway
// passes), not the database server's: the product reads the time from one place, which tests move.

export class Migration20261207110000_session_clock extends Migration {
  override name = 'Migration20261207110000_session_clock';

  override up(): void {
    this.addSql(`drop function "tsukasa".resolve_session(text);`);
    this.addSql(`create function "tsukasa".resolve_session(p_token_hash text, p_at timestamptz)
      returns table (session_id uuid, municipality_id uuid, staff_id uuid, expires_at timestamptz, registry_admin boolean, authz_epoch bigint)
      language sql stable security definer set search_path = tsukasa as $$
        select s.id, s.municipality_id, s.staff_id, s.expires_at, st.registry_admin, coalesce(e.epoch, 0)
          from session s join staff st on st.id = s.staff_id left join authz_epoch e on e.municipality_id = s.municipality_id
         where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > p_at
      $$;`);
    this.addSql(`revoke all on function "tsukasa".resolve_session(text, timestamptz) from public;`);
    this.addSql(`grant execute on function "tsukasa".resolve_session(text, timestamptz) to tsukasa_app;`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
