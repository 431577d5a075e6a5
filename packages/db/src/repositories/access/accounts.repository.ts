// Accounts on systems (the open one, else the most recently ended), the feed login systems sync
// from, and password reset requests.
import type { RuleId } from '@tsukasa/domain';
import { expressionBuilder, sql, type InferResult } from 'kysely';
import type { Database } from '../../entities/kysely.types.ts';
import { anyOf, first, nowOf, run, tables, toDate, type Db, type Stored } from '../sql.ts';

const accountColumns = expressionBuilder<Database & { a: Database['account'] }, 'a'>();

const ACCOUNT_FIELDS = [
  'id',
  'staff_id',
  'system_id',
  'authority_profile',
  'valid_from',
  'valid_to',
  'duty_position_id',
  'suspended_at',
  'suspension_reason',
  'suspension_rule_ids',
  'ended_at',
  'end_reason',
  'purpose',
  'operator_approved_by_id',
  'operator_approved_at',
  'rule_ids',
  'version',
  'updated_at',
] as const;

/** The feed position as text (bigint), for the accounts feed's cursor. The access decision's one statement reads these columns too (facts.repository.ts decisionFacts). */
export const ACCOUNT_COLUMNS = [...ACCOUNT_FIELDS.map((c) => `a.${c}` as const), accountColumns.cast<string>('a.change_seq', 'text').as('change_seq')];

/** The same columns as an insert returns them (Kysely's insertInto takes no alias). */
const INSERTED_ACCOUNT_COLUMNS = [...ACCOUNT_FIELDS, expressionBuilder<Database, 'account'>().cast<string>('change_seq', 'text').as('change_seq')];

const accounts = () => tables.selectFrom('account as a').select(ACCOUNT_COLUMNS);

export type AccountRow = Stored<InferResult<ReturnType<typeof accounts>>[number]>;

/** The account a person has on a system: the open one, else the most recently ended. */
export async function accountOf(db: Db, staffId: string, systemId: string): Promise<AccountRow | undefined> {
  return first(
    db,
    accounts()
      .where('a.staff_id', '=', staffId)
      .where('a.system_id', '=', systemId)
      .orderBy((eb) => eb('a.ended_at', 'is', null), 'desc')
      .orderBy('a.valid_from', 'desc')
      .limit(sql.lit(1)),
  );
}

export async function accountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  return run(db, accounts().where('a.id', '=', anyOf(ids, 'uuid')));
}

export async function accountsOfSystem(db: Db, systemId: string, firstN: number, afterId: string | null): Promise<{ rows: AccountRow[]; totalCount: number }> {
  const page = await run(
    db,
    accounts()
      .where('a.system_id', '=', systemId)
      .$if(afterId != null, (q) => q.where('a.id', '>', afterId!))
      .orderBy('a.id')
      .limit(firstN),
  );
  const total = await first(
    db,
    tables
      .selectFrom('account')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('system_id', '=', systemId),
  );
  return { rows: page, totalCount: total?.n ?? 0 };
}

export async function accountsOfStaff(db: Db, staffIds: readonly string[]): Promise<AccountRow[]> {
  return run(db, accounts().where('a.staff_id', '=', anyOf(staffIds, 'uuid')).orderBy('a.valid_from'));
}

/**
 * Changes to a system's accounts after a cursor, for login systems to sync. Only changes whose
 * transaction is older than every transaction still in progress are returned, so a change can
 * never appear later with a smaller sequence number than one already handed out.
 */
export async function accountChanges(db: Db, systemId: string, afterSeq: string, firstN: number): Promise<AccountRow[]> {
  return run(
    db,
    accounts()
      .where('a.system_id', '=', systemId)
      .where('a.change_seq', '>', (eb) => eb.cast<bigint>(eb.val(afterSeq), 'bigint'))
      .where('a.change_xid', '<', (eb) => eb.fn<string>('pg_snapshot_xmin', [eb.fn('pg_current_snapshot')]))
      .orderBy('a.change_seq')
      .limit(firstN),
  );
}

export const dateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

// ---- writes ---------------------------------------------------------------------------------

export async function insertAccount(
  db: Db,
  a: {
    municipalityId: string;
    staffId: string;
    systemId: string;
    authorityProfile: string;
    validFrom: Date;
    validTo: Date | null;
    dutyPositionId: string | null;
    /** KTM-12-1: what the account is used for. */
    purpose?: string | null;
    ruleIds: readonly RuleId[];
  },
): Promise<AccountRow> {
  const now = nowOf(db);
  const row = await first(
    db,
    tables
      .insertInto('account')
      .values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: a.municipalityId,
        staff_id: a.staffId,
        system_id: a.systemId,
        authority_profile: a.authorityProfile,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        duty_position_id: a.dutyPositionId,
        purpose: a.purpose ?? null,
        rule_ids: [...a.ruleIds],
        change_seq: sql<bigint>`0`,
        version: 1,
        created_at: now,
        updated_at: now,
      }))
      .returning(INSERTED_ACCOUNT_COLUMNS),
  );
  return row!;
}

export async function updateAccountIfVersion(
  db: Db,
  id: string,
  version: number,
  patch: Partial<
    Record<'suspended_at' | 'suspension_reason' | 'ended_at' | 'end_reason' | 'operator_approved_by_id' | 'operator_approved_at', Date | string | null>
  > & { suspension_rule_ids?: RuleId[] | null },
): Promise<AccountRow | undefined> {
  return first(
    db,
    tables
      .updateTable('account as a')
      .set({
        ...(patch as Partial<Record<'suspended_at' | 'ended_at' | 'operator_approved_at', Date | null>> & { suspension_rule_ids?: RuleId[] | null }),
        version: (eb) => eb(eb.ref('a.version'), '+', 1),
        updated_at: nowOf(db),
      })
      .where('a.id', '=', id)
      .where('a.version', '=', version)
      .returning(ACCOUNT_COLUMNS),
  );
}

export async function insertPasswordResetRequest(db: Db, municipalityId: string, accountId: string): Promise<string> {
  const row = await first(
    db,
    tables
      .insertInto('password_reset_request')
      .values((eb) => ({ id: eb.fn<string>('gen_random_uuid'), municipality_id: municipalityId, account_id: accountId, requested_at: nowOf(db) }))
      .returning('id'),
  );
  return row!.id;
}
