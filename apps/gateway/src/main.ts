import { createServer } from 'node:http';
import { appLoginUrl, createOrm, hashPassword, openDatabase, productRoot, seedDemo } from '@tsukasa/db';
import { systemClock } from '@tsukasa/domain';
import { createGateway } from './app.ts';
import { fileTransport, smtpTransport, startMailWorker } from './modules/requests/index.ts';
import { playDemoWorkflows } from './modules/demo/index.ts';
import { ConfigError, readGatewayEnv } from './config/env.ts';
import { describeError, jsonLogger, tracingEnabled } from './http/logger.ts';

const started = performance.now();
const log = jsonLogger();
let env;
try {
  env = readGatewayEnv(process.env, productRoot(import.meta.dirname));
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`Configuration error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}

const database = await openDatabase({
  databaseUrl: env.databaseUrl,
  appPassword: env.databaseAppPassword,
  dataDir: env.dataDir,
  log: (m) => log('info', m),
  // The embedded PostgreSQL is restarted when it dies; when it cannot be, the product exits non-zero
  // for whatever supervises it (systemd, a container runtime) to start it afresh.
  supervise: {
    log: (level, message, fields) => log(level, message, fields),
    onGiveUp: () => process.exit(3),
  },
});
// The one clock of the product: requests, decisions and the workers read the time from it.
const clock = systemClock;
// The demo data (@tsukasa/seed) is imported only when it is to be loaded: a production start never reads it.
let demoPassword: string | undefined;
if (env.seedDemo) {
  const demo = await import('@tsukasa/seed');
  await seedDemo(database.url, demo.demoMunicipalities, { hashPassword, demoPassword: demo.DEMO_PASSWORD, log: (m) => log('info', m) });
  // The workflows (requests, meetings, incidents) are played through the product's services, on its clock.
  await playDemoWorkflows(database.url, demo.demoMunicipalities, demo.DEMO_WORKFLOWS, { now: clock(), log: (m) => log('info', m) });
  demoPassword = demo.DEMO_PASSWORD;
}
// Provisioning, migrations and the demo data used the provisioning login; from here on the product
// holds only connections of the application's login (not a superuser, owning nothing).
const orm = await createOrm({ clientUrl: database.appUrl, as: 'app', poolMax: 20 });
// The replica is connected lazily: unreachable at start, the primary answers until it is back.
const readOrm = env.databaseReadUrl
  ? await createOrm({ clientUrl: appLoginUrl(env.databaseReadUrl, env.databaseAppPassword), as: 'app', poolMax: 20 })
  : undefined;
const gateway = await createGateway({
  orm,
  readOrm,
  log,
  clock,
  sessionTtlHours: env.sessionTtlHours,
  secureCookies: env.secureCookies,
  adminBuildDir: env.adminBuildDir,
  trace: tracingEnabled(process.env),
  rateLimit: env.rateLimit,
  queryLimits: env.queryLimits,
});
const mail = startMailWorker({
  databaseUrl: database.appUrl,
  clock,
  transport: env.smtpUrl ? smtpTransport(env.smtpUrl, env.mailFrom) : fileTransport(env.mailDir, env.mailFrom),
  log: (m, f) => log('warn', m, f),
});
const server = createServer(gateway.app);
server.listen(env.port, env.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const base = `http://${env.host === '0.0.0.0' ? '127.0.0.1' : env.host}:${port}`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\n  司 Tsukasa is ready in ${seconds}s\n  Admin app:   ${base}/\n  GraphQL API: ${base}/graphql\n  Demo sign-in: municipality minato | kawasaki | kitami | arakawa, user admin, password ${demoPassword ?? '(demo data not loaded)'}\n`,
  );
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log('info', `shutting down (${signal})`);
  // Drain: not ready any more (the load balancer stops routing here), no new connections, the
  // requests in flight finish — their transactions commit or roll back whole — for up to 10 s.
  gateway.markDraining();
  const closed = new Promise((ok) => server.close(ok));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((ok) => setTimeout(ok, 10_000).unref())]);
  server.closeAllConnections();
  await gateway.stop().catch(() => undefined);
  await mail.stop().catch(() => undefined);
  await orm.close(true).catch(() => undefined);
  await readOrm?.close(true).catch(() => undefined);
  await database.stop().catch((e) => log('warn', 'database stop failed', describeError(e)));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
