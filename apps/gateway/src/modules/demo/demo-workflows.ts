// The demo workflows (@tsukasa/seed DemoWorkflowsSeed) played through the product's own services when
// the demo data is loaded: each request filed by the holder of its requester position and decided by
// the holders of its steps' positions, each meeting called by its secretariat (its agenda proposed
// from what waits for the committee), each incident reported and recorded by its handler — so routes,
// actors, numbers, notices and audit events are what the product itself records. Times count back
// from the day the demo is loaded (business days for requests, hours for incidents).
//
// Played once: a request already filed (its idempotency key), a committee that already has a meeting
// and an incident already reported (its system and title) are left as they are, so a second load
// changes nothing and what staff did since wins. A committee step is never decided here: its decision
// is the committee's, recorded at a meeting.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { OWNER_ROLE, SCHEMA, idOf, municipalityIdOf, type SqlSession } from '@tsukasa/db';
import { addBusinessDays, fiscalYearOf, isBusinessDay, localDateAt, zonedInstant } from '@tsukasa/domain';
import type { DemoDecisionSeed, DemoIncidentSeed, DemoMeetingSeed, DemoRefs, DemoRequestSeed, DemoWorkflowsSeed, MunicipalitySeed } from '@tsukasa/seed';
import type { Context } from '../../graphql/context.ts';
import { createMeeting } from '../committees/index.ts';
import { recordIncidentAnalysis, reportIncident, resolveIncident, updateIncident } from '../incidents/index.ts';
import { decide, submit } from '../requests/index.ts';

const TZ = 'Asia/Tokyo';
/** YYYY-MM-DD shifted by whole days. */
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const HOUR = 3_600_000;

/** What playing the demo workflows of one municipality added. */
export interface DemoWorkflowReport {
  code: string;
  requests: number;
  meetings: number;
  incidents: number;
}

