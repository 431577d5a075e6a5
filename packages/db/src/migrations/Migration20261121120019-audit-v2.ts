import { Migration } from '@mikro-orm/migrations';

// Cheaper authorization and audit on the hot path (measured: npm run bench):
// 1. authz_epoch: every change to what authorization decisions read (tenures, role bindings,
//    deputations, grants and their approvals, asset owners and classification) bumps the
//    municipality's epoch; resolve_session returns it, so the gateway caches decision facts per
//    epoch and never serves them stale.
// 2. append_audit_events(): the chain is extended server-side in one round trip. Hash version 2:
//    hash = sha256(prev_hash || '\n' || seq || '\n' || digest), digest = sha256 of the event's
//    canonical JSON computed by the application. Version-1 events keep their own scheme.
// 3. target_ids: one read event per request and kind of record, naming every record read.

const epochTables = ['position_tenure', 'role_binding', 'deputation', 'access_grant', 'access_grant_approval', 'information_asset_owner', 'information_asset'];

export class Migration20261121120019_audit_v2 extends Migration {
  override name = 'Migration20261121120019_audit_v2';

  override up(): void {
    this.addSql(`create table "tsukasa"."authz_epoch" ("municipality_id" uuid not null primary key references "tsukasa"."municipality" ("id"), "epoch" bigint not null default 0);`);
    this.addSql(`insert into "tsukasa"."authz_epoch" (municipality_id) select id from "tsukasa"."municipality";`);
    this.addSql(`grant select on "tsukasa"."authz_epoch" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."authz_epoch" enable row level security;`);
    this.addSql(`create policy tenant_read on "tsukasa"."authz_epoch" for select to tsukasa_app using (municipality_id = current_municipality_id());`);
    this.addSql(`create or replace function "tsukasa".bump_authz_epoch() returns trigger language plpgsql security definer set search_path = tsukasa as $$
      begin
        insert into authz_epoch as e (municipality_id, epoch)
          select distinct m, 1 from (select municipality_id as m from changed) c
        on conflict (municipality_id) do update set epoch = e.epoch + 1;
        return null;
      end $$;`);
    for (const table of epochTables) {
      for (const op of ['insert', 'update', 'delete']) {
        const ref = op === 'delete' ? 'old table as changed' : 'new table as changed';
        this.addSql(`create trigger ${table}_authz_epoch_${op} after ${op} on "tsukasa"."${table}" referencing ${ref} for each statement execute function "tsukasa".bump_authz_epoch();`);
      }
    }
    this.addSql(`create or replace function "tsukasa".municipality_authz_epoch() returns trigger language plpgsql as $$
      begin insert into authz_epoch (municipality_id) values (new.id) on conflict do nothing; return null; end $$;`);
    this.addSql(`create trigger municipality_authz_epoch after insert on "tsukasa"."municipality" for each row execute function "tsukasa".municipality_authz_epoch();`);

    this.addSql(`drop function "tsukasa".resolve_session(text);`);
    this.addSql(`create function "tsukasa".resolve_session(p_token_hash text)
      returns table (session_id uuid, municipality_id uuid, staff_id uuid, expires_at timestamptz, registry_admin boolean, authz_epoch bigint)
      language sql stable security definer set search_path = tsukasa as $$
        select s.id, s.municipality_id, s.staff_id, s.expires_at, st.registry_admin, coalesce(e.epoch, 0)
          from session s join staff st on st.id = s.staff_id left join authz_epoch e on e.municipality_id = s.municipality_id
         where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now()
      $$;`);
    this.addSql(`revoke all on function "tsukasa".resolve_session(text) from public;`);
    this.addSql(`grant execute on function "tsukasa".resolve_session(text) to tsukasa_app;`);

    this.addSql(`alter table "tsukasa"."audit_event" add column "target_ids" text[] null, add column "hash_version" smallint not null default 1;`);
    this.addSql(`create index "audit_event_target_ids_index" on "tsukasa"."audit_event" using gin ("target_ids");`);
    this.addSql(`alter table "tsukasa"."audit_event" alter column "hash_version" set default 2;`);

    // p_events: [{ occurredAt, actorStaffId, actorTokenId, onBehalfOfStaffId, action, targetType, targetId, targetIds,
    //              fields, before, after, ruleIds, requestId, digest }]
    this.addSql(`create or replace function "tsukasa".append_audit_events(p_municipality_id uuid, p_events jsonb) returns bigint
      language plpgsql set search_path = tsukasa as $$
      declare
        v_seq bigint;
        v_prev text;
        e jsonb;
        v_hash text;
      begin
        select last_seq, last_hash into v_seq, v_prev from audit_chain_head where municipality_id = p_municipality_id for update;
        if not found then
          v_seq := 0;
          v_prev := repeat('0', 64);
          insert into audit_chain_head (municipality_id, last_seq, last_hash) values (p_municipality_id, 0, v_prev);
        end if;
        for e in select value from jsonb_array_elements(p_events) loop
          v_seq := v_seq + 1;
          v_hash := encode(sha256(convert_to(v_prev || E'\\n' || v_seq::text || E'\\n' || (e->>'digest'), 'UTF8')), 'hex');
          insert into audit_event (municipality_id, seq, occurred_at, actor_staff_id, actor_token_id, on_behalf_of_staff_id, action,
              target_type, target_id, target_ids, fields, before, after, rule_ids, request_id, prev_hash, hash, hash_version)
          values (p_municipality_id, v_seq, (e->>'occurredAt')::timestamptz, (e->>'actorStaffId')::uuid, (e->>'actorTokenId')::uuid,
              (e->>'onBehalfOfStaffId')::uuid, e->>'action', e->>'targetType', e->>'targetId',
              case when jsonb_typeof(e->'targetIds') = 'array' then array(select jsonb_array_elements_text(e->'targetIds')) end,
              case when jsonb_typeof(e->'fields') = 'array' then array(select jsonb_array_elements_text(e->'fields')) end,
              case when jsonb_typeof(e->'before') = 'null' then null else e->'before' end,
              case when jsonb_typeof(e->'after') = 'null' then null else e->'after' end,
              array(select jsonb_array_elements_text(e->'ruleIds')), e->>'requestId', v_prev, v_hash, 2);
          v_prev := v_hash;
        end loop;
        update audit_chain_head set last_seq = v_seq, last_hash = v_prev where municipality_id = p_municipality_id;
        return v_seq;
      end $$;`);
    this.addSql(`grant execute on function "tsukasa".append_audit_events(uuid, jsonb) to tsukasa_app;`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
