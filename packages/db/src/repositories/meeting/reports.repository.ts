// The figures of a committee's standing reports over a period: requests, incidents, audits and findings,
// and the contractors' representatives.
import type { IncidentStatus } from '@tsukasa/domain';
import { sql as raw } from 'kysely';
import { one, rows, run, tables, type Db } from '../sql.ts';

/**
 * The instant a day (a YYYY-MM-DD parameter) begins in Japan, and the instant the day after it begins:
 * periods of days are Japan's days whatever the database server's time zone.
 */
const JST_DAY_START = (param: string) => `(${param}::date::timestamp at time zone 'Asia/Tokyo')`;
const JST_DAY_AFTER = (param: string) => `((${param}::date + 1)::timestamp at time zone 'Asia/Tokyo')`;

/** Requests of a rulebook filed, decided and still in progress over a period (MNT-9-1-2 運用状況). */
export async function requestFigures(db: Db, rulebookId: string, from: string, to: string): Promise<{ filed: number; decided: number; in_progress: number }> {
  return (await one(
    db,
    `select count(*) filter (where filed_at >= ${JST_DAY_START('$2')} and filed_at < ${JST_DAY_AFTER('$3')})::int as filed,
      count(*) filter (where decided_at >= ${JST_DAY_START('$2')} and decided_at < ${JST_DAY_AFTER('$3')})::int as decided,
      count(*) filter (where status = 'in_progress')::int as in_progress
    from request where rulebook_id = $1`,
    [rulebookId, from, to],
  ))!;
}

/**
 * Incidents of the rulebook's systems that occurred or were open in a period, for the standing
 * report on failures and the response to them (MNT-9-1-4, ARK-21-1-4, KWW-12-1).
 */
export async function incidentsInPeriod(
  db: Db,
  rulebookId: string,
  from: string,
  to: string,
): Promise<{ number: string; title: string; status: IncidentStatus; system_name: string; occurred_on: string }[]> {
  return rows(
    db,
    `select i.number, i.title, i.status, s.name as system_name, to_char(i.occurred_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as occurred_on
    from incident i join system s on s.id = i.system_id
    where s.rulebook_id = $1 and i.occurred_at < ${JST_DAY_AFTER('$3')} and (i.occurred_at >= ${JST_DAY_START('$2')} or i.status in ('reported', 'recovering') or i.resolved_at >= ${JST_DAY_START('$2')})
    order by i.occurred_at`,
    [rulebookId, from, to],
  );
}

/** Audits and self-inspections of the period and the findings still open (ARK-21-1-2, ARK-29). */
export async function auditFigures(
  db: Db,
  rulebookId: string,
  from: string,
  to: string,
): Promise<{ conducted: number; needs_improvement: number; open_findings: number; overdue_findings: number }> {
  return (await one(
    db,
    `select
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date) as conducted,
      (select count(*)::int from inspection where rulebook_id = $1 and kind in ('audit', 'self_inspection') and conducted_on between $2::date and $3::date and result = 'needs_improvement') as needs_improvement,
      (select count(*)::int from finding where rulebook_id = $1 and status <> 'closed') as open_findings,
      (select count(*)::int from finding where rulebook_id = $1 and status = 'open' and due_on < $3::date) as overdue_findings`,
    [rulebookId, from, to],
  ))!;
}

/** The representative of each contractor maintaining a system under the rulebook (MNT-9-3-3). */
export async function contractorRepresentatives(db: Db, rulebookId: string): Promise<{ contractor_name: string; person_name: string }[]> {
  return run(
    db,
    tables
      .selectFrom('system as s')
      .innerJoin('contractor as c', 'c.id', 's.contractor_id')
      .innerJoin('contractor_person as cp', 'cp.contractor_id', 'c.id')
      .distinctOn('c.id')
      .select(['c.name as contractor_name', 'cp.name as person_name'])
      .where('s.rulebook_id', '=', rulebookId)
      .orderBy('c.id')
      .orderBy(raw`(cp.key like '%representative%')`, 'desc')
      .orderBy('cp.key'),
  );
}
