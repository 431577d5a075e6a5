// Shared by the request engine's integration tests: sign-ins for the holders of demo positions,
// filing, deciding and walking a route through the API.
import { localDateAt, type RuleId } from '@tsukasa/domain';
import { expect } from 'vitest';
import type { GqlResult, TestGateway } from '../../testing/harness.ts';

export const REQUEST_FIELDS = `id number status round kindKey rulebookId content
  steps { id key kind stage status decision decidedById decidedByName onBehalfOfId onBehalfOfName actors { type id name } ruleIds record
    committee { id key name { ja en } } meetingId }`;

export interface Step {
  id: string;
  key: string;
  kind: 'APPROVE' | 'CONSENT' | 'PERFORM' | 'CONFIRM' | 'INFORM';
  stage: number;
  status: 'WAITING' | 'OPEN' | 'DONE';
  decision: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  onBehalfOfId: string | null;
  onBehalfOfName: string | null;
  actors: { type: string; id: string; name: string }[];
  ruleIds: RuleId[];
  record: Record<string, unknown> | null;
  committee: { id: string; key: string; name: { ja: string; en: string } } | null;
  meetingId: string | null;
}

export interface Req {
  id: string;
  number: string;
  status: 'IN_PROGRESS' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  round: number;
  kindKey: string;
  rulebookId: string;
  content: Record<string, unknown>;
  steps: Step[];
}

export interface Person {
  token: string;
  staffId: string;
  name: string;
  positionKey: string;
  /** Municipality code and username, to sign in again after the test's clock moved past the session's end. */
  municipality: string;
  username: string;
}

export type Decision = 'APPROVED' | 'REJECTED' | 'RETURNED' | 'CONSENTED' | 'PERFORMED' | 'CONFIRMED';

/** The positive decision a step takes. */
export const positive = (step: Pick<Step, 'kind'>): Decision =>
  step.kind === 'PERFORM' ? 'PERFORMED' : step.kind === 'CONSENT' ? 'CONSENTED' : step.kind === 'CONFIRM' ? 'CONFIRMED' : 'APPROVED';

const SUBMIT = `mutation($i: RequestInput!, $k: String) { submitRequest(input: $i, idempotencyKey: $k) { ${REQUEST_FIELDS} } }`;
const DECIDE = `mutation($i: DecideStepInput!) { decideStep(input: $i) { ${REQUEST_FIELDS} } }`;
const REQUEST = `query($id: ID!) { request(id: $id) { ${REQUEST_FIELDS} } }`;

/** A meeting as deciding a committee's step needs it. */
interface Sitting {
  id: string;
  items: { id: string; requestId: string | null; outcome: string | null }[];
  attendees: { id: string }[];
  quorum: { met: boolean };
}
const SITTING = `id items { id requestId outcome } attendees { id } quorum { met }`;
const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${SITTING} } }`;
const REMOVE_ITEM = `mutation($id: ID!, $reason: String!) { removeAgendaItem(itemId: $id, reason: $reason) { ${SITTING} } }`;
const FREEZE_AGENDA = `mutation($m: ID!) { freezeAgenda(meetingId: $m) { ${SITTING} } }`;
const TAKE_ATTENDANCE = `mutation($m: ID!, $p: [ID!]!) { recordAttendance(meetingId: $m, presentIds: $p) { ${SITTING} } }`;
const RECORD_DECISION = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${SITTING} } }`;

export const errorCode = (r: GqlResult): unknown => r.errors?.[0]?.extensions?.code;

