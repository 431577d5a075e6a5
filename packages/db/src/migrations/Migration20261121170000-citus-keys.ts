import { Migration } from '@mikro-orm/migrations';

// The keys of every distributed table name the tenant (infra/citus/README.md §3; the schema check
// packages/db/src/testing/citus-readiness.ts): a table of schema tsukasa with a municipality_id
// column is to be distributed by it, and Citus enforces uniqueness and foreign keys inside a shard.
// One generic pass over pg_catalog, in a fixed order (tables and constraints by name), so the result
// is the same on every database:
//
// 1. Foreign keys between two distributed tables are dropped (re-created in step 4).
// 2. Primary keys and unique constraints that lack municipality_id get it appended, under the same
//    name: `primary key (id)` becomes `primary key (id, municipality_id)`. municipality_id goes LAST
//    on purpose: Citus only requires the distribution column to be part of the key, not to lead it,
//    and with id first a lookup by id alone (seeding, the owner's tools, superuser queries of tests)
//    still uses the key's index. NULLS NOT DISTINCT is kept. The ids are UUIDs, already unique
//    across municipalities: no row changes.
// 3. Unique indexes that back no constraint (partial ones: account_open_unique, …) are re-created
//    under the same name with municipality_id appended and the same predicate.
// 4. The foreign keys of step 1 come back under their names as
//    `(x_id, municipality_id) references t (id, municipality_id)`, with the same ON UPDATE / ON
//    DELETE actions, deferrability and MATCH SIMPLE (a NULL x_id still means no reference). A
//    composite ON DELETE SET NULL would null municipality_id too (rejected by its not null): it
//    becomes `on delete set null (x_id)` (PostgreSQL 15+). The re-created keys are validated, so a
//    row pointing into another municipality now fails the migration instead of passing unnoticed.
//
// Foreign keys to reference tables (municipality, deployment_setting) stay as they are. audit_event
// (partitioned) already has (municipality_id, seq, occurred_at) and is not touched; partitions
// inherit from their parent and are skipped. ON CONFLICT targets name the new key columns
// (packages/db/src/seed/upsert.ts appends municipality_id; repositories list it).

/** Shared by up and down: the distributed tables of schema tsukasa and their foreign keys between each other. */
const DISTRIBUTED = `
  create temporary table pg_temp.citus_dist on commit drop as
    select c.oid as relid
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped
     where n.nspname = 'tsukasa' and c.relkind in ('r', 'p') and not c.relispartition;`;

/** The SQL text of a column list of table `rel` (attnums in order), quoted. */
const COLUMN_LIST = `
  create or replace function pg_temp.citus_cols(rel oid, cols int2[]) returns text language sql stable as $f$
    select string_agg(quote_ident(a.attname), ', ' order by k.ord)
      from unnest(cols) with ordinality k(attnum, ord) join pg_attribute a on a.attrelid = rel and a.attnum = k.attnum
  $f$;`;

/** ON UPDATE / ON DELETE action and deferrability of a foreign key, as SQL. */
const FK_TAIL = `
  create or replace function pg_temp.citus_fk_tail(upd "char", del "char", is_deferrable boolean, is_deferred boolean, set_cols text) returns text language sql immutable as $f$
    select ' match simple'
      || ' on update ' || case upd when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade' when 'n' then 'set null' when 'd' then 'set default' end
      || ' on delete ' || case del when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade'
                                               when 'n' then 'set null (' || set_cols || ')' when 'd' then 'set default (' || set_cols || ')' end
      || case when is_deferrable then ' deferrable initially ' || case when is_deferred then 'deferred' else 'immediate' end else '' end
  $f$;`;

export class Migration20261121170000_citus_keys extends Migration {
  override name = 'Migration20261121170000_citus_keys';

