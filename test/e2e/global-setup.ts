import type { FullConfig } from '@playwright/test';

/**
 * Starts the whole product once for the run: a throw-away embedded PostgreSQL with the demo
 * data of all four municipalities, the gateway and the built admin app on a free port.
 * With E2E_BASE_URL already set (a stack started by hand), that stack is used instead.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  if (process.env.E2E_BASE_URL) return async () => {};
  const { startStack } = await import('../support/stack.ts');
  const stack = await startStack();
  process.env.E2E_BASE_URL = stack.url;
  return async () => {
    await stack.stop();
  };
}
