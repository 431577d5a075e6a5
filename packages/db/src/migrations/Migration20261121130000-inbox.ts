import { Migration } from '@mikro-orm/migrations';

// The inbox as an index: one entry per (actor, open step), kept by triggers, so "what awaits me,
// oldest first" walks a btree in order per position instead of gathering every open step of a busy
// position and sorting it. Keys are 'p:<position id>' and 's:<staff id>'. An entry lives while its
// step is open and its request is in progress in the step's round.

export class Migration20261121130000_inbox extends Migration {
  override name = 'Migration20261121130000_inbox';

  override up(): void {
    this.addSql(`create table "tsukasa"."request_inbox_entry" (
      "actor_key" text not null, "opened_at" timestamptz not null,
      "step_id" uuid not null references "tsukasa"."request_step" ("id") on delete cascade,
      "municipality_id" uuid not null references "tsukasa"."municipality" ("id"),
      primary key ("actor_key", "opened_at", "step_id"));`);
    this.addSql(`create index request_inbox_entry_step on "tsukasa"."request_inbox_entry" ("step_id");`);
    this.addSql(`grant select, insert, delete on "tsukasa"."request_inbox_entry" to tsukasa_app;`);
    this.addSql(`alter table "tsukasa"."request_inbox_entry" enable row level security;`);
    this.addSql(`create policy tenant_isolation on "tsukasa"."request_inbox_entry" to tsukasa_app using (municipality_id = current_municipality_id()) with check (municipality_id = current_municipality_id());`);

    this.addSql(`create function "tsukasa".request_step_inbox() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          delete from "tsukasa"."request_inbox_entry" where step_id = old.id;
        end if;
        if new.status = 'open' and new.opened_at is not null then
          insert into "tsukasa"."request_inbox_entry" (actor_key, opened_at, step_id, municipality_id)
            select distinct k, new.opened_at, new.id, new.municipality_id from (
              select 'p:' || unnest(coalesce(new.actor_position_ids, '{}')) as k
              union all select 's:' || unnest(coalesce(new.actor_staff_ids, '{}'))) keys;
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger request_step_inbox after insert or update of status, opened_at, actor_position_ids, actor_staff_ids
      on "tsukasa"."request_step" for each row execute function "tsukasa".request_step_inbox();`);

    // A request leaving progress (withdrawn, returned, decided) or starting a new round awaits nobody
    // on its earlier steps.
    this.addSql(`create function "tsukasa".request_inbox_on_request() returns trigger language plpgsql as $$
      begin
        delete from "tsukasa"."request_inbox_entry" e using "tsukasa"."request_step" s
          where e.step_id = s.id and s.request_id = new.id and (new.status <> 'in_progress' or s.round <> new.round);
        return null;
      end $$;`);
    this.addSql(`create trigger request_inbox_on_request after update of status, round on "tsukasa"."request"
      for each row when (new.status is distinct from old.status or new.round is distinct from old.round)
      execute function "tsukasa".request_inbox_on_request();`);

    this.addSql(`insert into "tsukasa"."request_inbox_entry" (actor_key, opened_at, step_id, municipality_id)
      select distinct k.key, s.opened_at, s.id, s.municipality_id from "tsukasa"."request_step" s
        join "tsukasa"."request" r on r.id = s.request_id and r.round = s.round and r.status = 'in_progress'
        cross join lateral (select 'p:' || unnest(coalesce(s.actor_position_ids, '{}')) union all select 's:' || unnest(coalesce(s.actor_staff_ids, '{}'))) k(key)
        where s.status = 'open' and s.opened_at is not null;`);
    // The array indexes the inbox used before: nothing reads them now, and every step write paid for them.
    this.addSql(`drop index "tsukasa"."request_step_open_positions";`);
    this.addSql(`drop index "tsukasa"."request_step_open_staff";`);
  }

  override down(): void {
    throw new Error('not reversible');
  }
}
