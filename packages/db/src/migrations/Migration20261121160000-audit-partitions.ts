import { Migration } from '@mikro-orm/migrations';

// The audit log at a large city's scale (~10 million events; issue "scale & hardening"): time-
// partitioned with retention by explicit archive (README "Audit log: partitions, archive,
// verification"; the log records access as MNT-4-1-7 and MNT-19-3 require).
//
// 1. audit_event becomes a table partitioned by range on occurred_at, one partition per calendar
//    month in Japan time (audit_event_yYYYYmMM, bounds at YYYY-MM-01 00:00:00+09), plus
//    audit_event_default, which takes any event outside the months created, so an append never
//    fails. Rows, ids and the id sequence are carried over unchanged: the hash chains verify as before.
// 2. Primary key (municipality_id, seq, occurred_at). A partitioned table's unique constraints must
//    include the partition key, so unique (municipality_id, seq) cannot stay as it was. This key is
//    preferred to (id, occurred_at) because (a) it is the chain's own identity, and since occurred_at
//    decides the partition it is unique across the whole table, not only per partition; (b) its index
//    serves verification's keyset scan (municipality_id = $1 and (seq, occurred_at) > … order by seq)
//    and the newest-first search of the admin app; (c) it names the tenant, as Citus requires of a
//    distributed table's key (infra/citus/exceptions.json loses audit_event_pkey). That seq alone is
//    unique per municipality is guaranteed by append_audit_events, its only writer, which holds the
//    chain head's row lock while it numbers events, and `npm run audit:verify` checks it (a number
//    twice or missing breaks the chain).
// 3. Privileges as before on the parent only (insert/select for tsukasa_app, the same RLS policies,
//    the append-only triggers); every partition is closed to tsukasa_app and public, has row-level
//    security on (no policy: nothing for anyone but the owner), and its own TRUNCATE guard — row
//    triggers are cloned to partitions by PostgreSQL, statement-level ones are not.
// 4. tsukasa.ensure_audit_partitions(months_ahead): creates the partitions of the current month
//    through N months ahead, and of every month that has events waiting in the default partition
//    (moved into their month). Run at every start by migrate() (packages/db/src/runtime/provision.ts).
//    tsukasa.create_audit_partitions(from, through) does the same for a range of months (bulk loads).
// 5. audit_chain_anchor: the last event of each municipality in a month archived by
//    `npm run audit:archive` (packages/db/src/audit/archive.ts); verification starts each chain
//    at its newest anchor. Retention is an operator's explicit decision: the regulations set no
//    period for this log (Kawasaki's KWO-9-4 defers to the city's document classification table).

const columns = [
  '"id" bigint not null default nextval(\'"tsukasa"."audit_event_id_seq"\')',
  '"municipality_id" uuid not null',
  '"seq" bigint not null',
  '"occurred_at" timestamptz not null',
  '"actor_staff_id" uuid null',
  '"actor_token_id" uuid null',
  '"on_behalf_of_staff_id" uuid null',
  '"action" varchar(80) not null',
  '"target_type" varchar(60) not null',
  '"target_id" varchar(80) null',
  '"fields" text[] null',
  '"before" jsonb null',
  '"after" jsonb null',
  '"rule_ids" text[] not null',
  '"request_id" varchar(64) null',
  '"prev_hash" varchar(64) not null',
  '"hash" varchar(64) not null',
  '"target_ids" text[] null',
  '"hash_version" smallint not null default 2',
];
const columnNames = columns.map((c) => c.split(' ')[0]).join(', ');

export class Migration20261121160000_audit_partitions extends Migration {
  override name = 'Migration20261121160000_audit_partitions';

