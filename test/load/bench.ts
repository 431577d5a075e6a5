// npm run bench — figures, not assertions. For the registry's integrator queries (system by id,
// systems list with linked data, access decision, an approver's inbox, agenda assembly): latency
// percentiles, throughput, SQL statements and CPU time per request, side by side with a peer
// (PostGraphile 5 on the same database), on the benchmark dataset (test/load/data: a large city and
// 1,741 small municipalities). Also: a fixed-rate run, statements from 10 to 1,000 rows, the
// multi-tenant cost, field-level authorization, and the cold start of `npm start`.
//
// BENCH_LARGE=1 loads the full dataset (10 million audit events); otherwise everything is at full
// size but the audit log (200,000 events). BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (2),
// BENCH_CONNECTIONS (10), BENCH_ROUNDS (3), BENCH_RATE (200) over BENCH_RATE_CONNECTIONS (50), and the
// sizes of test/load/data/sizes.ts; BENCH_SHOW_SQL=1 prints the statements of one request of each query.
import { fork, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tsukasa/db';
import { startTestGateway, type TestGateway } from '@tsukasa/gateway/testing';
import { startStack } from '../support/stack.ts';
import type { CannonOptions, CannonResult } from './cannon.ts';
import { cpuProbe, type CpuProbe } from './cpu.ts';
import { CITY_CODE, generateBenchData } from './data/generate.ts';
import { describeSizes, fullSizes, quickSizes, readSizes } from './data/sizes.ts';
import { startPeer, type Peer } from './peer.ts';
import { testCalendar } from '@tsukasa/domain/testing';

const root = fileURLToPath(new URL('../..', import.meta.url));
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = num('BENCH_SECONDS', 5);
const WARMUP = num('BENCH_WARMUP_SECONDS', 2);
const CONNECTIONS = num('BENCH_CONNECTIONS', 10);
const ROUNDS = Math.max(1, num('BENCH_ROUNDS', 3));
const RATE = num('BENCH_RATE', 200);
// At a fixed rate requests are sent on schedule (cannon.ts), at most this many in flight.
const RATE_CONNECTIONS = num('BENCH_RATE_CONNECTIONS', 50);
const LARGE = process.env.BENCH_LARGE === '1';
const sizes = readSizes(process.env, LARGE ? fullSizes : quickSizes);
const startedAt = performance.now();
const progress = (line: string) => console.error(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);

interface Row {
  name: string;
  server: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  statements: number;
  /** CPU milliseconds per request: the server's process, and PostgreSQL. */
  cpu: number;
  pgCpu: number;
  errors: number;
}

interface Target {
  name: string;
  server: string;
  url: string;
  headers: Record<string, string>;
  query: string;
  /** SQL statements of one request, counted alone before the load. */
  statements: number;
}

let probe: CpuProbe;

/** One load run: warm-up, then the measured part, in a child process; CPU sampled around it here. */
async function measure(t: Target, opts: { connections?: number; rate?: number; warmup?: number } = {}): Promise<Row> {
  const options: CannonOptions = {
    url: `${t.url}/graphql`,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...t.headers },
    body: JSON.stringify({ query: t.query }),
    connections: opts.connections ?? CONNECTIONS,
    warmupSeconds: opts.warmup ?? WARMUP,
    seconds: SECONDS,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
  };
  const child = fork(fileURLToPath(new URL('./cannon.ts', import.meta.url)), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  let before = probe.sample();
  const result = await new Promise<CannonResult>((ok, fail) => {
    child.on('message', (m: { kind: string; result?: CannonResult }) => {
      if (m.kind === 'measuring') before = probe.sample();
      else if (m.kind === 'result') ok(m.result!);
    });
    child.once('error', fail);
    child.once('exit', (code) => (code ? fail(new Error(`load generator exited with ${code}`)) : undefined));
  });
  const after = probe.sample();
  await new Promise((ok) => setTimeout(ok, 500)); // let requests cut off at the deadline finish
  const per = (ms: number) => (result.requests ? ms / result.requests : NaN);
  return {
    name: t.name,
    server: t.server,
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    rps: result.rps,
    statements: t.statements,
    cpu: per(after.node - before.node),
    pgCpu: per(after.postgres - before.postgres),
    errors: result.errors,
  };
}

const median = (rows: Row[]): Row => [...rows].sort((a, b) => a.rps - b.rps)[Math.floor(rows.length / 2)]!;

/** Every target runs once per round, in turn, so that a disturbance of the machine hits all alike; the median round is kept. */
async function interleaved(targets: Target[], rounds = ROUNDS): Promise<Row[]> {
  const runs: Row[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      progress(`round ${round + 1}/${rounds}: ${t.name} — ${t.server}`);
      runs[i]!.push(await measure(t));
    }
  }
  return runs.map(median);
}

