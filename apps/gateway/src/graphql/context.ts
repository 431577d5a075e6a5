import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestDb } from './request-db.ts';
import type { TenantPool } from './tenant-pool.ts';
import type { Loaders } from './loaders.ts';
import type { Authz } from './request-authz.ts';
import type { FieldAuthorizationMode, Viewer } from './viewer.ts';

export type { FieldAuthorizationMode, Viewer } from './viewer.ts';

export interface Context {
  requestId: string;
  /** The address the request came from (the TCP peer): sign-in throttling keys on it. */
  clientAddress: string;
  orm: MikroORM;
  viewer: Viewer | null;
  db: RequestDb;
  /** The connections requests run on (a new RequestDb takes one). */
  tenants: TenantPool;
  loaders: Loaders;
  /** Set a cookie on the HTTP response (admin-app sessions). */
  setCookie(name: string, value: string, opts: { maxAgeSeconds: number }): void;
  clearCookie(name: string): void;
  sessionTtlHours: number;
  /** Field-level authorization of the request (viewer facts, decisions, audited reads). */
  authz: Authz;
  /**
   * 'enforce' in the product. 'audit-only' (reads audited, nothing checked) and 'off' exist only for
   * the benchmark that measures what the checks and the read audit each cost.
   */
  fieldAuthorization: FieldAuthorizationMode;
  /** The instant decisions are taken at (tests move it). */
  now(): Date;
}
