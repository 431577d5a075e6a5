// One load run in a child process (started by bench.ts), so that the CPU time measured in the bench
// process is the servers' alone. Warm-up first, then it says 'measuring' and runs the measured part;
// it sends back the latency percentiles of every response of that part.
//
// As fast as answers come: autocannon, `connections` requests in flight. At a fixed rate: an
// open-loop pacer of its own, one request every 1/rate seconds whatever the answers do, latency
// counted from the time the request was due (autocannon's overallRate spends each connection's
// budget for the second at once, then waits for the next second: bursts, not a steady rate).
import autocannon from 'autocannon';
import { Agent, request } from 'node:http';

export interface CannonOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Fixed rate (requests per second, at most `connections` in flight); absent: as fast as answers come. */
  overallRate?: number;
}

export interface CannonResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  seconds: number;
}

type Run = Promise<autocannon.Result> & { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };

const percentile = (sorted: number[], q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1));

async function closedLoop(opts: CannonOptions): Promise<CannonResult> {
  const base = { url: opts.url, method: 'POST' as const, headers: opts.headers, body: opts.body, connections: opts.connections };
  if (opts.warmupSeconds > 0) await autocannon({ ...base, duration: opts.warmupSeconds }); // JIT, pools, plan caches
  process.send!({ kind: 'measuring' });
  const latencies: number[] = [];
  const run = autocannon({ ...base, duration: opts.seconds }) as unknown as Run;
  run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const r = await run;
  latencies.sort((a, b) => a - b);
  return {
    requests: r.requests.total,
    rps: r.requests.total / r.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: r.errors + r.non2xx + r.timeouts,
    seconds: r.duration,
  };
}

async function paced(opts: CannonOptions, rate: number, seconds: number, agent: Agent): Promise<CannonResult> {
  const url = new URL(opts.url);
  const body = Buffer.from(opts.body);
  const latencies: number[] = [];
  let errors = 0;
  const send = (due: number) =>
    new Promise<void>((done) => {
      const req = request(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...opts.headers, 'content-length': body.length } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - due);
            else errors++;
            done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        done();
      });
      req.end(body);
    });
  const interval = 1000 / rate;
  const start = performance.now();
  const sent: Promise<void>[] = [];
  let answered = 0;
  for (let i = 0; ; i++) {
    const due = start + i * interval;
    if (due >= start + seconds * 1000) break;
    // A server that cannot keep up would only queue more: past a second's worth unanswered, stop
    // (the achieved rate then shows it).
    if (i - answered > rate) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    sent.push(send(due).then(() => void answered++));
  }
  await Promise.all(sent);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors,
    seconds: elapsed,
  };
}

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2]!) as CannonOptions;
  let result: CannonResult;
  if (opts.overallRate) {
    const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
    if (opts.warmupSeconds > 0) await paced(opts, opts.overallRate, opts.warmupSeconds, agent);
    process.send!({ kind: 'measuring' });
    result = await paced(opts, opts.overallRate, opts.seconds, agent);
    agent.destroy();
  } else {
    result = await closedLoop(opts);
  }
  process.send!({ kind: 'result', result }, () => process.exit(0));
}

await main();