export function requestTools(gw: TestGateway) {
  const people = new Map<string, Person>();
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await gw.admin.query(sql, params)).rows as T[];

  /** The current holder of a demo position, signed in (demo data signs in only a few people). */
  async function holder(code: string, positionKey: string): Promise<Person> {
    const cached = people.get(positionKey);
    if (cached) return cached;
    const [row] = await q<{ staff_id: string }>(
      `select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = $1 and t.valid_from <= current_date and (t.valid_to is null or t.valid_to > current_date)`,
      [positionKey],
    );
    if (!row) throw new Error(`nobody holds ${positionKey}`);
    await gw.admin.query(
      `update staff set username = coalesce(username, $2),
         password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = $3))
       where id = $1`,
      [row.staff_id, `u.${positionKey}`, code],
    );
    const [s] = await q<{ username: string; name: string }>(`select username, family_name || ' ' || given_name as name from staff where id = $1`, [
      row.staff_id,
    ]);
    const person = { token: await gw.signIn(code, s!.username), staffId: row.staff_id, name: s!.name, positionKey, municipality: code, username: s!.username };
    people.set(positionKey, person);
    return person;
  }

  /** The holder of the position a per-owner / per-section step names as its actor. */
  async function holderOfStep(code: string, s: Step): Promise<Person> {
    const key = (await q<{ key: string }>('select key from position where id = $1', [s.actors[0]!.id]))[0]!.key;
    return holder(code, key);
  }

  const systemId = async (key: string) => (await q<{ id: string }>('select id from system where key = $1', [key]))[0]!.id;
  const staffOf = async (positionKey: string) =>
    (
      await q<{ staff_id: string }>(
        `select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = $1 and t.valid_to is null`,
        [positionKey],
      )
    )[0]!.staff_id;

  async function trySubmit(who: Person, kindKey: string, systemKey: string | null, content: Record<string, unknown>, idempotencyKey?: string) {
    return gw.gql<{ submitRequest: Req }>(
      SUBMIT,
      { i: { kindKey, systemId: systemKey ? await systemId(systemKey) : null, content }, k: idempotencyKey ?? null },
      { token: who.token },
    );
  }

  async function submit(who: Person, kindKey: string, systemKey: string | null, content: Record<string, unknown>, idempotencyKey?: string): Promise<Req> {
    const r = await trySubmit(who, kindKey, systemKey, content, idempotencyKey);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.submitRequest;
  }

  function tryDecide(
    who: Person,
    step: Pick<Step, 'id' | 'kind'>,
    decision: Decision = positive(step),
    extra: { comment?: string; record?: Record<string, unknown>; idempotencyKey?: string } = {},
  ) {
    return gw.gql<{ decideStep: Req }>(DECIDE, { i: { stepId: step.id, decision, ...extra } }, { token: who.token });
  }

  async function decide(
    who: Person,
    step: Pick<Step, 'id' | 'kind'>,
    decision: Decision = positive(step),
    extra: { comment?: string; record?: Record<string, unknown>; idempotencyKey?: string } = {},
  ): Promise<Req> {
    const r = await tryDecide(who, step, decision, extra);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.decideStep;
  }

  async function load(who: Person, id: string): Promise<Req> {
    const r = await gw.gql<{ request: Req }>(REQUEST, { id }, { token: who.token });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.request;
  }

  async function sitting<K extends string>(who: Person, query: string, variables: Record<string, unknown>, field: K): Promise<Sitting> {
    const r = await gw.gql<Record<K, Sitting>>(query, variables, { token: who.token });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data![field];
  }

  /**
   * A committee's step decided the only way it is: its committee meets today (on the gateway's clock)
   * with the request on its agenda, every member present, and `who` (its chair or secretariat)
   * records the meeting's decision. Other requests the meeting would take are left for another one.
   * Returns the request as it then stands and the meeting's id.
   */
  async function decideAtMeeting(who: Person, r: Req, stepKey: string, outcome: 'APPROVED' | 'REJECTED' = 'APPROVED', note?: string) {
    const s = step(r, stepKey);
    if (!s.committee) throw new Error(`${stepKey} is not a committee's step`);
    let m = await sitting(who, CREATE_MEETING, { i: { committeeId: s.committee.id, heldOn: localDateAt(gw.now()), place: '会議室' } }, 'createMeeting');
    const item = m.items.find((i) => i.requestId === r.id);
    if (!item) throw new Error(`request ${r.number} is not on the agenda`);
    for (const other of m.items.filter((i) => i.requestId && i.requestId !== r.id))
      m = await sitting(who, REMOVE_ITEM, { id: other.id, reason: '次回の会議で審議する' }, 'removeAgendaItem');
    m = await sitting(who, FREEZE_AGENDA, { m: m.id }, 'freezeAgenda');
    m = await sitting(who, TAKE_ATTENDANCE, { m: m.id, p: m.attendees.map((a) => a.id) }, 'recordAttendance');
    expect(m.quorum.met).toBe(true);
    await sitting(who, RECORD_DECISION, { i: { itemId: item.id, outcome, ...(note ? { note } : {}) } }, 'recordDecision');
    return { request: await load(who, r.id), meetingId: m.id };
  }

  /** A refusal of someone who is not among the step's actors: FORBIDDEN, citing the step's rules. */
  async function expectForbidden(who: Person, step: Step, ruleIds = step.ruleIds, decision: Decision = positive(step)) {
    const r = await tryDecide(who, step, decision);
    expect(errorCode(r), JSON.stringify(r.errors)).toBe('FORBIDDEN');
    expect(r.errors![0]!.extensions!.ruleIds).toEqual(ruleIds);
  }

  /** The effects an approved request applied (audited in its municipality under its number). */
  const effects = async (r: Pick<Req, 'id' | 'number'>) =>
    (
      await q<{ action: string }>(
        `select action from audit_event where action like 'effect.%' and after->>'request' = $1 and municipality_id = (select municipality_id from request where id = $2) order by seq`,
        [r.number, r.id],
      )
    ).map((e) => e.action);

  const open = (r: Req) => r.steps.filter((s) => s.status === 'OPEN');
  const step = (r: Req, key: string, subjectIndex = 0) => {
    const found = r.steps.filter((s) => s.key === key)[subjectIndex];
    if (!found) throw new Error(`no step ${key} in ${r.steps.map((s) => s.key).join(', ')}`);
    return found;
  };

  /**
   * Takes the route to its end: each open step decided positively by whoever `actorFor` names, a
   * bystander refused on each deciding step first; a committee's step is decided by its meeting,
   * which `actorFor` (its chair or secretariat) records. Returns the request and the order the steps opened.
   */
  async function walk(
    r: Req,
    actorFor: (s: Step) => Person | Promise<Person>,
    opts: { bystander?: Person; record?: (s: Step) => Record<string, unknown> | undefined } = {},
  ) {
    const opened: string[][] = [];
    let current = r;
    for (let guard = 0; guard < 60 && current.status === 'IN_PROGRESS'; guard++) {
      const now = open(current);
      if (now.length === 0) break;
      opened.push(now.map((s) => s.key));
      for (const s of now) {
        if (s.committee) {
          current = (await decideAtMeeting(await actorFor(s), current, s.key)).request;
          if (current.status !== 'IN_PROGRESS') break;
          continue;
        }
        if (opts.bystander) await expectForbidden(opts.bystander, s);
        const record = opts.record?.(s);
        current = await decide(await actorFor(s), s, positive(s), { comment: '確認しました。', ...(record ? { record } : {}) });
        if (current.status !== 'IN_PROGRESS') break;
      }
    }
    return { request: current, opened };
  }

  /**
   * decideStep on a committee's step is refused for everybody with COMMITTEE_DECIDES, citing the rules
   * that give the committee the decision, and changes nothing: the request, its steps and the audit.
   */
  async function expectCommitteeDecides(who: Person, r: Req, stepKey: string, ruleIds: RuleId[], decision: Decision = 'APPROVED') {
    const s = step(r, stepKey);
    const before = await load(who, r.id);
    const audited = async () =>
      (await q<{ n: number }>('select count(*)::int as n from audit_event where target_id::text = any($1::text[])', [[r.id, ...r.steps.map((x) => x.id)]]))[0]!
        .n;
    const auditBefore = await audited();
    const refused = await tryDecide(who, s, decision, { comment: '一人で決めます。' });
    expect(errorCode(refused), JSON.stringify(refused.errors)).toBe('COMMITTEE_DECIDES');
    const e = refused.errors![0]!;
    expect(e.extensions).toMatchObject({ ruleIds, committeeKey: s.committee!.key });
    expect(e.message).toContain(`decided by the ${s.committee!.name.en} at its meeting`);
    expect(e.extensions!.messageJa).toContain(`${s.committee!.name.ja}が会議`);
    expect(await load(who, r.id)).toEqual(before);
    expect(await audited()).toBe(auditBefore);
    return refused;
  }

  return {
    q,
    effects,
    holder,
    holderOfStep,
    systemId,
    staffOf,
    trySubmit,
    submit,
    tryDecide,
    decide,
    load,
    expectForbidden,
    expectCommitteeDecides,
    decideAtMeeting,
    open,
    step,
    walk,
  };
}

export type RequestTools = ReturnType<typeof requestTools>;