  override up(): void {
    this.addSql('drop table if exists pg_temp.citus_dist;');
    this.addSql(DISTRIBUTED);
    this.addSql(COLUMN_LIST);
    this.addSql(FK_TAIL);
    this.addSql(`do $$
      declare
        r record;
        m int2;
        adds text[] := '{}';
        s text;
      begin
        -- 1. Foreign keys between distributed tables that do not yet match municipality_id.
        for r in
          select con.*, con.conrelid::regclass::text as child, con.confrelid::regclass::text as parent
            from pg_constraint con
           where con.contype = 'f'
             and con.conrelid in (select relid from pg_temp.citus_dist)
             and con.confrelid in (select relid from pg_temp.citus_dist)
             and not exists (select 1 from pg_attribute a where a.attrelid = con.conrelid and a.attname = 'municipality_id' and a.attnum = any (con.conkey))
           order by con.conrelid::regclass::text, con.conname
        loop
          if r.confmatchtype <> 's' then
            raise exception 'citus keys: % on % is not MATCH SIMPLE', r.conname, r.child;
          end if;
          if r.confupdtype in ('n', 'd') then
            raise exception 'citus keys: % on % sets null/default on update, which cannot spare municipality_id', r.conname, r.child;
          end if;
          select a.attnum into m from pg_attribute a where a.attrelid = r.conrelid and a.attname = 'municipality_id';
          adds := adds || format('alter table %s add constraint %I foreign key (%s, municipality_id) references %s (%s, municipality_id)%s',
            r.child, r.conname, pg_temp.citus_cols(r.conrelid, r.conkey), r.parent, pg_temp.citus_cols(r.confrelid, r.confkey),
            pg_temp.citus_fk_tail(r.confupdtype, r.confdeltype, r.condeferrable, r.condeferred, pg_temp.citus_cols(r.conrelid, coalesce(r.confdelsetcols, r.conkey))));
          execute format('alter table %s drop constraint %I', r.child, r.conname);
        end loop;

        -- 2. Primary keys and unique constraints without municipality_id: append it, same name.
        for r in
          select con.conname, con.contype, con.conrelid, con.conkey, con.conrelid::regclass::text as tbl, x.indnullsnotdistinct,
                 con.condeferrable, con.condeferred
            from pg_constraint con join pg_index x on x.indexrelid = con.conindid
           where con.contype in ('p', 'u')
             and con.conrelid in (select relid from pg_temp.citus_dist)
             and not exists (select 1 from pg_attribute a where a.attrelid = con.conrelid and a.attname = 'municipality_id' and a.attnum = any (con.conkey))
           order by con.conrelid::regclass::text, con.conname
        loop
          if r.condeferrable then
            raise exception 'citus keys: % on % is deferrable', r.conname, r.tbl;
          end if;
          execute format('alter table %s drop constraint %I, add constraint %I %s (%s, municipality_id)',
            r.tbl, r.conname, r.conname,
            case when r.contype = 'p' then 'primary key' when r.indnullsnotdistinct then 'unique nulls not distinct' else 'unique' end,
            pg_temp.citus_cols(r.conrelid, r.conkey));
        end loop;

        -- 3. Unique indexes that back no constraint: re-create with municipality_id appended.
        for r in
          select i.relname as idx, x.indrelid, x.indrelid::regclass::text as tbl, array(select k from unnest(x.indkey::int2[]) with ordinality u(k, o) order by o) as cols, x.indnullsnotdistinct,
                 am.amname, pg_get_expr(x.indpred, x.indrelid) as pred, x.indexprs is not null as has_exprs
            from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam
           where x.indisunique
             and x.indrelid in (select relid from pg_temp.citus_dist)
             and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
             and not exists (select 1 from pg_attribute a where a.attrelid = x.indrelid and a.attname = 'municipality_id' and a.attnum = any (x.indkey::int2[]))
           order by x.indrelid::regclass::text, i.relname
        loop
          if r.has_exprs then
            raise exception 'citus keys: unique index % on % has expressions; rewrite it by hand', r.idx, r.tbl;
          end if;
          execute format('drop index tsukasa.%I', r.idx);
          execute format('create unique index %I on %s using %s (%s, municipality_id)%s%s',
            r.idx, r.tbl, r.amname, pg_temp.citus_cols(r.indrelid, r.cols),
            case when r.indnullsnotdistinct then ' nulls not distinct' else '' end,
            case when r.pred is not null then ' where ' || r.pred else '' end);
        end loop;

        -- 4. The foreign keys of step 1, matched on municipality_id (validated: no cross-municipality reference).
        foreach s in array adds loop
          execute s;
        end loop;
      end $$;`);
  }

