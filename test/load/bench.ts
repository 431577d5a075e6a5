// npm run bench — figures, not assertions. Prints latency percentiles, throughput and SQL
// statements per request for the registry's integrator queries, and the cold-start time of
// `npm start` on an empty data directory.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tsukasa/db';
import { startStack } from '../support/stack.ts';
import { startTestGateway } from '@tsukasa/gateway/testing';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const LIST_100 = `{ systems(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name businessContent
  lifecycleStatus managingOrgUnit { name path } usingOrgUnits { name } informationAssets { name owners { name } } } } } }`;

interface Row { name: string; p50: number; p95: number; p99: number; rps: number; statements: number; errors: number }

async function load(url: string, token: string, name: string, query: string, countStatements: () => Promise<number>, connections = CONNECTIONS): Promise<Row> {
  const body = JSON.stringify({ query });
  const opts = { url: `${url}/graphql`, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body, connections };
  // Counted alone, before any load (a count taken while requests are in flight would include
  // theirs), on the second call (the first fills per-epoch caches).
  await countStatements();
  const statements = await countStatements();
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, pool, plan cache
  const latencies: number[] = [];
  // The returned value is both a promise of the result and an emitter of per-response events.
  const run = autocannon({ ...opts, duration: DURATION }) as unknown as Promise<autocannon.Result> & {
    on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const r = await run;
  await new Promise((ok) => setTimeout(ok, 1000)); // let requests cut off at the deadline finish
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1));
  return { name, p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: r.requests.average, statements, errors: r.errors + r.non2xx };
}