// --- queries -------------------------------------------------------------------------------

const oursList = (
  n: number,
  after?: string,
) => `{ systems(first: ${n}${after ? `, after: "${after}"` : ''}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name businessContent
  lifecycleStatus managingOrgUnit { name } usingOrgUnits { name } informationAssets { name owners { name } } } } } }`;
const peerList = (
  n: number,
  municipalityId: string,
) => `{ allSystems(first: ${n}, condition: { municipalityId: "${municipalityId}" }, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { rowId name businessContent lifecycleStatus orgUnitByManagingOrgUnitIdAndMunicipalityId { name }
  systemUsingOrgUnitsBySystemIdAndMunicipalityId { nodes { orgUnitByOrgUnitIdAndMunicipalityId { name } } }
  informationAssetSystemsBySystemIdAndMunicipalityId { nodes { informationAssetByAssetIdAndMunicipalityId { name
    informationAssetOwnersByAssetIdAndMunicipalityId { nodes { positionByPositionIdAndMunicipalityId { name } } } } } } } } } }`;
const oursById = (id: string) => `{ system(id: "${id}") { id name businessContent managingOrgUnit { name } informationAssets { name owners { name } } } }`;
// Keys are (id, municipality_id) (migration …170000-citus-keys): PostGraphile names fields after both columns.
const peerById = (
  id: string,
  municipalityId: string,
) => `{ systemByRowIdAndMunicipalityId(rowId: "${id}", municipalityId: "${municipalityId}") { rowId name businessContent
  orgUnitByManagingOrgUnitIdAndMunicipalityId { name }
  informationAssetSystemsBySystemIdAndMunicipalityId { nodes { informationAssetByAssetIdAndMunicipalityId { name
    informationAssetOwnersByAssetIdAndMunicipalityId { nodes { positionByPositionIdAndMunicipalityId { name } } } } } } } }`;
const oursAccess = (staffId: string, systemId: string) =>
  `{ accessDecision(staffId: "${staffId}", systemId: "${systemId}") { allowed authority accountId ruleIds reasons { code message { ja en } ruleIds } } }`;
// The nearest PostGraphile query to an access decision: what the decision reads (the account, the
// holder's tenures, the system and its maintenance windows) — without the decision itself.
const peerAccess = (staffId: string, systemId: string) => `{ allAccounts(condition: { staffId: "${staffId}", systemId: "${systemId}" }) { nodes {
  rowId authorityProfile validFrom validTo suspendedAt endedAt dutyPositionId
  staffByStaffIdAndMunicipalityId { positionTenuresByStaffIdAndMunicipalityId { nodes { positionId validFrom validTo } } }
  systemBySystemIdAndMunicipalityId { lifecycleStatus rulebookId maintenanceWindowsBySystemIdAndMunicipalityId(first: 20) { nodes { kind startsAt endsAt announcedAt cancelledAt } } } } } }`;
const INBOX =
  '{ inbox(first: 50) { awaitingMe { step { id label { ja } ruleIds } request { id number kindName { ja } filedAt } } filedByMe { id number status } } }';

