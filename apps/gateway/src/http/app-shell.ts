// The admin app's shell (200.html, which SvelteKit's static adapter writes) and the
// Content-Security-Policy that allows exactly its inline bootstrap script.
//
// The build directory may be rebuilt while the gateway runs (a test run or a developer beside
// `npm start`): each build writes a new inline script (it names the build's entry modules and
// version) and removes the previous build's modules. So the shell is read when it is served and
// its policy is computed from the very bytes sent — a page always runs under the hash of the script
// it carries, and always names modules that exist. While the file cannot be read (a rebuild has
// emptied the directory), the last shell read is served with its own policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import { appContentSecurityPolicy, inlineScriptHashes } from './security-headers.ts';

export interface ShellSnapshot {
  html: Buffer;
  /** The Content-Security-Policy allowing this shell's inline scripts by hash. */
  policy: string;
}

export class AppShell {
  readonly #path: string;
  #last: ShellSnapshot | null = null;

  constructor(buildDir: string) {
    this.#path = join(buildDir, '200.html');
    this.read();
  }

  /** The shell as it is on disk now, or the last one read when it cannot be read. */
  read(): ShellSnapshot | null {
    let html: Buffer;
    try {
      html = readFileSync(this.#path);
    } catch {
      return this.#last;
    }
    if (this.#last && this.#last.html.equals(html)) return this.#last;
    this.#last = { html, policy: appContentSecurityPolicy(inlineScriptHashes(html.toString('utf8'))) };
    return this.#last;
  }

  /** The policy of the shell last read (for the app's other responses: its modules, styles …). */
  policy(): string {
    return this.#last?.policy ?? appContentSecurityPolicy([]);
  }

  /** Sends the shell with the policy of exactly these bytes. */
  send(res: Response): void {
    const shell = this.read();
    if (!shell) {
      res.status(503).type('text/plain').send('The admin app is being built. Reload in a moment.');
      return;
    }
    res.setHeader('Content-Security-Policy', shell.policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(shell.html);
  }
}
