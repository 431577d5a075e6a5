import { exec, nowOf, one, rows, type Db } from './sql.ts';

export interface MunicipalityRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  prefecture: string;
  time_zone: string;
  classification_scale: string;
  rulebook_ids: string[];
}

export async function municipalityByCode(db: Db, code: string): Promise<MunicipalityRow | undefined> {
  return one<MunicipalityRow>(db, 'select * from municipality where code = $1', [code]);
}

export async function municipalityById(db: Db, id: string): Promise<MunicipalityRow | undefined> {
  return one<MunicipalityRow>(db, 'select * from municipality where id = $1', [id]);
}

export interface SignInStaffRow {
  id: string;
  username: string;
  family_name: string;
  given_name: string;
  password_hash: string | null;
  registry_admin: boolean;
}

/** Needs the tenant set on the transaction (RLS). */
export async function staffForSignIn(db: Db, username: string): Promise<SignInStaffRow | undefined> {
  return one<SignInStaffRow>(db, 'select id, username, family_name, given_name, password_hash, registry_admin from staff where username = $1', [username]);
}

/** Seconds until this address may try this username again (0: now). Needs the tenant set (RLS). */
export async function signInWaitSeconds(db: Db, username: string, clientAddress: string): Promise<number> {
  const row = await one<{ wait: number }>(
    db,
    `select ceil(extract(epoch from blocked_until - $3::timestamptz))::int as wait
       from sign_in_throttle where username = $1 and client_address = $2 and blocked_until > $3`,
    [username, clientAddress, nowOf(db)],
  );
  return row ? Math.max(1, row.wait) : 0;
}

/**
 * Counts a wrong password (or an unknown username) from an address and returns the failures since its
 * last sign-in under that name; a count whose last failure is older than `forgetAfterHours` starts
 * over. Rows of other keys quiet for that long are dropped on the way.
 */
export async function recordSignInFailure(db: Db, municipalityId: string, username: string, clientAddress: string, forgetAfterHours: number): Promise<number> {
  const row = await one<{ failures: number }>(
    db,
    `insert into sign_in_throttle as t (municipality_id, username, client_address, failures, last_failure_at, blocked_until)
     values ($1, $2, $3, 1, $5, null)
     on conflict (username, client_address, municipality_id) do update
       set failures = case when t.last_failure_at < $5::timestamptz - make_interval(hours => $4) then 1 else t.failures + 1 end,
           last_failure_at = $5
     returning failures`,
    [municipalityId, username, clientAddress, forgetAfterHours, nowOf(db)],
  );
  await exec(
    db,
    `delete from sign_in_throttle where last_failure_at < $4::timestamptz - make_interval(hours => $3)
        and (blocked_until is null or blocked_until < $4) and not (username = $1 and client_address = $2)`,
    [username, clientAddress, forgetAfterHours, nowOf(db)],
  );
  return row!.failures;
}

/** No attempt from the address under the name is checked for `seconds` from now. */
export async function blockSignIns(db: Db, username: string, clientAddress: string, seconds: number): Promise<void> {
  await exec(db, 'update sign_in_throttle set blocked_until = $4::timestamptz + make_interval(secs => $3) where username = $1 and client_address = $2', [username, clientAddress, seconds, nowOf(db)]);
}

/** A sign-in from the address: its count under the name starts over. */
export async function clearSignInFailures(db: Db, username: string, clientAddress: string): Promise<void> {
  await exec(db, 'delete from sign_in_throttle where username = $1 and client_address = $2', [username, clientAddress]);
}

export async function insertSession(db: Db, municipalityId: string, staffId: string, tokenHash: string, expiresAt: Date): Promise<string> {
  const row = await one<{ id: string }>(
    db,
    `insert into session (id, municipality_id, staff_id, token_hash, created_at, expires_at, last_seen_at)
     values (gen_random_uuid(), $1, $2, $3, $5, $4, $5) returning id`,
    [municipalityId, staffId, tokenHash, expiresAt, nowOf(db)],
  );
  return row!.id;
}

export interface ResolvedSession {
  session_id: string;
  municipality_id: string;
  staff_id: string;
  expires_at: Date;
  registry_admin: boolean;
  authz_epoch: string;
}

/** The session of a token hash, if it is neither revoked nor over at `at` (the product's clock). */
export async function resolveSession(db: Db, tokenHash: string, at: Date): Promise<ResolvedSession | undefined> {
  return one<ResolvedSession>(db, 'select * from resolve_session($1, $2)', [tokenHash, at]);
}

export interface ResolvedApiToken {
  token_id: string;
  municipality_id: string;
  created_by_id: string;
  scopes: string[];
}

export async function resolveApiToken(db: Db, tokenHash: string): Promise<ResolvedApiToken | undefined> {
  return one<ResolvedApiToken>(db, 'select * from resolve_api_token($1)', [tokenHash]);
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await exec(db, 'update session set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, nowOf(db)]);
}

export interface ViewerRow {
  id: string;
  username: string | null;
  family_name: string;
  given_name: string;
  registry_admin: boolean;
}

export async function viewerStaff(db: Db, staffId: string): Promise<ViewerRow | undefined> {
  return one<ViewerRow>(db, 'select id, username, family_name, given_name, registry_admin from staff where id = $1', [staffId]);
}

export interface ApiTokenRow {
  id: string;
  name: string;
  scopes: string[];
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

export async function insertApiToken(db: Db, municipalityId: string, createdBy: string, name: string, scopes: string[], tokenHash: string): Promise<ApiTokenRow> {
  const row = await one<ApiTokenRow>(
    db,
    `insert into api_token (id, municipality_id, created_by_id, name, scopes, token_hash, created_at)
     values (gen_random_uuid(), $1, $2, $3, $4, $5, $6) returning id, name, scopes, created_at, last_used_at, revoked_at`,
    [municipalityId, createdBy, name, scopes, tokenHash, nowOf(db)],
  );
  return row!;
}

export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return rows<ApiTokenRow>(db, 'select id, name, scopes, created_at, last_used_at, revoked_at from api_token order by created_at desc');
}

export async function revokeApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  return one<ApiTokenRow>(
    db,
    `update api_token set revoked_at = coalesce(revoked_at, $2) where id = $1
     returning id, name, scopes, created_at, last_used_at, revoked_at`,
    [id, nowOf(db)],
  );
}