// --- helpers -------------------------------------------------------------------------------

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function oursTarget(g: TestGateway, token: string, name: string, query: string, server = 'Tsukasa'): Promise<Target> {
  const first = await g.gql(query, {}, { token });
  if (first.errors?.length) throw new Error(`${name}: ${JSON.stringify(first.errors)}`);
  await g.countStatements(() => g.gql(query, {}, { token })); // the first call fills per-epoch caches
  const { statements } = await g.countStatements(() => g.gql(query, {}, { token }));
  if (process.env.BENCH_SHOW_SQL === '1')
    console.error(`${name} — ${server}:\n${statements.map((q) => `  ${q.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`);
  return { name, server, url: g.url, headers: bearer(token), query, statements: statements.length };
}

async function peerTarget(
  p: Peer,
  name: string,
  query: string,
  headers: Record<string, string> = {},
  server = 'PostGraphile 5 (owner, no RLS)',
): Promise<Target> {
  const first = await p.gql(query, headers);
  if (first.errors?.length) throw new Error(`peer ${name}: ${JSON.stringify(first.errors)}`);
  await p.gql(query, headers);
  const { statements } = await p.countStatements(() => p.gql(query, headers));
  return { name, server, url: p.url, headers, query, statements };
}

function dbUrlOf(g: TestGateway): string {
  const c = g.admin as unknown as { user: string; password: string; host: string; port: number; database: string };
  return `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/${c.database}`;
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

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(
    'query'.padEnd(44),
    'server'.padEnd(34),
    'p50 ms'.padStart(7),
    'p95 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'req/s'.padStart(7),
    'SQL/req'.padStart(7),
    'CPU ms/req'.padStart(10),
    'PG CPU'.padStart(7),
    'errors'.padStart(6),
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(44),
      r.server.padEnd(34),
      fmt(r.p50).padStart(7),
      fmt(r.p95).padStart(7),
      fmt(r.p99).padStart(7),
      fmt(r.rps, 0).padStart(7),
      String(r.statements).padStart(7),
      fmt(r.cpu, 2).padStart(10),
      fmt(r.pgCpu, 2).padStart(7),
      String(r.errors).padStart(6),
    );
  }
}
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

// --- the run -------------------------------------------------------------------------------

const notes: string[] = [];
const load0 = loadavg()[0]!;
const stack = await startStack();
progress('stack started (demo data of the four municipalities)');
const big = await startTestGateway(stack.clusterUrl);
let peer: Peer | undefined;
try {
  probe = await cpuProbe(stack.gateway.admin);
  // The benchmark dataset, in a copy of the demo database (so the four municipalities are there too).
  progress(`loading the benchmark dataset: ${describeSizes(sizes)}`);
  const report = await generateBenchData(dbUrlOf(big), sizes, { log: progress });
  const loadedRows = report.tables.reduce((n, t) => n + t.rows, 0);
  notes.push(
    `dataset: ${describeSizes(sizes)} — ${loadedRows.toLocaleString('en')} rows loaded with COPY in ${(report.totalMs / 1000).toFixed(0)} s ` +
      `(audit_event ${(() => {
        const a = report.tables.find((t) => t.table === 'audit_event');
        return a ? `${Math.round(a.rows / (a.ms / 1000)).toLocaleString('en')} rows/s with hashes` : 'none';
      })()})`,
  );

  // The large city's integrator: an API token with registry:read and access:read.
  const cityAdmin = await big.signIn(CITY_CODE, 'admin');
  const created = await big.gql<{ createApiToken: { token: string } }>(
    'mutation { createApiToken(input: { name: "bench integrator", scopes: ["registry:read", "access:read"] }) { token } }',
    {},
    { token: cityAdmin },
  );
  if (!created.data?.createApiToken) throw new Error(`createApiToken: ${JSON.stringify(created.errors)}`);
  const integrator = created.data.createApiToken.token;
  const cityId = report.city.id;
  const q1 = (sql: string, params: unknown[] = []) => big.admin.query(sql, params).then((r) => r.rows[0]);
  // A system of the city with its assets; an open account of someone on a system in service.
  const systemId = (
    await q1(
      `select s.id from system s where s.municipality_id = $1 and exists (select 1 from information_asset_system a where a.system_id = s.id) order by s.key limit 1`,
      [cityId],
    )
  ).id as string;
  const account = await q1(
    `select a.staff_id, a.system_id from account a join system s on s.id = a.system_id
    where a.municipality_id = $1 and a.ended_at is null and a.suspended_at is null and a.valid_to is null and s.lifecycle_status = 'in_service' order by a.created_at limit 1`,
    [cityId],
  );
  peer = await startPeer(dbUrlOf(big));
  progress('peer started: PostGraphile 5 on the same database');
  const rls = { 'x-municipality-id': cityId };
  const RLS = 'PostGraphile 5 (tsukasa_app, RLS)';

  // Equivalence: both sides answer the list with the same systems.
  const ourFirst = await big.gql<{ systems: { totalCount: number; edges: { node: { id: string } }[] } }>(oursList(100), {}, { token: integrator });
  const peerFirst = await peer.gql<{ allSystems: { totalCount: number; edges: { node: { rowId: string } }[] } }>(peerList(100, cityId));
  const same = ourFirst.data!.systems.edges.filter((e, i) => e.node.id === peerFirst.data?.allSystems.edges[i]?.node.rowId).length;
  notes.push(
    `list of 100: Tsukasa totalCount ${ourFirst.data!.systems.totalCount}, PostGraphile ${peerFirst.data?.allSystems.totalCount}; ${same} of 100 rows the same, in the same order`,
  );

  const targets = {
    byId: [
      await oursTarget(big, integrator, 'system by id, assets and owners', oursById(systemId)),
      await peerTarget(peer, 'system by id, assets and owners', peerById(systemId, cityId)),
    ],
    list: [
      await oursTarget(big, integrator, 'systems list of 100, linked data', oursList(100)),
      await peerTarget(peer, 'systems list of 100, linked data', peerList(100, cityId)),
    ],
    access: [
      await oursTarget(big, integrator, 'access decision (staff, system)', oursAccess(account.staff_id, account.system_id)),
      await peerTarget(peer, 'access decision (staff, system)', peerAccess(account.staff_id, account.system_id)),
    ],
  };
  const rlsTargets = [
    await peerTarget(peer, 'system by id, assets and owners', peerById(systemId, cityId), rls, RLS),
    await peerTarget(peer, 'systems list of 100, linked data', peerList(100, cityId), rls, RLS),
    await peerTarget(peer, 'access decision (staff, system)', peerAccess(account.staff_id, account.system_id), rls, RLS),
  ];

  // 1. Tsukasa and the peer, interleaved rounds.
  const compared = await interleaved([...targets.byId, ...targets.list, ...targets.access]);
  const rlsRows = await interleaved(rlsTargets, 1);
  const [byIdOurs, byIdPeer, listOurs, listPeer, accessOurs, accessPeer] = compared as [Row, Row, Row, Row, Row, Row];

  // 2. A fixed rate (BENCH_RATE requests/s, paced): the latency a steady load sees.
  const fixed: Row[] = [];
  for (const t of [targets.byId[0]!, targets.list[0]!, targets.access[0]!, targets.byId[1]!, targets.list[1]!, targets.access[1]!]) {
    progress(`fixed rate ${RATE}/s: ${t.name} — ${t.server}`);
    fixed.push({ ...(await measure(t, { rate: RATE, connections: RATE_CONNECTIONS })), name: `${t.name} @ ${RATE}/s` });
  }

  // 3. Statements from 10 to 1,000 rows. The API caps `first` at 200 (MAX_PAGE): 1,000 rows are five pages.
  const scale: string[] = [];
  for (const n of [10, 100, 200]) {
    const { statements } = await big.countStatements(() => big.gql(oursList(n), {}, { token: integrator }));
    const { statements: ps } = await peer.countStatements(() => peer!.gql(peerList(n, cityId)));
    scale.push(`${n} rows: Tsukasa ${statements.length}, PostGraphile ${ps}`);
  }
  {
    let after: string | undefined;
    const perPage: number[] = [];
    let rows = 0;
    const t0 = performance.now();
    for (let page = 0; page < 5; page++) {
      const { result, statements } = await big.countStatements(() =>
        big.gql<{ systems: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] } }>(oursList(200, after), {}, { token: integrator }),
      );
      perPage.push(statements.length);
      rows += result.data!.systems.edges.length;
      after = result.data!.systems.pageInfo.endCursor;
      if (!result.data!.systems.pageInfo.hasNextPage) break;
    }
    const ourMs = performance.now() - t0;
    const capped = await big.gql(oursList(1000), {}, { token: integrator });
    const t1 = performance.now();
    const { statements: ps, result: pr } = await peer.countStatements(() => peer!.gql<{ allSystems: { edges: unknown[] } }>(peerList(1000, cityId)));
    const peerMs = performance.now() - t1;
    scale.push(
      `1,000 rows: Tsukasa in pages of 200 (\`first: 1000\` is refused: "${capped.errors?.[0]?.message ?? 'accepted'}"), ${perPage.join(' + ')} statements for ${rows} rows in ${ourMs.toFixed(0)} ms; ` +
        `PostGraphile in one request, ${ps} statements for ${pr.data?.allSystems.edges.length} rows in ${peerMs.toFixed(0)} ms`,
    );
  }

  // 4. Multi-tenant: the same queries as a small municipality's user (kitami's administrator) on the
  // demo database (4 municipalities) and on the one holding the benchmark dataset as well.
  const tokenBefore = await stack.gateway.signIn('kitami', 'admin');
  const tokenAfter = await big.signIn('kitami', 'admin');
  const kitamiSystem = (
    await stack.gateway.gql<{ systems: { edges: { node: { id: string } }[] } }>('{ systems(first: 1) { edges { node { id } } } }', {}, { token: tokenBefore })
  ).data!.systems.edges[0]!.node.id;
  const municipalities = Number((await q1('select count(*) as n from municipality')).n);
  const tenant = await interleaved([
    await oursTarget(stack.gateway, tokenBefore, 'kitami: systems list of 100', oursList(100), 'Tsukasa, 4 municipalities'),
    await oursTarget(big, tokenAfter, 'kitami: systems list of 100', oursList(100), `Tsukasa, ${municipalities.toLocaleString('en')} municipalities`),
    await oursTarget(stack.gateway, tokenBefore, 'kitami: system by id', oursById(kitamiSystem), 'Tsukasa, 4 municipalities'),
    await oursTarget(big, tokenAfter, 'kitami: system by id', oursById(kitamiSystem), `Tsukasa, ${municipalities.toLocaleString('en')} municipalities`),
  ]);

  // 5. An approver's inbox in the large city (requests with three steps each).
  const approver = await big.signIn(CITY_CODE, 'approver');
  const awaiting = (await big.gql<{ inbox: { awaitingMe: unknown[] } }>(INBOX, {}, { token: approver })).data!.inbox.awaitingMe.length;
  const openForApprover = Number((await q1(`select count(*) as n from request_inbox_entry where actor_key = $1`, [`p:${report.city.approverPositionId}`])).n);
  progress('inbox of the approver');
  const inbox = await measure(await oursTarget(big, approver, `inbox(first: 50), ${(sizes.cityRequests / 1000).toFixed(0)}k requests`, INBOX));
  notes.push(
    `inbox: ${sizes.cityRequests.toLocaleString('en')} requests (${(sizes.cityRequests * 3).toLocaleString('en')} steps) in the large city; the approver (デジタル推進課長) has ${openForApprover} open steps, ${awaiting} on the first page`,
  );

  // 6. Field-level authorization (as before): the same 100-row list with a protected field, read by the
  // owner of the staff-contacts asset, on three gateways over copies of the demo data: checks and read
  // audit (the product), read audit only, neither.
  const auditOnly = await startTestGateway(stack.clusterUrl, { fieldAuthorization: 'audit-only' });
  const off = await startTestGateway(stack.clusterUrl, { fieldAuthorization: 'off' });
  let authz: Row[];
  try {
    const hr = (
      await stack.gateway.admin.query(
        `select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.name = '職員課長' and t.valid_to is null`,
      )
    ).rows[0].staff_id;
    const gateways = [
      { name: 'checks + read audit (product)', g: stack.gateway },
      { name: 'read audit only', g: auditOnly },
      { name: 'neither', g: off },
    ];
    for (const { g } of gateways) {
      await g.admin.query(
        `update staff set username = 'hr', password_hash = (select password_hash from staff where username = 'admin' and municipality_id = (select id from municipality where code = 'arakawa')) where id = $1`,
        [hr],
      );
    }
    const PROTECTED = '{ staff(first: 100) { totalCount edges { node { id displayName employeeNumber personalPhone } } } }';
    const list: Target[] = [];
    for (const { name, g } of gateways) list.push(await oursTarget(g, await g.signIn('arakawa', 'hr'), 'arakawa staff(100) + personalPhone', PROTECTED, name));
    authz = await interleaved(list, Math.min(ROUNDS, 2));
  } finally {
    await off.stop();
    await auditOnly.stop();
  }

  // 7. Agenda assembly (committees): the steering committee with 1,000 applications awaiting its
  // decision, in Arakawa on the demo database. Creating a meeting proposes them all; each round's
  // meeting is then cancelled so the next one proposes them again.
  const g = stack.gateway;
  const PENDING = num('BENCH_AGENDA_ITEMS', 1000);
  const secretary = await g.signIn('arakawa', 'admin');
  await g.admin.query(`
    with m as (select id from municipality where code = 'arakawa'),
         filer as (select t.staff_id from position_tenure t join position p on p.id = t.position_id where p.key = 'ark.kanri.digital.chief' and t.valid_to is null limit 1)
    insert into request (id, municipality_id, number, kind_key, rulebook_id, requester_id, status, content, route_notes, rule_ids, round, filed_at, version, updated_at)
    select gen_random_uuid(), (select id from m), 'A-' || g, case when g % 5 = 0 then 'system_modification' else 'new_system_introduction' end, 'ARK', (select staff_id from filer), 'in_progress',
           jsonb_build_object('systemName', '申請システム' || g, 'targetFiscalYear', 2028), '[]'::jsonb, '{ARK-12-1}', 1, now() - (g || ' hours')::interval, 1, now()
      from generate_series(1, ${PENDING}) g`);
  await g.admin.query(`
    insert into request_step (id, municipality_id, request_id, round, seq, stage, key, kind, actor, label_ja, label_en, rule_ids, status, actor_position_ids, actor_committee_id, opened_at)
    select gen_random_uuid(), r.municipality_id, r.id, 1, 2, 2, 'steering_committee', 'approve', '{"kind":"committee","committeeKey":"ark.committee.steering"}'::jsonb,
           '電子情報システム運営委員会の可否の決定', 'Steering committee decides', case when r.kind_key = 'system_modification' then '{ARK-12-4,ARK-16-1-3}'::text[] else '{ARK-12-4,ARK-16-1-2}'::text[] end,
           'open', array[(select chair_position_id::text from committee where key = 'ark.committee.steering')], (select id from committee where key = 'ark.committee.steering'), r.filed_at + interval '1 hour'
      from request r where r.number like 'A-%'`);
  await g.admin.query('analyze request; analyze request_step');
  const steering = (await g.gql<{ committees: { id: string; key: string }[] }>('{ committees { id key } }', {}, { token: secretary })).data!.committees.find(
    (c) => c.key === 'ark.committee.steering',
  )!.id;
  const CREATE = `mutation { createMeeting(input: { committeeId: "${steering}", heldOn: "${testCalendar().businessDay(30)}", place: "本庁舎5階 庁議室" }) { id items { id } } }`;
  const createTimes: number[] = [];
  let createStatements = 0;
  let proposed = 0;
  progress('agenda assembly');
  for (let round = 0; round < 8; round++) {
    const started = performance.now();
    const { result, statements } = await g.countStatements(() => g.gql<{ createMeeting: { id: string; items: unknown[] } }>(CREATE, {}, { token: secretary }));
    createTimes.push(performance.now() - started);
    createStatements = statements.length;
    proposed = result.data!.createMeeting.items.length;
    await g.admin.query(`update meeting set status = 'cancelled' where id = $1`, [result.data!.createMeeting.id]);
  }
  createTimes.sort((a, b) => a - b);
  const lastMeeting = (await g.admin.query(`select id from meeting order by created_at desc limit 1`)).rows[0].id;
  await g.admin.query(`update meeting set status = 'draft' where id = $1`, [lastMeeting]);
  const agenda = await measure(
    await oursTarget(g, secretary, `agenda assembly, ${PENDING} pending items`, `{ meeting(id: "${lastMeeting}") { notProposed { ref } } }`),
  );
  notes.push(
    `agenda: createMeeting proposing ${proposed} of ${PENDING} pending items: median ${createTimes[Math.floor(createTimes.length / 2)]!.toFixed(0)} ms, best ${createTimes[0]!.toFixed(0)} ms over ${createTimes.length} rounds, ${createStatements} SQL statements`,
  );

  progress('cold start');
  const cold = await coldStart();

  // --- report ------------------------------------------------------------------------------
  console.log(`\nTsukasa benchmark — ${LARGE ? 'BENCH_LARGE=1 (full dataset)' : 'default (audit log reduced; BENCH_LARGE=1 for 10 million events)'}`);
  console.log(
    `${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per run, median of ${ROUNDS} interleaved rounds (field checks: ${Math.min(ROUNDS, 2)}); loopback;`,
  );
  console.log(
    `Node ${process.versions.node}, ${cpus().length} CPUs, load average ${load0.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end. The gateways and the peer run in this process, the load generator`,
  );
  console.log("in a child; CPU ms/req = this process's CPU time / requests, PG CPU = the PostgreSQL cluster's (all servers share it).");
  for (const n of notes) console.log(`- ${n}`);
  printTable('Tsukasa and PostGraphile 5 on the same database (large city, integrator token; the peer as the owner role — no RLS)', compared);
  printTable('PostGraphile 5 under RLS (role tsukasa_app, app.municipality_id from a trusted header, one round)', rlsRows);
  printTable(
    `Fixed rate: ${RATE} requests/s sent on schedule (open loop; latency from when each request was due; at most ${RATE_CONNECTIONS} in flight)`,
    fixed,
  );
  printTable("Multi-tenant: the same queries as kitami's administrator before and after loading the benchmark municipalities", tenant);
  printTable('Other integrator and staff queries', [inbox, agenda, ...authz]);

  const ratio = (a: Row, b: Row) => a.rps / b.rps;
  // CPU per request (server process + PostgreSQL) moves less than throughput when the machine is shared.
  const cpuOf = (r: Row) => r.cpu + r.pgCpu;
  const cpuRatio = (a: Row, b: Row) => `CPU per request ${fmt(cpuOf(a), 2)} vs ${fmt(cpuOf(b), 2)} ms (× ${(cpuOf(a) / cpuOf(b)).toFixed(1)})`;
  console.log('\nTargets');
  console.log(
    `  system by id: Tsukasa / PostGraphile throughput = ${ratio(byIdOurs, byIdPeer).toFixed(2)} (target ≥ 1.0: ${verdict(ratio(byIdOurs, byIdPeer) >= 1)}); under RLS: ${ratio(byIdOurs, rlsRows[0]!).toFixed(2)}; ${cpuRatio(byIdOurs, byIdPeer)}`,
  );
  console.log(
    `  access decision: Tsukasa / PostGraphile's account lookup = ${ratio(accessOurs, accessPeer).toFixed(2)} (target ≥ 1.0: ${verdict(ratio(accessOurs, accessPeer) >= 1)}); under RLS: ${ratio(accessOurs, rlsRows[2]!).toFixed(2)}; ${cpuRatio(accessOurs, accessPeer)}`,
  );
  console.log("    (the decision is Tsukasa's own logic — account, tenures, calendar, maintenance; PostGraphile only reads the same rows)");
  console.log(
    `  systems list of 100 with linked data: ${ratio(listOurs, listPeer).toFixed(2)} (target ≥ 0.8: ${verdict(ratio(listOurs, listPeer) >= 0.8)}); under RLS: ${ratio(listOurs, rlsRows[1]!).toFixed(2)}; ${cpuRatio(listOurs, listPeer)}`,
  );
  for (const r of fixed.slice(0, 3))
    console.log(
      `  p99 at ${RATE}/s, ${r.name.replace(` @ ${RATE}/s`, '')}: ${fmt(r.p99)} ms at ${fmt(r.rps, 0)} req/s achieved (target < 50 ms: ${verdict(r.p99 < 50 && r.rps >= RATE * 0.95)})`,
    );
  console.log('  statements per request of the systems list with linked data, by page size (target: constant):');
  for (const line of scale) console.log(`    ${line}`);
  for (let i = 0; i < tenant.length; i += 2) {
    const [a, b] = [tenant[i]!, tenant[i + 1]!];
    const p50 = b.p50 / a.p50;
    console.log(
      `  multi-tenant, ${a.name}: p50 ${fmt(a.p50)} → ${fmt(b.p50)} ms (× ${p50.toFixed(2)}), throughput × ${ratio(b, a).toFixed(2)} (target within 1.5×: ${verdict(p50 <= 1.5 && ratio(a, b) <= 1.5)}); ${cpuRatio(b, a)}`,
    );
  }
  console.log(
    `  field-level checks on / off, reads audited in both = ${ratio(authz[0]!, authz[1]!).toFixed(2)} (target ≥ 0.80); checks + read audit / neither = ${ratio(authz[0]!, authz[2]!).toFixed(2)} (the audit of personal-information reads is required, MNT-19-3)`,
  );
  console.log(`  cold start (empty data dir: initdb, migrations, demo data of 4 municipalities) to first answer: ${(cold.firstAnswerMs / 1000).toFixed(1)} s`);
  console.log(`\nwhole run: ${((performance.now() - startedAt) / 1000 / 60).toFixed(1)} min`);
} finally {
  await peer?.stop();
  await big.stop();
  await stack.stop();
}
