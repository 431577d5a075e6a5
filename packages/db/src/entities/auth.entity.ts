import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Municipality } from './tenancy.entity.ts';
import { Staff } from './organization.entity.ts';

/** Server-side session: only the SHA-256 of the token is stored. */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    staff: () => p.manyToOne(Staff),
    tokenHash: p.string().length(64).unique(),
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
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    municipality: () => p.manyToOne(Municipality).index(false),
    createdBy: () => p.manyToOne(Staff),
    name: p.string().length(100),
    scopes: p.array().$type<string[]>(),
    tokenHash: p.string().length(64).unique(),
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
  indexes: [{ properties: ['municipality', 'lastFailureAt'] }],
  properties: {
    username: p.string().length(60).primary(),
    clientAddress: p.string().length(64).primary(),
    municipality: () => p.manyToOne(Municipality).primary(),
    failures: p.integer(),
    lastFailureAt: p.datetime(),
    blockedUntil: p.datetime().nullable(),
  },
});
