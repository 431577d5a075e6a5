import { sql, type InferResult } from 'kysely';
import { first, nowOf, one, run, tables, type Db, type Stored } from './sql.ts';

const municipalities = () => tables.selectFrom('municipality').selectAll();

export type MunicipalityRow = Stored<InferResult<ReturnType<typeof municipalities>>[number]>;

export async function municipalityByCode(db: Db, code: string): Promise<MunicipalityRow | undefined> {
  return first(db, municipalities().where('code', '=', code));
}

export async function municipalityById(db: Db, id: string): Promise<MunicipalityRow | undefined> {
  return first(db, municipalities().where('id', '=', id));
}

const signInStaff = (username: string) =>
  tables
    .selectFrom('staff')
    .select(['id', 'username', 'family_name', 'given_name', 'password_hash', 'registry_admin'])
    .where('username', '=', username)
    .$narrowType<{ username: string }>();

export type SignInStaffRow = Stored<InferResult<ReturnType<typeof signInStaff>>[number]>;

/** Needs the tenant set on the transaction (RLS). */
export async function staffForSignIn(db: Db, username: string): Promise<SignInStaffRow | undefined> {
  return first(db, signInStaff(username));
}

/** `$at::timestamptz ± make_interval(unit => $n)`: Kysely calls functions with positional arguments only. */
const shifted = (at: Date, sign: '+' | '-', unit: 'hours' | 'secs', n: number) =>
  sql<Date>`${at}::timestamptz ${sql.raw(sign)} make_interval(${sql.raw(unit)} => ${n})`;

/** Seconds until this address may try this username again (0: now). Needs the tenant set (RLS). */
export async function signInWaitSeconds(db: Db, username: string, clientAddress: string): Promise<number> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .selectFrom('sign_in_throttle')
      // extract(epoch from …): a form Kysely's builder does not have.
      .select(sql<number>`ceil(extract(epoch from ${sql.ref('blocked_until')} - ${now}::timestamptz))::int`.as('wait'))
      .where('username', '=', username)
      .where('client_address', '=', clientAddress)
      .where('blocked_until', '>', now),
  );
  return row ? Math.max(1, row.wait) : 0;
}

/**
 * Counts a wrong password (or an unknown username) from an address and returns the failures since its
 * last sign-in under that name; a count whose last failure is older than `forgetAfterHours` starts
 * over. Rows of other keys quiet for that long are dropped on the way.
 */
export async function recordSignInFailure(db: Db, municipalityId: string, username: string, clientAddress: string, forgetAfterHours: number): Promise<number> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .insertInto('sign_in_throttle')
      .values({ municipality_id: municipalityId, username, client_address: clientAddress, failures: 1, last_failure_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.columns(['username', 'client_address', 'municipality_id']).doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_throttle.last_failure_at', '<', shifted(now, '-', 'hours', forgetAfterHours))
            .then(1)
            .else(eb(eb.ref('sign_in_throttle.failures'), '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .returning('failures'),
  );
  await run(
    db,
    tables
      .deleteFrom('sign_in_throttle')
      .where('last_failure_at', '<', shifted(now, '-', 'hours', forgetAfterHours))
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
      .where((eb) => eb.not(eb.and([eb('username', '=', username), eb('client_address', '=', clientAddress)]))),
  );
  return row!.failures;
}

/** No attempt from the address under the name is checked for `seconds` from now. */
export async function blockSignIns(db: Db, username: string, clientAddress: string, seconds: number): Promise<void> {
  await run(
    db,
    tables
      .updateTable('sign_in_throttle')
      .set({ blocked_until: shifted(nowOf(db), '+', 'secs', seconds) })
      .where('username', '=', username)
      .where('client_address', '=', clientAddress),
  );
}

/** A sign-in from the address: its count under the name starts over. */
export async function clearSignInFailures(db: Db, username: string, clientAddress: string): Promise<void> {
  await run(db, tables.deleteFrom('sign_in_throttle').where('username', '=', username).where('client_address', '=', clientAddress));
}

export async function insertSession(db: Db, municipalityId: string, staffId: string, tokenHash: string, expiresAt: Date): Promise<string> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .insertInto('session')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: municipalityId,
        staff_id: staffId,
        token_hash: tokenHash,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
      }))
      .returning('id'),
  );
  return row!.id;
}

/** What resolve_session returns (a function of the migrations, outside the entities Kysely's types come from). */
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
  // One statement: a security-definer function (it reads across tenants under RLS), typed at this boundary.
  return one<ResolvedSession>(db, 'select * from resolve_session($1, $2)', [tokenHash, at]);
}

/** What resolve_api_token returns (a function of the migrations, outside the entities). */
export interface ResolvedApiToken {
  token_id: string;
  municipality_id: string;
  created_by_id: string;
  scopes: string[];
}

export async function resolveApiToken(db: Db, tokenHash: string): Promise<ResolvedApiToken | undefined> {
  // A security-definer function (it reads across tenants under RLS), typed at this boundary.
  return one<ResolvedApiToken>(db, 'select * from resolve_api_token($1)', [tokenHash]);
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await run(
    db,
    tables
      .updateTable('session')
      .set({ revoked_at: nowOf(db) })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null),
  );
}

const viewers = () => tables.selectFrom('staff').select(['id', 'username', 'family_name', 'given_name', 'registry_admin']);

export type ViewerRow = Stored<InferResult<ReturnType<typeof viewers>>[number]>;

export async function viewerStaff(db: Db, staffId: string): Promise<ViewerRow | undefined> {
  return first(db, viewers().where('id', '=', staffId));
}

const API_TOKEN_COLUMNS = ['id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

const apiTokens = () => tables.selectFrom('api_token').select(API_TOKEN_COLUMNS);

export type ApiTokenRow = Stored<InferResult<ReturnType<typeof apiTokens>>[number]>;

export async function insertApiToken(
  db: Db,
  municipalityId: string,
  createdBy: string,
  name: string,
  scopes: string[],
  tokenHash: string,
): Promise<ApiTokenRow> {
  const row = await first(
    db,
    tables
      .insertInto('api_token')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: municipalityId,
        created_by_id: createdBy,
        name,
        scopes,
        token_hash: tokenHash,
        created_at: nowOf(db),
      }))
      .returning(API_TOKEN_COLUMNS),
  );
  return row!;
}

export async function listApiTokens(db: Db): Promise<ApiTokenRow[]> {
  return run(db, apiTokens().orderBy('created_at', 'desc'));
}

export async function revokeApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  return first(
    db,
    tables
      .updateTable('api_token')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(nowOf(db))) }))
      .where('id', '=', id)
      .returning(API_TOKEN_COLUMNS),
  );
}