  override down(): void {
    // The inverse: foreign keys and keys lose the municipality_id this migration appended (the last
    // column; keys that had it already, e.g. (municipality_id, key), are left as they were).
    this.addSql('drop table if exists pg_temp.citus_dist;');
    this.addSql(DISTRIBUTED);
    this.addSql(COLUMN_LIST);
    this.addSql(FK_TAIL);
    this.addSql(`do $$
      declare
        r record;
        adds text[] := '{}';
        s text;
        n int;
      begin
        for r in
          select con.*, con.conrelid::regclass::text as child, con.confrelid::regclass::text as parent
            from pg_constraint con
           where con.contype = 'f'
             and con.conrelid in (select relid from pg_temp.citus_dist)
             and con.confrelid in (select relid from pg_temp.citus_dist)
             and cardinality(con.conkey) > 1
             and (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[cardinality(con.conkey)]) = 'municipality_id'
           order by con.conrelid::regclass::text, con.conname
        loop
          n := cardinality(r.conkey) - 1;
          adds := adds || format('alter table %s add constraint %I foreign key (%s) references %s (%s)%s',
            r.child, r.conname, pg_temp.citus_cols(r.conrelid, r.conkey[1:n]), r.parent, pg_temp.citus_cols(r.confrelid, r.confkey[1:n]),
            replace(pg_temp.citus_fk_tail(r.confupdtype, r.confdeltype, r.condeferrable, r.condeferred, pg_temp.citus_cols(r.conrelid, r.conkey[1:n])), ' match simple', ''));
          execute format('alter table %s drop constraint %I', r.child, r.conname);
        end loop;
        for r in
          select con.conname, con.contype, con.conrelid, con.conkey, con.conrelid::regclass::text as tbl, x.indnullsnotdistinct
            from pg_constraint con join pg_index x on x.indexrelid = con.conindid
           where con.contype in ('p', 'u')
             and con.conrelid in (select relid from pg_temp.citus_dist)
             and cardinality(con.conkey) > 1
             and (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[cardinality(con.conkey)]) = 'municipality_id'
             and (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) <> 'municipality_id'
           order by con.conrelid::regclass::text, con.conname
        loop
          execute format('alter table %s drop constraint %I, add constraint %I %s (%s)',
            r.tbl, r.conname, r.conname,
            case when r.contype = 'p' then 'primary key' when r.indnullsnotdistinct then 'unique nulls not distinct' else 'unique' end,
            pg_temp.citus_cols(r.conrelid, r.conkey[1:cardinality(r.conkey) - 1]));
        end loop;
        for r in
          select i.relname as idx, x.indrelid, x.indrelid::regclass::text as tbl, array(select k from unnest(x.indkey::int2[]) with ordinality u(k, o) order by o) as cols, am.amname,
                 pg_get_expr(x.indpred, x.indrelid) as pred
            from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam
           where x.indisunique
             and x.indrelid in (select relid from pg_temp.citus_dist)
             and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
             and x.indnkeyatts > 1
             and (select attname from pg_attribute where attrelid = x.indrelid and attnum = (select k from unnest(x.indkey::int2[]) with ordinality u(k, o) order by o desc limit 1)) = 'municipality_id'
           order by x.indrelid::regclass::text, i.relname
        loop
          execute format('drop index tsukasa.%I', r.idx);
          execute format('create unique index %I on %s using %s (%s)%s', r.idx, r.tbl, r.amname,
            pg_temp.citus_cols(r.indrelid, r.cols[1:cardinality(r.cols) - 1]),
            case when r.pred is not null then ' where ' || r.pred else '' end);
        end loop;
        foreach s in array adds loop
          execute s;
        end loop;
      end $$;`);
  }
}