async function coldStart(): Promise<{ firstAnswerMs: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tsukasa-cold-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/gateway/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), TSUKASA_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation { signIn(municipality: "arakawa", username: "admin", password: "demo-admin-pass") { token } }' }),
        });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 120_000) throw new Error('cold start took over 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { firstAnswerMs: performance.now() - started };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

const stack = await startStack();
let authzRatio = NaN;
let inboxNote = '';
let agendaNote = '';
let authzAuditRatio = NaN;
try {
  const token = await stack.gateway.signIn('arakawa');
  const one = (await stack.gateway.gql<{ systems: { edges: { node: { id: string } }[] } }>('{ systems(first: 1) { edges { node { id } } } }', {}, { token })).data!.systems.edges[0]!.node.id;
  const BY_ID = `{ system(id: "${one}") { id name businessContent managingOrgUnit { name } informationAssets { name owners { name } } } }`;
  const statementsOf = (q: string) => async () => (await stack.gateway.countStatements(() => stack.gateway.gql(q, {}, { token }))).statements.length;
  const rows: Row[] = [];
  rows.push(await load(stack.url, token, 'systems(first: 100) linked, 1 connection', LIST_100, statementsOf(LIST_100), 1));
  rows.push(await load(stack.url, token, `systems(first: 100) linked, ${CONNECTIONS} conn.`, LIST_100, statementsOf(LIST_100)));
  rows.push(await load(stack.url, token, 'system(id) with assets and owners', BY_ID, statementsOf(BY_ID)));
  // Field-level authorization: the same 100-row list with a protected field, read by the owner of
  // the staff-contacts asset (every value shown), on three gateways over copies of the same data:
  // checks and read audit (the product), read audit only, neither. Rounds interleaved.
  const auditOnly = await startTestGateway(stack.clusterUrl, { fieldAuthorization: 'audit-only' });
  const off = await startTestGateway(stack.clusterUrl, { fieldAuthorization: 'off' });
  try {
    const hr = (await stack.gateway.admin.query(`select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.name = '職員課長' and t.valid_to is null`)).rows[0].staff_id;
    const gateways = [
      { name: 'checks + read audit (product)', g: stack.gateway },
      { name: 'read audit only', g: auditOnly },
      { name: 'neither', g: off },
    ];
    for (const { g } of gateways) {
      await g.admin.query(`update staff set username = 'hr', password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = 'arakawa')) where id = $1`, [hr]);
    }
    const PROTECTED = '{ staff(first: 100) { totalCount edges { node { id displayName employeeNumber personalPhone } } } }';
    const tokens = await Promise.all(gateways.map(({ g }) => g.signIn('arakawa', 'hr')));
    const stmts = (g: typeof off, t: string) => async () => (await g.countStatements(() => g.gql(PROTECTED, {}, { token: t }))).statements.length;
    const best: Row[] = gateways.map(() => ({ name: '', p50: 0, p95: 0, p99: 0, rps: 0, statements: 0, errors: 0 }));
    for (let round = 0; round < 3; round++) {
      for (const [i, { name, g }] of gateways.entries()) {
        const r = await load(g.url, tokens[i]!, `staff(100)+personalPhone: ${name}`, PROTECTED, stmts(g, tokens[i]!));
        if (r.rps > best[i]!.rps) best[i] = r;
      }
    }
    rows.push(...best);
    authzRatio = best[0]!.rps / best[1]!.rps;
    authzAuditRatio = best[0]!.rps / best[2]!.rps;
  } finally {
    await auditOnly.stop();
    await off.stop();
  }
  // An approver's inbox with 200,000 requests in the database (issue: applications and approvals).
  // Generated by SQL in Arakawa: three steps each, a few hundred open for the approver's position.
  const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
  const approver = await stack.gateway.signIn('arakawa', 'chief');
  const generated = performance.now();
  await stack.gateway.admin.query(`
    with m as (select id from municipality where code = 'arakawa'),
         staffs as (select array_agg(id) as ids from staff where municipality_id = (select id from m)),
         sys as (select array_agg(id) as ids from system where municipality_id = (select id from m)),
         chief as (select p.id::text as pos from position p where p.key = 'ark.kanri.digital.chief'),
         others as (select array_agg(id::text) as ids from position where municipality_id = (select id from m))
    insert into request (id, municipality_id, number, kind_key, rulebook_id, system_id, requester_id, status, content, route_notes, rule_ids, round, filed_at, version, updated_at)
    select gen_random_uuid(), (select id from m), 'B-' || g, (array['user_addition','access_rights_update','system_modification','data_use_consultation'])[1 + g % 4], 'ARK',
           (select ids[1 + g % array_length(ids, 1)] from sys), (select ids[1 + g % array_length(ids, 1)] from staffs),
           case when g % 10 = 0 then 'in_progress' when g % 3 = 0 then 'rejected' else 'approved' end, '{}'::jsonb, '[]'::jsonb, '{ARK-13-1}', 1,
           now() - (g || ' minutes')::interval, 1, now()
      from generate_series(1, ${REQUESTS}) g`);
  await stack.gateway.admin.query(`
    insert into request_step (id, municipality_id, request_id, round, seq, stage, key, kind, actor, label_ja, label_en, rule_ids, status, actor_position_ids, opened_at, decision, decided_at)
    select gen_random_uuid(), r.municipality_id, r.id, 1, s.seq, s.seq, 'step' || s.seq, 'approve', '{"kind":"role"}'::jsonb, '承認', 'Approve', '{ARK-13-1}',
           case when r.status <> 'in_progress' then 'done' when s.seq = 1 then 'open' else 'waiting' end,
           array[case when substring(r.number from 3)::int % 50 = 0 then (select p.id::text from position p where p.key = 'ark.kanri.digital.chief')
                      else (select p.id::text from position p where p.municipality_id = r.municipality_id order by p.id offset (substring(r.number from 3)::int % 70) limit 1) end],
           r.filed_at, case when r.status <> 'in_progress' then 'approved' end, case when r.status <> 'in_progress' then r.filed_at end
      from request r cross join generate_series(1, 3) as s(seq) where r.number like 'B-%'`);
  await stack.gateway.admin.query('analyze request; analyze request_step');
  const generateSeconds = (performance.now() - generated) / 1000;
  const INBOX = '{ inbox(first: 50) { awaitingMe { step { id label { ja } ruleIds } request { id number kindName { ja } filedAt } } filedByMe { id number status } } }';
  const awaiting = (await stack.gateway.gql<{ inbox: { awaitingMe: unknown[] } }>(INBOX, {}, { token: approver })).data!.inbox.awaitingMe.length;
  rows.push(await load(stack.url, approver, `inbox(first: 50) of an approver, ${REQUESTS / 1000}k requests`, INBOX, statementsOf(INBOX)));
  inboxNote = `${REQUESTS.toLocaleString('en')} requests (${(REQUESTS * 3).toLocaleString('en')} steps) generated in ${generateSeconds.toFixed(1)} s; the approver sees ${awaiting} open steps on the first page`;
  // Agenda assembly (issue: committees): the steering committee with 1,000 applications awaiting
  // its decision. Creating a meeting proposes them all (loaded, ordered by rule, papers numbered,
  // inserted); each round's meeting is then cancelled so the next one proposes them again.
  const PENDING = Number(process.env.BENCH_AGENDA_ITEMS ?? 1000);
  const secretary = await stack.gateway.signIn('arakawa', 'admin');
  await stack.gateway.admin.query(`
    with m as (select id from municipality where code = 'arakawa'),
         c as (select id from committee where key = 'ark.committee.steering'),
         filer as (select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = 'ark.kanri.digital.chief' and t.valid_to is null limit 1)
    insert into request (id, municipality_id, number, kind_key, rulebook_id, requester_id, status, content, route_notes, rule_ids, round, filed_at, version, updated_at)
    select gen_random_uuid(), (select id from m), 'A-' || g, case when g % 5 = 0 then 'system_modification' else 'new_system_introduction' end, 'ARK', (select staff_id from filer), 'in_progress',
           jsonb_build_object('systemName', '申請システム' || g, 'targetFiscalYear', 2028), '[]'::jsonb, '{ARK-12-1}', 1, now() - (g || ' hours')::interval, 1, now()
      from generate_series(1, ${PENDING}) g`);
  await stack.gateway.admin.query(`
    insert into request_step (id, municipality_id, request_id, round, seq, stage, key, kind, actor, label_ja, label_en, rule_ids, status, actor_position_ids, actor_committee_id, opened_at)
    select gen_random_uuid(), r.municipality_id, r.id, 1, 2, 2, 'steering_committee', 'approve', '{"kind":"committee","committeeKey":"ark.committee.steering"}'::jsonb,
           '電子情報システム運営委員会の可否の決定', 'Steering committee decides', case when r.kind_key = 'system_modification' then '{ARK-12-4,ARK-16-1-3}'::text[] else '{ARK-12-4,ARK-16-1-2}'::text[] end,
           'open', array[(select chair_position_id::text from committee where key = 'ark.committee.steering')], (select id from committee where key = 'ark.committee.steering'), r.filed_at + interval '1 hour'
      from request r where r.number like 'A-%'`);
  await stack.gateway.admin.query('analyze request; analyze request_step');
  const steering = (await stack.gateway.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token: secretary })).data!.committees.find((c) => c.key === 'ark.committee.steering')!.id;
  const CREATE = `mutation { createMeeting(input: { committeeId: "${steering}", heldOn: "2027-01-20", place: "本庁舎5階 庁議室" }) { id items { id } } }`;
  const createTimes: number[] = [];
  let createStatements = 0;
  let proposed = 0;
  for (let round = 0; round < 8; round++) {
    const started = performance.now();
    const { result, statements } = await stack.gateway.countStatements(() => stack.gateway.gql<{ createMeeting: { id: string; items: unknown[] } }>(CREATE, {}, { token: secretary }));
    createTimes.push(performance.now() - started);
    createStatements = statements.length;
    proposed = result.data!.createMeeting.items.length;
    await stack.gateway.admin.query(`update meeting set status = 'cancelled' where id = $1`, [result.data!.createMeeting.id]);
  }
  createTimes.sort((a, b) => a - b);
  const lastMeeting = (await stack.gateway.admin.query(`select id from meeting order by created_at desc limit 1`)).rows[0].id;
  await stack.gateway.admin.query(`update meeting set status = 'draft' where id = $1`, [lastMeeting]);
  const ASSEMBLE = `{ meeting(id: "${lastMeeting}") { notProposed { ref } } }`;
  const statementsAs = (q: string, tk: string) => async () => (await stack.gateway.countStatements(() => stack.gateway.gql(q, {}, { token: tk }))).statements.length;
  rows.push(await load(stack.url, secretary, `agenda assembly over ${PENDING} pending items`, ASSEMBLE, statementsAs(ASSEMBLE, secretary)));
  agendaNote = `createMeeting proposing ${proposed} of ${PENDING} pending items: median ${createTimes[Math.floor(createTimes.length / 2)]!.toFixed(0)} ms, best ${createTimes[0]!.toFixed(0)} ms over ${createTimes.length} rounds, ${createStatements} SQL statements`;
  const cold = await coldStart();

  console.log(`\nTsukasa benchmark — ${CONNECTIONS} connections, ${DURATION} s per query after a 2 s warm-up, loopback, Node ${process.versions.node}\n`);
  console.log('query'.padEnd(52), 'p50 ms'.padStart(7), 'p95 ms'.padStart(7), 'p99 ms'.padStart(7), 'req/s'.padStart(8), 'SQL/req'.padStart(8), 'errors'.padStart(7));
  for (const r of rows) {
    console.log(r.name.padEnd(52), String(r.p50).padStart(7), String(r.p95).padStart(7), String(r.p99).padStart(7), r.rps.toFixed(0).padStart(8), String(r.statements).padStart(8), String(r.errors).padStart(7));
  }
  console.log(`\nratio: list of 100 / by id throughput = ${(rows[1]!.rps / rows[2]!.rps).toFixed(2)}`);
  console.log(`ratio: field-level checks on / off, reads audited in both (100 rows, protected field, best of 3 interleaved rounds) = ${authzRatio.toFixed(2)}  (target ≥ 0.80)`);
  console.log(`ratio: checks + read audit / neither = ${authzAuditRatio.toFixed(2)}  (the audit of personal-information reads is required, MNT-19-3)`);
  console.log(`inbox: ${inboxNote}`);
  console.log(`agenda: ${agendaNote}`);
  console.log(`cold start (empty data dir: initdb, migrations, demo data of 4 municipalities) to first answer: ${(cold.firstAnswerMs / 1000).toFixed(1)} s`);
} finally {
  await stack.stop();
}