export function describeDemoWorkflowReport(r: DemoWorkflowReport): string {
  const added = [
    r.requests ? `${r.requests} request${r.requests === 1 ? '' : 's'}` : '',
    r.meetings ? `${r.meetings} meeting${r.meetings === 1 ? '' : 's'}` : '',
    r.incidents ? `${r.incidents} incident${r.incidents === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return added.length ? `demo workflows of ${r.code}: played ${added.join(', ')}` : `demo workflows of ${r.code} are up to date: nothing played`;
}

interface Player {
  code: string;
  mid: string;
  session: SqlSession;
  /** Sets the instant the next service call runs at. */
  at(instant: Date): void;
  q<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  contextOf(staffId: string): Context;
  holder(positionKey: string, on: string): Promise<string>;
}

/**
 * Plays the demo workflows of the given municipalities, each in one transaction on the owner's
 * connection (as the demo data is loaded), at `now` — the product's clock.
 */
export async function playDemoWorkflows(
  url: string,
  municipalities: MunicipalitySeed[],
  workflows: Partial<Record<string, DemoWorkflowsSeed>>,
  opts: { now: Date; log?: (line: string) => void },
): Promise<DemoWorkflowReport[]> {
  const reports: DemoWorkflowReport[] = [];
  for (const m of municipalities) {
    const w = workflows[m.code];
    if (!w) continue;
    const client = new pg.Client({ connectionString: url, options: `-c role=${OWNER_ROLE} -c search_path=${SCHEMA}` });
    await client.connect();
    try {
      await client.query('begin');
      const mid = municipalityIdOf(m.code);
      await client.query(`select set_config('app.municipality_id', $1, true)`, [mid]);
      let clock = opts.now;
      // Statements run one after another on the connection, as in a request (graphql/request-db.ts).
      let tail: Promise<unknown> = Promise.resolve();
      const session: SqlSession = {
        kind: 'sql-session',
        now: () => clock,
        query: <T>(sql: string, params: readonly unknown[]) => {
          const run = tail.then(() => client.query(sql, params as unknown[]));
          tail = run.catch(() => undefined);
          return run.then((x) => x.rows as T[]);
        },
      };
      const q = <T>(sql: string, params: readonly unknown[] = []) => session.query<T>(sql, params);
      const player: Player = {
        code: m.code,
        mid,
        session,
        q,
        at: (instant) => {
          clock = instant;
        },
        contextOf: (staffId) =>
          ({
            requestId: randomUUID(),
            viewer: { kind: 'staff', municipalityId: mid, staffId, sessionId: randomUUID(), registryAdmin: false },
            db: { em: async () => session },
            now: () => clock,
          }) as unknown as Context,
        holder: async (positionKey, on) => {
          const [row] = await q<{ staff_id: string }>(
            `select t.staff_id from position_tenure t where t.position_id = $1 and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date)
              order by t.valid_from desc limit 1`,
            [idOf(m.code, positionKey), on],
          );
          if (!row) throw new Error(`demo workflows of ${m.code}: nobody holds ${positionKey} on ${on}`);
          return row.staff_id;
        },
      };
      const report: DemoWorkflowReport = { code: m.code, requests: 0, meetings: 0, incidents: 0 };
      // Every workflow is tried (a failed one rolled back to its savepoint), then all failures reported at once.
      const failures: string[] = [];
      const play = async (what: () => Promise<boolean>): Promise<number> => {
        await client.query('savepoint demo_workflow');
        try {
          return (await what()) ? 1 : 0;
        } catch (e) {
          await client.query('rollback to savepoint demo_workflow');
          failures.push(e instanceof Error ? `${e.message}${'extensions' in e ? ` ${JSON.stringify(e.extensions)}` : ''}` : String(e));
          return 0;
        }
      };
      for (const r of w.requests) report.requests += await play(() => playRequest(player, r, opts.now));
      for (const meeting of w.meetings) report.meetings += await play(() => playMeeting(player, meeting, opts.now));
      for (const i of w.incidents) report.incidents += await play(() => playIncident(player, i, opts.now));
      if (failures.length) throw new Error(`demo workflows of ${m.code} could not be played:\n${failures.join('\n')}`);
      await client.query('commit');
      reports.push(report);
      opts.log?.(describeDemoWorkflowReport(report));
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      await client.end();
    }
  }
  return reports;
}

interface StepState {
  id: string;
  key: string;
  kind: string;
  status: string;
  actor_position_ids: string[] | null;
  actor_staff_ids: string[] | null;
  committee_id: string | null;
}

async function playRequest(p: Player, r: DemoRequestSeed, now: Date): Promise<boolean> {
  const filed = await p.q('select 1 from request where municipality_id = $1 and idempotency_key = $2', [p.mid, r.key]);
  if (filed.length) return false;
  const filedOn = addBusinessDays(localDateAt(now, TZ), -r.filedDaysAgo);
  const requester = await p.holder(r.requesterPositionKey, filedOn);
  // The content names holders and newcomers: a first call collects which, resolved before the filing.
  const holders = new Map<string, string>();
  const newcomers = new Map<string, string>();
  const missing = (what: string): never => {
    throw new Error(`demo request ${r.key}: ${what} not resolved`);
  };
  const refs: DemoRefs = {
    id: (key) => idOf(p.code, key),
    holder: (positionKey) => holders.get(positionKey) ?? missing(positionKey),
    dataItem: (assetKey, name) => idOf(p.code, `${assetKey}#${name}`),
    withoutAccount: (systemKey, orgUnitKey) => newcomers.get(`${systemKey}|${orgUnitKey}`) ?? missing(`${systemKey} in ${orgUnitKey}`),
    filedOn,
    fiscalYear: fiscalYearOf(filedOn),
    daysAfterFiling: (days) => addDays(filedOn, days),
  };
  r.content({
    ...refs,
    holder: (positionKey) => (holders.set(positionKey, ''), ''),
    withoutAccount: (systemKey, orgUnitKey) => (newcomers.set(`${systemKey}|${orgUnitKey}`, ''), ''),
  });
  for (const key of holders.keys()) holders.set(key, await p.holder(key, filedOn));
  for (const key of newcomers.keys()) {
    const [systemKey, orgUnitKey] = key.split('|') as [string, string];
    const [row] = await p.q<{ id: string }>(
      `with recursive units as (select id from org_unit where id = $1 union all select o.id from org_unit o join units u on o.parent_id = u.id)
       select s.id from staff s join position_tenure t on t.staff_id = s.id and t.valid_from <= $3::date and (t.valid_to is null or t.valid_to > $3::date)
         join position x on x.id = t.position_id
        where x.org_unit_id in (select id from units) and not exists (select 1 from account a where a.staff_id = s.id and a.system_id = $2)
        order by s.employee_number limit 1`,
      [idOf(p.code, orgUnitKey), idOf(p.code, systemKey), filedOn],
    );
    if (!row) throw new Error(`demo request ${r.key}: nobody in ${orgUnitKey} without an account on ${systemKey}`);
    newcomers.set(key, row.id);
  }
  p.at(zonedInstant(filedOn, '09:30', TZ));
  const request = await submit(
    p.contextOf(requester),
    { kindKey: r.kindKey, systemId: r.systemKey ? idOf(p.code, r.systemKey) : null, content: r.content(refs) },
    r.key,
  );
  for (const [i, d] of r.decisions.entries()) {
    const on = addBusinessDays(filedOn, d.afterDays);
    const at = zonedInstant(on, `${String(10 + i).padStart(2, '0')}:00`, TZ);
    if (at.getTime() > now.getTime()) throw new Error(`demo request ${r.key}: its decision on ${d.step} would be in the future`);
    p.at(at);
    await playDecision(p, r, request.id, d, on);
  }
  const [state] = await p.q<{ status: string }>('select status from request where id = $1', [request.id]);
  const steps = await stepsOf(p, request.id);
  const open = steps.filter((s) => s.status === 'open');
  const stage =
    state!.status !== 'in_progress'
      ? state!.status
      : open.some((s) => s.committee_id)
        ? 'at_committee'
        : steps.some((s) => s.status === 'done' && s.kind !== 'inform')
          ? 'in_review'
          : 'submitted';
  if (stage !== r.stage) {
    throw new Error(`demo request ${r.key}: left ${stage} (steps: ${steps.map((s) => `${s.key} ${s.status}`).join(', ')}), not ${r.stage}`);
  }
  return true;
}

