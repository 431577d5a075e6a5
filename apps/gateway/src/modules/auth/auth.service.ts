import { auditRepo, authRepo, toDate, verifyPassword, type MikroORM } from '@tsukasa/db';
import { apiTokenInputErrors, SIGN_IN_FAILED, signInInputErrors, type Clock } from '@tsukasa/domain';
import type { Context, Viewer } from '../../graphql/context.ts';
import { AppError, badInput, rateLimited } from '../../graphql/errors.ts';
import { RequestDb } from '../../graphql/request-db.ts';
import type { TenantPool } from '../../graphql/tenant-pool.ts';
import type { ViewerCache } from './viewer-cache.ts';
import { API_TOKEN_PREFIX, SESSION_PREFIX, looksLikeToken, newToken, tokenHash } from './tokens.ts';

/**
 * Sign-in throttling, per typed username AND client address (never per account alone: anyone could
 * then lock anyone out, and only existing accounts would be locked — telling which ones exist).
 * The first FREE_SIGN_IN_FAILURES wrong passwords from an address under a name cost nothing; each
 * further one makes that address wait before its next try under that name — 30 s, doubling up to
 * 15 minutes. Other addresses, and the right password from them, are not affected. A sign-in from
 * the address, or a quiet day, starts the count over. The general per-address request limit
 * (http/rate-limit.ts) is in front of this.
 */
export const FREE_SIGN_IN_FAILURES = 5;
export const FIRST_BACKOFF_SECONDS = 30;
export const MAX_BACKOFF_SECONDS = 15 * 60;
export const FORGET_FAILURES_AFTER_HOURS = 24;

/** How long an address waits after its n-th wrong password in a row under a name (0: not at all). */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2 ** Math.min(failures - FREE_SIGN_IN_FAILURES, 16));
}

const signInFailed = () => new AppError('UNAUTHENTICATED', SIGN_IN_FAILED.en, { messageJa: SIGN_IN_FAILED.ja });

export interface SignInResult {
  token: string;
  expiresAt: Date;
  municipalityId: string;
  staffId: string;
  registryAdmin: boolean;
}

/**
 * Sign-in needs the tenant before the tenant's tables are readable: the municipality is found by
 * its public code, then the staff row is read in a transaction carrying that tenant (RLS).
 * Unknown municipality, unknown user and wrong password give the same answer, after the same work:
 * a password hash is verified either way (a decoy for an unknown name), and an unknown name is
 * throttled and audited exactly like a known one.
 */
export async function signIn(
  orm: MikroORM,
  tenants: TenantPool,
  request: { requestId: string; clientAddress: string },
  input: { municipality: string; username: string; password: string },
  ttlHours: number,
): Promise<SignInResult> {
  const errors = signInInputErrors(input);
  if (errors.length) throw badInput(errors);

  const municipality = await authRepo.municipalityByCode(orm.em.fork(), input.municipality);
  if (!municipality) {
    await verifyPassword(null, input.password);
    throw signInFailed();
  }
  const { requestId, clientAddress } = request;
  const db = new RequestDb(tenants, municipality.id);
  let committed = false;
  try {
    const em = await db.em();
    // Keyed by the name as typed: the same answer whether or not such an account exists.
    const wait = await authRepo.signInWaitSeconds(em, input.username, clientAddress);
    if (wait > 0) throw rateLimited(wait);
    const staff = await authRepo.staffForSignIn(em, input.username);
    const ok = await verifyPassword(staff?.password_hash ?? null, input.password);
    if (!staff || !ok) {
      const failures = await authRepo.recordSignInFailure(em, municipality.id, input.username, clientAddress, FORGET_FAILURES_AFTER_HOURS);
      const backoff = backoffSeconds(failures);
      if (backoff > 0) await authRepo.blockSignIns(em, input.username, clientAddress, backoff);
      // The audit trail of failed sign-ins: who was tried (the account, or the unknown name), from where.
      await auditRepo.appendAuditEvents(em, municipality.id, [
        {
          actorStaffId: null,
          action: 'auth.sign_in_failed',
          targetType: 'staff',
          targetId: staff?.id ?? null,
          after: { username: input.username, clientAddress, failures, ...(backoff > 0 ? { backoffSeconds: backoff } : {}) },
          ruleIds: [],
          requestId,
        },
      ]);
      await db.finish(true);
      committed = true;
      throw signInFailed();
    }
    await authRepo.clearSignInFailures(em, input.username, clientAddress);
    const now = tenants.clock();
    const token = newToken(SESSION_PREFIX);
    // A session ends `ttlHours` after sign-in on the gateway's clock, the clock that also decides whether it is still valid.
    const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
    const sessionId = await authRepo.insertSession(em, municipality.id, staff.id, tokenHash(token), expiresAt);
    await auditRepo.appendAuditEvents(em, municipality.id, [
      { actorStaffId: staff.id, action: 'auth.sign_in', targetType: 'session', targetId: sessionId, after: { clientAddress }, ruleIds: [], requestId },
    ]);
    await db.finish(true);
    committed = true;
    return { token, expiresAt, municipalityId: municipality.id, staffId: staff.id, registryAdmin: staff.registry_admin };
  } finally {
    if (!committed) await db.finish(false).catch(() => undefined);
  }
}

/** Resolves a bearer token or session cookie to a viewer; anything else is anonymous. */
/**
 * The viewer a token stands for: a staff member's session or an integrator's API token. Through
 * `cache` (modules/auth/viewer-cache.ts) when the gateway runs one.
 */
export async function resolveViewer(orm: MikroORM, token: string | undefined, clock: Clock, cache?: ViewerCache): Promise<Viewer | null> {
  if (!token || !looksLikeToken(token)) return null;
  const hash = tokenHash(token);
  const lookUp = () => lookUpViewer(orm, token, hash, clock());
  return cache ? cache.resolve(hash, lookUp) : ((await lookUp())?.viewer ?? null);
}

async function lookUpViewer(orm: MikroORM, token: string, hash: string, at: Date): Promise<{ viewer: Viewer; expiresAt?: Date } | null> {
  const em = orm.em.fork();
  if (token.startsWith(SESSION_PREFIX)) {
    const s = await authRepo.resolveSession(em, hash, at);
    return s
      ? {
          viewer: { kind: 'staff', municipalityId: s.municipality_id, staffId: s.staff_id, sessionId: s.session_id, registryAdmin: s.registry_admin },
          expiresAt: toDate(s.expires_at),
        }
      : null;
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const t = await authRepo.resolveApiToken(em, hash);
    return t ? { viewer: { kind: 'token', municipalityId: t.municipality_id, staffId: t.created_by_id, tokenId: t.token_id, scopes: t.scopes } } : null;
  }
  return null;
}

export const TOKEN_SCOPES = ['registry:read', 'registry:write', 'access:read', 'committees:read'] as const;

export async function createApiToken(ctx: Context, input: { name: string; scopes: string[] }) {
  const viewer = ctx.viewer!;
  const scopes = [...new Set(input.scopes)];
  const errors = apiTokenInputErrors(input, scopes, TOKEN_SCOPES);
  if (errors.length) throw badInput(errors);
  const db = await ctx.db.em();
  const token = newToken(API_TOKEN_PREFIX);
  const row = await authRepo.insertApiToken(db, viewer.municipalityId, viewer.staffId, input.name.trim(), scopes, tokenHash(token));
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      actorStaffId: viewer.staffId,
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: row.id,
      after: { name: row.name, scopes },
      ruleIds: [],
      requestId: ctx.requestId,
    },
  ]);
  return { token, row };
}
