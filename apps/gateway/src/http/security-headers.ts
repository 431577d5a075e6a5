// Security headers of every response: the admin app (a SvelteKit SPA) and the GraphQL API.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Features the product never uses, denied to the page and to anything it might embed. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * The SHA-256 hashes (CSP form) of the inline scripts of the app shell. SvelteKit's static adapter
 * writes one inline bootstrap script into 200.html (it imports the entry modules); allowing
 * exactly that script by hash keeps `'unsafe-inline'` out of script-src.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '') || !m[2]) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** Content-Security-Policy of the admin app: its own origin only, its one inline script by hash. */
export function appContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    // Svelte writes style attributes (and the shell has one): inline styles stay allowed; they run no code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Content-Security-Policy of API answers (JSON): nothing may load or run from them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface SecurityHeaderOptions {
  /** Strict-Transport-Security is sent when the gateway runs behind HTTPS (secure cookies on). */
  https: boolean;
  /**
   * The built admin app's shell, whose inline scripts are allowed by hash. The shell itself is
   * sent with the policy of the bytes sent (AppShell.send, http/app-shell.ts); other responses get
   * the last one's.
   */
  appShell?: { policy(): string };
}

export function securityHeaders(opts: SecurityHeaderOptions) {
  const noShellPolicy = appContentSecurityPolicy([]);
  return (req: Request, res: Response, next: NextFunction): void => {
    const appPolicy = opts.appShell?.policy() ?? noShellPolicy;
    const api = req.path === '/graphql' || req.path.startsWith('/graphql/');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    res.setHeader('Content-Security-Policy', api ? API_CONTENT_SECURITY_POLICY : appPolicy);
    // Answers carry personal information: no shared or browser cache keeps them.
    if (api) res.setHeader('Cache-Control', 'no-store');
    if (opts.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