async function stepsOf(p: Player, requestId: string): Promise<StepState[]> {
  return p.q(
    `select s.id, s.key, s.kind, s.status, s.actor_position_ids, s.actor_staff_ids, s.actor_committee_id as committee_id
       from request_step s join request r on r.id = s.request_id where s.request_id = $1 and s.round = r.round order by s.seq`,
    [requestId],
  );
}

async function playDecision(p: Player, r: DemoRequestSeed, requestId: string, d: DemoDecisionSeed, on: string): Promise<void> {
  const steps = await stepsOf(p, requestId);
  // Of the open steps with the key (one per owner or section), the one of the deciding position if it has one.
  const candidates = steps.filter((s) => s.key === d.step && s.status === 'open');
  const step = candidates.find((s) => d.byPositionKey && s.actor_position_ids?.includes(idOf(p.code, d.byPositionKey))) ?? candidates[0];
  if (!step) {
    const open = steps.filter((s) => s.status === 'open').map((s) => s.key);
    throw new Error(`demo request ${r.key}: no open step ${d.step} (open: ${open.join(', ') || 'none'})`);
  }
  if (step.committee_id) throw new Error(`demo request ${r.key}: ${d.step} is a committee's, decided at its meeting`);
  const decider = d.byPositionKey
    ? await p.holder(d.byPositionKey, on)
    : (step.actor_staff_ids?.[0] ?? (await firstHolder(p, step.actor_position_ids ?? [], on)) ?? null);
  if (!decider) throw new Error(`demo request ${r.key}: nobody to decide ${d.step}`);
  await decide(p.contextOf(decider), {
    stepId: step.id,
    decision: d.decision,
    comment: d.comment,
    record: d.record ?? null,
    idempotencyKey: `${r.key}#${d.step}`,
  });
}

async function firstHolder(p: Player, positionIds: string[], on: string): Promise<string | undefined> {
  const rows = await p.q<{ staff_id: string; position_id: string }>(
    `select t.staff_id, t.position_id from position_tenure t where t.position_id = any($1::uuid[]) and t.valid_from <= $2::date and (t.valid_to is null or t.valid_to > $2::date)`,
    [positionIds, on],
  );
  for (const id of positionIds) {
    const found = rows.find((x) => x.position_id === id);
    if (found) return found.staff_id;
  }
  return undefined;
}

async function playMeeting(p: Player, m: DemoMeetingSeed, now: Date): Promise<boolean> {
  const committeeId = idOf(p.code, m.committeeKey);
  if ((await p.q('select 1 from meeting where committee_id = $1 limit 1', [committeeId])).length) return false;
  let heldOn = addDays(localDateAt(now, TZ), m.inDays);
  while (!isBusinessDay(heldOn)) heldOn = addDays(heldOn, 1);
  p.at(now);
  const secretary = await p.holder(m.calledByPositionKey, localDateAt(now, TZ));
  await createMeeting(p.contextOf(secretary), { committeeId, heldOn, startTime: m.startTime, endTime: m.endTime, place: m.place });
  return true;
}

async function playIncident(p: Player, i: DemoIncidentSeed, now: Date): Promise<boolean> {
  const systemId = idOf(p.code, i.systemKey);
  if ((await p.q('select 1 from incident where system_id = $1 and title = $2', [systemId, i.title])).length) return false;
  const reportedAt = new Date(now.getTime() - i.reportedHoursAgo * HOUR);
  const handler = await p.holder(i.reportedByPositionKey, localDateAt(reportedAt, TZ));
  const ctx = p.contextOf(handler);
  p.at(reportedAt);
  const incident = await reportIncident(ctx, {
    systemId,
    title: i.title,
    description: i.description,
    occurredAt: new Date(now.getTime() - i.occurredHoursAgo * HOUR),
    severity: i.severity,
    residentsAffected: i.residentsAffected,
    degradedOperation: i.degradedOperation,
  });
  if (i.recovering) {
    const at = new Date(reportedAt.getTime() + i.recovering.afterHours * HOUR);
    p.at(at);
    await updateIncident(ctx, incident.id, {
      status: 'recovering',
      note: i.recovering.note,
      cause: i.recovering.cause,
      recoveryEta: new Date(at.getTime() + i.recovering.etaHours * HOUR),
    });
  }
  if (i.resolved) {
    const resolvedAt = new Date(reportedAt.getTime() + i.resolved.afterHours * HOUR);
    p.at(resolvedAt);
    await resolveIncident(ctx, incident.id, { resolvedAt, cause: i.resolved.cause });
    p.at(new Date(reportedAt.getTime() + i.resolved.analysedAfterHours * HOUR));
    await recordIncidentAnalysis(ctx, incident.id, { analysis: i.resolved.analysis, preventiveMeasures: i.resolved.preventiveMeasures });
  }
  return true;
}