  override up(): void {
    // The heap is set aside (its indexes dropped: their names are the new table's) and copied below.
    this.addSql(`alter table "tsukasa"."audit_event" rename to "audit_event_unpartitioned";`);
    this.addSql(`alter table "tsukasa"."audit_event_unpartitioned" drop constraint "audit_event_pkey", drop constraint "audit_event_municipality_id_seq_unique";`);
    this.addSql(`drop index "tsukasa"."audit_event_municipality_id_occurred_at_index", "tsukasa"."audit_event_municipality_id_target_type_target_id_index", "tsukasa"."audit_event_target_ids_index";`);
    // The id sequence goes on: it must outlive the old table it belongs to.
    this.addSql(`alter sequence "tsukasa"."audit_event_id_seq" owned by none;`);

    this.addSql(`create table "tsukasa"."audit_event" (
      ${columns.join(',\n      ')},
      constraint "audit_event_pkey" primary key ("municipality_id", "seq", "occurred_at"),
      constraint "audit_event_municipality_id_foreign" foreign key ("municipality_id") references "tsukasa"."municipality" ("id")
    ) partition by range ("occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_occurred_at_index" on "tsukasa"."audit_event" ("municipality_id", "occurred_at");`);
    this.addSql(`create index "audit_event_municipality_id_target_type_target_id_index" on "tsukasa"."audit_event" ("municipality_id", "target_type", "target_id");`);
    this.addSql(`create index "audit_event_target_ids_index" on "tsukasa"."audit_event" using gin ("target_ids");`);

    // As Migration20261121112941_security set them on the heap: append-only for the application role,
    // each municipality reading and appending only its own events.
    this.addSql(`grant select, insert on "tsukasa"."audit_event" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."audit_event" enable row level security;`);
    this.addSql(`create policy tenant_read on "tsukasa"."audit_event" for select to tsukasa_app using (municipality_id = current_municipality_id());`);
    this.addSql(`create policy tenant_append on "tsukasa"."audit_event" for insert to tsukasa_app with check (municipality_id = current_municipality_id());`);
    this.addSql(`create trigger audit_event_no_update before update or delete on "tsukasa"."audit_event"
      for each row execute function "tsukasa".audit_event_immutable();`);
    this.addSql(`create trigger audit_event_no_truncate before truncate on "tsukasa"."audit_event"
      for each statement execute function "tsukasa".audit_event_immutable();`);

    // Creates the month partitions named (first days of months, Japan time) that do not exist yet.
    // PostgreSQL refuses a partition for a month whose rows sit in the default partition; such rows
    // are taken out of it (the default partition is dropped and re-created, never updated or deleted
    // from) and inserted again through the parent, which files them into their new partition — all
    // in the caller's transaction, under the parent's lock, so appends wait and nothing is lost.
    this.addSql(`create function "tsukasa".audit_partitions_for(p_months date[]) returns int
      language plpgsql security definer set search_path = tsukasa as $$
      declare
        v_missing date[];
        v_month date;
        v_name text;
        v_move boolean;
        v_cols text;
      begin
        select coalesce(array_agg(m order by m), '{}') into v_missing
          from (select distinct date_trunc('month', x)::date as m from unnest(p_months) x where x is not null) months
         where to_regclass(format('tsukasa.audit_event_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'))) is null;
        if cardinality(v_missing) = 0 and to_regclass('tsukasa.audit_event_default') is not null then
          return 0;
        end if;
        v_move := false;
        if to_regclass('tsukasa.audit_event_default') is not null then
          execute 'select exists (select 1 from tsukasa.audit_event_default d where date_trunc(''month'', d.occurred_at at time zone ''Asia/Tokyo'')::date = any ($1))'
            into v_move using v_missing;
        end if;
        select string_agg(quote_ident(attname), ', ' order by attnum) into v_cols
          from pg_attribute where attrelid = 'tsukasa.audit_event'::regclass and attnum > 0 and not attisdropped;
        if v_move then
          lock table tsukasa.audit_event in access exclusive mode;
          execute format('create temporary table audit_event_moving on commit drop as select %s from tsukasa.audit_event_default', v_cols);
          drop table tsukasa.audit_event_default;
        end if;
        foreach v_month in array v_missing loop
          v_name := format('audit_event_y%sm%s', to_char(v_month, 'YYYY'), to_char(v_month, 'MM'));
          execute format('create table tsukasa.%I partition of tsukasa.audit_event for values from (%L) to (%L)', v_name,
            to_char(v_month, 'YYYY-MM-DD') || ' 00:00:00+09', to_char((v_month + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+09');
          perform tsukasa.audit_partition_secure(v_name);
        end loop;
        if to_regclass('tsukasa.audit_event_default') is null then
          create table tsukasa.audit_event_default partition of tsukasa.audit_event default;
          perform tsukasa.audit_partition_secure('audit_event_default');
        end if;
        if v_move then
          execute format('insert into tsukasa.audit_event (%s) select %s from pg_temp.audit_event_moving', v_cols, v_cols);
          drop table pg_temp.audit_event_moving;
        end if;
        return cardinality(v_missing);
      end $$;`);
    this.addSql(`create function "tsukasa".audit_partition_secure(p_name text) returns void
      language plpgsql security definer set search_path = tsukasa as $$
      begin
        execute format('revoke all on table tsukasa.%I from public, tsukasa_app', p_name);
        execute format('alter table tsukasa.%I enable row level security', p_name);
        execute format('create trigger audit_event_no_truncate before truncate on tsukasa.%I for each statement execute function tsukasa.audit_event_immutable()', p_name);
      end $$;`);
    this.addSql(`create function "tsukasa".create_audit_partitions(p_from timestamptz, p_through timestamptz) returns int
      language plpgsql security definer set search_path = tsukasa as $$
      declare
        v_from date := date_trunc('month', p_from at time zone 'Asia/Tokyo')::date;
        v_through date := date_trunc('month', p_through at time zone 'Asia/Tokyo')::date;
      begin
        if v_from is null or v_through is null or v_through < v_from or v_through > v_from + interval '100 years' then
          raise exception 'create_audit_partitions: a range of months from % through %', p_from, p_through using errcode = 'invalid_parameter_value';
        end if;
        return tsukasa.audit_partitions_for(array(select generate_series(v_from, v_through, interval '1 month')::date));
      end $$;`);
    this.addSql(`create function "tsukasa".ensure_audit_partitions(p_months_ahead int) returns int
      language plpgsql security definer set search_path = tsukasa as $$
      declare
        v_now date := date_trunc('month', now() at time zone 'Asia/Tokyo')::date;
        v_months date[];
      begin
        if p_months_ahead is null or p_months_ahead < 0 or p_months_ahead > 120 then
          raise exception 'ensure_audit_partitions: months ahead must be 0 to 120, not %', p_months_ahead using errcode = 'invalid_parameter_value';
        end if;
        -- Read first, into a variable: the default partition may be dropped and re-created below.
        if to_regclass('tsukasa.audit_event_default') is not null then
          execute 'select array(select distinct date_trunc(''month'', occurred_at at time zone ''Asia/Tokyo'')::date from tsukasa.audit_event_default)'
            into v_months;
        end if;
        v_months := coalesce(v_months, '{}') || array(select (v_now + make_interval(months => i))::date from generate_series(0, p_months_ahead) i);
        return tsukasa.audit_partitions_for(v_months);
      end $$;`);
    // Owner-only: they run DDL as the owner.
    for (const fn of ['audit_partitions_for(date[])', 'audit_partition_secure(text)', 'create_audit_partitions(timestamptz, timestamptz)', 'ensure_audit_partitions(int)']) {
      this.addSql(`revoke all on function "tsukasa".${fn} from public;`);
    }

    // The existing rows: every month from the oldest event's through 3 months ahead (and the newest
    // event's, should a clock have run ahead), then the copy, ids included.
    this.addSql(`select "tsukasa".create_audit_partitions(
      least(now(), (select min(occurred_at) from "tsukasa"."audit_event_unpartitioned")),
      greatest(now() + interval '3 months', (select max(occurred_at) from "tsukasa"."audit_event_unpartitioned")));`);
    this.addSql(`insert into "tsukasa"."audit_event" (${columnNames}) select ${columnNames} from "tsukasa"."audit_event_unpartitioned";`);
    this.addSql(`drop table "tsukasa"."audit_event_unpartitioned";`);
    this.addSql(`alter sequence "tsukasa"."audit_event_id_seq" owned by "tsukasa"."audit_event"."id";`);

    this.addSql(`create table "tsukasa"."audit_chain_anchor" (
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      "seq" bigint not null,
      "hash" varchar(64) not null,
      -- The first day of the month archived (Japan time).
      "archived_month" date not null,
      "archived_at" timestamptz not null,
      -- SHA-256 of the archive file audit_event_yYYYYmMM.jsonl.gz that holds the month's events.
      "file_sha256" varchar(64) not null,
      primary key ("municipality_id", "seq"),
      unique ("municipality_id", "archived_month"));`);
    this.addSql(`grant select on "tsukasa"."audit_chain_anchor" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."audit_chain_anchor" enable row level security;`);
    this.addSql(`create policy tenant_read on "tsukasa"."audit_chain_anchor" for select to tsukasa_app using (municipality_id = current_municipality_id());`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
