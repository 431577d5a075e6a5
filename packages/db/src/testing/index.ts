import type {} from 'vitest';
// Real PostgreSQL for tests: one throw-away embedded cluster per test run (vitest globalSetup),
// a template database migrated and seeded once, and a fresh copy of it per test file.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, demoMunicipalities } from '@tsukasa/seed';
import { startEmbeddedPostgres } from '../runtime/embedded-postgres.ts';
import { appLoginUrl, migrate, provisionRolesAndSchema, withDatabase } from '../runtime/provision.ts';
import { seedDemo } from '../seed/demo-seeder.ts';
import { hashPassword } from '../seed/password.ts';

export const TEMPLATE_DB = 'tsukasa_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throw-away cluster (see global-setup.ts). */
    pgAdminUrl: string;
  }
}

export async function startTestCluster(opts: { seed?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'tsukasa-test-'));
  const cluster = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const url = await provisionRolesAndSchema(cluster.adminUrl, { createDatabase: TEMPLATE_DB });
  await migrate(url);
  if (opts.seed !== false) {
    await seedDemo(url, demoMunicipalities, {
      hashPassword,
      demoPassword: DEMO_PASSWORD,
    });
  }
  return {
    adminUrl: cluster.adminUrl,
    async stop() {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase {
  /** The superuser's URL of the copy (assertions, tampering, the owner's tools). */
  url: string;
  /** The application's login on the copy: what the gateway connects with. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh database copied from the seeded template. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`create database ${name} template ${TEMPLATE_DB} owner tsukasa_owner`);
  await c.end();
  const url = withDatabase(adminUrl, name);
  return {
    url,
    appUrl: appLoginUrl(url),
    async drop() {
      const d = new pg.Client({ connectionString: adminUrl });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

export { CONFINED, probeConfinement } from './confinement.ts';
