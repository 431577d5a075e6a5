// The demo workflows played through the services on the demo database: in every municipality requests
// at each stage (just filed, in review, waiting for a committee, approved, rejected), a committee
// meeting whose proposed agenda holds the requests waiting for it, incidents open and resolved — with
// their audit events on an intact chain; a second play changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChains } from '@tsukasa/db';
import { DEMO_WORKFLOWS, demoMunicipalities, type DemoRequestStage } from '@tsukasa/seed';
import { testCalendar } from '@tsukasa/domain/testing';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';
import { playDemoWorkflows, type DemoWorkflowReport } from './demo-workflows.ts';

const cal = testCalendar();
let gw: TestGateway;
let first: DemoWorkflowReport[];
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
  gw.setNow(cal.at(cal.today, '08:30'));
  first = await playDemoWorkflows(gw.databaseUrl, demoMunicipalities, DEMO_WORKFLOWS, { now: gw.now() });
}, 120_000);
afterAll(() => gw?.stop());

const STATE = `{
  requests(first: 100) { edges { node { id number status kindKey steps { key status } } } }
  meetings { title status items { title requestId } }
  incidents { title status open }
}`;

interface State {
  requests: { edges: { node: { id: string; number: string; status: string; kindKey: string; steps: { key: string; status: string }[] } }[] };
  meetings: { title: string; status: string; items: { title: string; requestId: string | null }[] }[];
  incidents: { title: string; status: string; open: boolean }[];
}

async function stateOf(code: string): Promise<State> {
  const token = await gw.signIn(code);
  const r = await gw.gql<State>(STATE, {}, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

describe('the demo workflows', () => {
  it('play every request, meeting and incident of each municipality', () => {
    expect(first).toEqual(
      demoMunicipalities.map((m) => ({
        code: m.code,
        requests: DEMO_WORKFLOWS[m.code]!.requests.length,
        meetings: DEMO_WORKFLOWS[m.code]!.meetings.length,
        incidents: DEMO_WORKFLOWS[m.code]!.incidents.length,
      })),
    );
  });

  it.each(demoMunicipalities.map((m) => m.code))('leave %s with requests at each stage, a meeting with its agenda proposed and incidents', async (code) => {
    const w = DEMO_WORKFLOWS[code]!;
    const { requests, meetings, incidents } = await stateOf(code);
    const nodes = requests.edges.map((e) => e.node);
    const count = (status: string) => nodes.filter((n) => n.status === status).length;
    const stages = (s: DemoRequestStage) => w.requests.filter((r) => r.stage === s).length;
    expect(count('APPROVED')).toBe(stages('approved'));
    expect(count('REJECTED')).toBe(stages('rejected'));
    expect(count('IN_PROGRESS')).toBe(stages('submitted') + stages('in_review') + stages('at_committee'));
    for (const s of ['submitted', 'approved', 'rejected'] as const) expect(stages(s), s).toBeGreaterThan(0);
    // Every in-progress request waits at an open step.
    for (const n of nodes.filter((x) => x.status === 'IN_PROGRESS'))
      expect(
        n.steps.some((s) => s.status === 'OPEN'),
        n.number,
      ).toBe(true);
    // One draft meeting per committee called; the requests waiting for a committee are on its proposed agenda.
    expect(meetings.map((m) => m.status)).toEqual(w.meetings.map(() => 'DRAFT'));
    const waiting = nodes.filter((n) => n.steps.some((s) => s.status === 'OPEN' && ['steering_committee', 'operations_meeting'].includes(s.key)));
    expect(waiting).toHaveLength(stages('at_committee'));
    const onAgenda = meetings.flatMap((m) => m.items.map((i) => i.requestId));
    for (const n of waiting) expect(onAgenda, n.number).toContain(n.id);
    expect(meetings.every((m) => m.items.length > 0)).toBe(true);
    // Incidents: one open and one resolved (Minato's come with its demo data).
    expect(incidents.filter((i) => i.open).length).toBeGreaterThan(0);
    expect(incidents.filter((i) => i.status === 'RESOLVED').length).toBeGreaterThan(0);
  });

  it('waits for a committee in the municipalities whose rulebooks route requests to one (ARK-12-4, KTM-13-1-2)', () => {
    expect(DEMO_WORKFLOWS.arakawa!.requests.filter((r) => r.stage === 'at_committee')).toHaveLength(1);
    expect(DEMO_WORKFLOWS.kitami!.requests.filter((r) => r.stage === 'at_committee')).toHaveLength(1);
  });

  it('records what it did in the audit log, the chains intact', async () => {
    const events = await gw.admin.query<{ code: string; action: string; n: number }>(
      `select m.code, e.action, count(*)::int as n from audit_event e join municipality m on m.id = e.municipality_id
        where e.action in ('request.submit', 'meeting.create', 'incident.report') group by 1, 2`,
    );
    for (const m of demoMunicipalities) {
      const n = (action: string) => events.rows.find((e) => e.code === m.code && e.action === action)?.n ?? 0;
      expect(n('request.submit'), m.code).toBe(DEMO_WORKFLOWS[m.code]!.requests.length);
      expect(n('incident.report'), m.code).toBe(DEMO_WORKFLOWS[m.code]!.incidents.length);
    }
    const chains = await verifyAuditChains(gw.admin);
    expect(chains.filter((c) => !c.ok)).toEqual([]);
  });

  it('a second play changes nothing', async () => {
    const before = await gw.admin.query(`select (select count(*) from request) as r, (select count(*) from meeting) as m, (select count(*) from incident) as i,
      (select count(*) from audit_event) as a, (select count(*) from request_step where status = 'done') as d`);
    const again = await playDemoWorkflows(gw.databaseUrl, demoMunicipalities, DEMO_WORKFLOWS, { now: gw.now() });
    expect(again).toEqual(demoMunicipalities.map((m) => ({ code: m.code, requests: 0, meetings: 0, incidents: 0 })));
    const after = await gw.admin.query(`select (select count(*) from request) as r, (select count(*) from meeting) as m, (select count(*) from incident) as i,
      (select count(*) from audit_event) as a, (select count(*) from request_step where status = 'done') as d`);
    expect(after.rows).toEqual(before.rows);
  });
});
