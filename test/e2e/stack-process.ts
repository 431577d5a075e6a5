// Runs the test stack in its own Node process (under tsx, like `npm start`): the gateway uses
// legacy parameter decorators, which Playwright's own TypeScript transform cannot compile.
// Prints `E2E_STACK_URL=<url>` once ready; stops the stack on SIGTERM/SIGINT or when the
// parent closes stdin (so a crashed test run leaves no database behind).
import { startStack } from '../support/stack.ts';

const stack = await startStack({ requireAdmin: true });
process.stdout.write(`E2E_STACK_URL=${stack.url}\n`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await stack.stop();
  } finally {
    process.exit(0);
  }
}

process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.resume();
