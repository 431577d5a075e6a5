// vitest globalSetup: one throw-away PostgreSQL cluster for the whole run, with a migrated and
// seeded template database that each test file copies (CREATE DATABASE … TEMPLATE, ~50 ms).
import type { TestProject } from 'vitest/node';
import { startTestCluster } from './index.ts';

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  return async () => {
    await cluster.stop();
  };
}
