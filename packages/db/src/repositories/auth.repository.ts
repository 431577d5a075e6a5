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
  failed_sign_ins: number;
  locked_until: Date | null;
}

/** Needs the tenant set on the transaction (RLS). */
export async function staffForSignIn(db: Db, username: string): Promise<SignInStaffRow | undefined> {
  return one<SignInStaffRow>(
    db,
    `select id, username, family_name, given_name, password_hash, registry_admin, failed_sign_ins, locked_until
       from staff where username = $1`,
    [username],
  );
}

export async function recordSignInFailure(db: Db, staffId: string, lockAfter: number, lockMinutes: number): Promise<void> {
  await exec(db, 
    `update staff set failed_sign_ins = failed_sign_ins + 1,
        locked_until = case when failed_sign_ins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
      where id = $1`,
    [staffId, lockAfter, lockMinutes],
  );
}

export async function recordSignInSuccess(db: Db, staffId: string): Promise<void> {
  await exec(db, 'update staff set failed_sign_ins = 0, locked_until = null where id = $1', [staffId]);
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
