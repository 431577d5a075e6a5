// Shared by the request engine's integration tests: sign-ins for the holders of demo positions,
// filing, deciding and walking a route through the API.
import type { RuleId } from '@tsukasa/domain';
import { expect } from 'vitest';
import type { GqlResult, TestGateway } from '../../testing/harness.ts';

export const REQUEST_FIELDS = `id number status round kindKey rulebookId content
  steps { id key kind stage status decision decidedById decidedByName onBehalfOfId onBehalfOfName actors { type id name } ruleIds record }`;

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
   * bystander refused on each deciding step first. Returns the request and the order the steps opened.
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
        if (opts.bystander) await expectForbidden(opts.bystander, s);
        const record = opts.record?.(s);
        current = await decide(await actorFor(s), s, positive(s), { comment: '確認しました。', ...(record ? { record } : {}) });
        if (current.status !== 'IN_PROGRESS') break;
      }
    }
    return { request: current, opened };
  }

  return { q, effects, holder, holderOfStep, systemId, staffOf, trySubmit, submit, tryDecide, decide, load, expectForbidden, open, step, walk };
}

export type RequestTools = ReturnType<typeof requestTools>;
