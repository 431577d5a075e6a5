import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { DOCS_MODE, changedPaths, isDocsFile, treeState } from './tree-state.ts';

const STARTUP_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the whole product once for the run (test/support/stack.ts): a throw-away embedded
 * PostgreSQL with the demo data of all four municipalities, the gateway and the built admin
 * app on a free port. With E2E_BASE_URL already set (a stack started by hand), that is used.
 * At the end, the run fails if it changed the working tree (tree-state.ts).
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const before = treeState();
  const checkTree = (): void => {
    const after = treeState();
    if (!before || !after) return;
    const changed = changedPaths(before, after).filter((path) => !(DOCS_MODE && isDocsFile(path)));
    if (changed.length > 0) {
      throw new Error(
        `The browser tests changed the working tree: ${changed.join(', ')}. Tests must write nothing git tracks ` +
          '(screenshots and sample documents for the docs are written only by `npm run docs:screenshots`).',
      );
    }
  };
  if (process.env.E2E_BASE_URL) return async () => checkTree();

  const script = fileURLToPath(new URL('./stack-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    // From the repository root, whose tsconfig covers the gateway (legacy decorators) and test/.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'inherit'],
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The test stack did not start within ${STARTUP_TIMEOUT_MS / 1000} s`));
    }, STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The test stack exited before it was ready (code ${code})`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^E2E_STACK_URL=(.+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      } else {
        process.stdout.write(`[stack] ${line}\n`);
      }
    });
  });
  process.env.E2E_BASE_URL = url;

  return async () => {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    checkTree();
  };
}
