import { Migration } from '@mikro-orm/migrations';

// Security in the database itself (SPEC §3, §5; issue 2 item 5):
// - the application role `tsukasa_app` is not the owner of any table, so row-level security applies
//   to it; every tenant table admits only rows of the municipality set for the transaction
//   (`app.municipality_id`, set from the session, never from arguments);
// - the audit log is append-only for the application role (no UPDATE/DELETE/TRUNCATE);
// - sessions and API tokens are resolved before the tenant is known through two SECURITY DEFINER
//   functions that return only the row matching a token hash.

const tenantTables = [
  'org_unit',
  'position',
  'staff',
  'position_tenure',
  'role_binding',
  'contractor',
  'contractor_person',
  'system',
  'system_using_org_unit',
  'information_asset',
  'information_asset_owner',
  'information_asset_system',
  'data_item',
  'committee',
  'committee_member',
  'session',
  'api_token',
];

export class Migration20261121112941_security extends Migration {
  override name = 'Migration20261121112941_security';

  override up(): void {
    this.addSql(`create or replace function current_municipality_id() returns uuid language sql stable as
      $$ select nullif(current_setting('app.municipality_id', true), '')::uuid $$;`);

    for (const table of tenantTables) {
      this.addSql(`grant select, insert, update, delete on "${table}" to tsukasa_app;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy tenant_isolation on "${table}" to tsukasa_app
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());`);
    }

    // Tenants are listed by code for sign-in; nothing else about them is secret.
    this.addSql(`grant select on "municipality" to tsukasa_app;`);
    this.addSql(`grant select on "deployment_setting" to tsukasa_app;`);

    // Sign-in attempts are keyed by the (unauthenticated) municipality code and username.
    this.addSql(`grant select, insert on "sign_in_attempt" to tsukasa_app;`);
    this.addSql(`grant usage, select on sequence "sign_in_attempt_id_seq" to tsukasa_app;`);

    // Audit: append-only for the application role, chained per municipality.
    this.addSql(`grant select, insert on "audit_event" to tsukasa_app;`);
    this.addSql(`grant usage, select on sequence "audit_event_id_seq" to tsukasa_app;`);
    this.addSql(`alter table "audit_event" enable row level security;`);
    this.addSql(`create policy tenant_read on "audit_event" for select to tsukasa_app using (municipality_id = current_municipality_id());`);
    this.addSql(`create policy tenant_append on "audit_event" for insert to tsukasa_app with check (municipality_id = current_municipality_id());`);
    this.addSql(`grant select, insert, update on "audit_chain_head" to tsukasa_app;`);
    this.addSql(`alter table "audit_chain_head" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "audit_chain_head" to tsukasa_app
      using (municipality_id = current_municipality_id()) with check (municipality_id = current_municipality_id());`);
    // Even the owner cannot rewrite history without first dropping this trigger (which is itself audited by PostgreSQL's DDL log).
    this.addSql(`create or replace function audit_event_immutable() returns trigger language plpgsql as $$
      begin raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger audit_event_no_update before update or delete on "audit_event"
      for each row execute function audit_event_immutable();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "audit_event"
      for each statement execute function audit_event_immutable();`);

    this.addSql(`create or replace function resolve_session(p_token_hash text)
      returns table (session_id uuid, municipality_id uuid, staff_id uuid, expires_at timestamptz, registry_admin boolean)
      language sql stable security definer set search_path = tsukasa as $$
        select s.id, s.municipality_id, s.staff_id, s.expires_at, st.registry_admin
          from session s join staff st on st.id = s.staff_id
         where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
      $$;`);
    this.addSql(`create or replace function resolve_api_token(p_token_hash text)
      returns table (token_id uuid, municipality_id uuid, created_by_id uuid, scopes text[])
      language sql stable security definer set search_path = tsukasa as $$
        select t.id, t.municipality_id, t.created_by_id, t.scopes from api_token t
         where t.token_hash = p_token_hash and t.revoked_at is null
      $$;`);
    this.addSql(`revoke all on function resolve_session(text) from public;`);
    this.addSql(`revoke all on function resolve_api_token(text) from public;`);
    this.addSql(`grant execute on function resolve_session(text) to tsukasa_app;`);
    this.addSql(`grant execute on function resolve_api_token(text) to tsukasa_app;`);
    this.addSql(`grant execute on function current_municipality_id() to tsukasa_app;`);
  }

  override down(): void {
    throw new Error('security migration is not reversible');
  }
}
