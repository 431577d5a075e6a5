import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Staff } from './organization.entity.ts';
import { sameMunicipality, tenant } from './tenant-keys.ts';

/** Server-side session: only the SHA-256 of the token is stored. */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  uniques: [{ name: 'session_token_hash_unique', properties: ['tokenHash', 'municipality'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('session_municipality_id_foreign'),
    staffId: p.uuid(),
    staff: () => sameMunicipality(Staff, 'staff_id', 'session_staff_id_foreign'),
    tokenHash: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    lastSeenAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});

/** Integrator API token: named, scoped, revocable, shown once (only its hash is stored). */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  uniques: [{ name: 'api_token_token_hash_unique', properties: ['tokenHash', 'municipality'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    municipality: () => tenant('api_token_municipality_id_foreign'),
    createdById: p.uuid(),
    createdBy: () => sameMunicipality(Staff, 'created_by_id', 'api_token_created_by_id_foreign'),
    name: p.string().length(100),
    scopes: p.array(),
    tokenHash: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

/**
 * Wrong passwords per typed username and client address: the backoff of sign-in (gateway
 * modules/auth). Keyed by what was typed, so a username that does not exist is throttled alike.
 */
export const SignInThrottle = defineEntity({
  name: 'SignInThrottle',
  tableName: 'sign_in_throttle',
  indexes: [{ name: 'sign_in_throttle_last_failure_at_index', properties: ['municipality', 'lastFailureAt'] }],
  properties: {
    username: p.string().length(60).primary(),
    clientAddress: p.string().length(64).primary(),
    municipality: () => tenant('sign_in_throttle_municipality_id_fkey'),
    /** Wrong passwords since the last sign-in from this address under this name (reset after a quiet day). */
    failures: p.integer(),
    lastFailureAt: p.datetime(),
    /** No attempt from this address under this name is checked before then. */
    blockedUntil: p.datetime().nullable(),
  },
});

/**
 * Requests per caller (API token, session or client address) in the current window of the gateway's
 * rate limit (apps/gateway/src/http/rate-limit.ts), shared by its replicas. The columns are
 * rate-limiter-flexible's: `key` with the limiter's prefix, `expire` in epoch milliseconds.
 */
export const RateLimit = defineEntity({
  name: 'RateLimit',
  tableName: 'rate_limit',
  properties: {
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    expire: p.bigint().nullable(),
  },
});
