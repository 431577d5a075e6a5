// The form ledger (帳票等管理台帳, KWO-5-2) of each using place, and the disposal of forms past their
// retention (KWO-9-3, KWO-9-4): decideLedgerEntry, decideFormDisposal.
import { randomUUID } from 'node:crypto';
import { registersRepo } from '@tsukasa/db';
import { FORM_LEDGER_RULE_IDS, decideFormDisposal, decideLedgerEntry, type DisposalMethod } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { notFound } from '../../graphql/errors.ts';
import { placeOrThrow } from './check-sheets.service.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, todayOf } from './register-support.ts';

export async function formLedger(ctx: Context, orgUnitId: string | null): Promise<registersRepo.LedgerEntryRow[]> {
  if (orgUnitId) idOrThrow(orgUnitId, ['orgUnitId']);
  return registersRepo.ledgerEntries(await ctx.db.em(), { orgUnitId });
}

export interface LedgerEntryInput {
  orgUnitId: string;
  formName: string;
  information: string;
  storagePlace: string;
  createdOn: string;
  retentionYears?: number | null;
}

/** KWO-5-2: the システム利用責任者 enters a form in the place's ledger (第1号様式). */
export async function addFormLedgerEntry(ctx: Context, input: LedgerEntryInput): Promise<registersRepo.LedgerEntryRow> {
  const db = await ctx.db.em();
  await placeOrThrow(db, input.orgUnitId, FORM_LEDGER_RULE_IDS);
  const d = allowedOrThrow(decideLedgerEntry(input, await actorOf(ctx, db), todayOf(ctx)));
  const id = randomUUID();
  await registersRepo.insertLedgerEntry(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    orgUnitId: input.orgUnitId,
    formName: input.formName.trim(),
    information: input.information.trim(),
    storagePlace: input.storagePlace.trim(),
    createdOn: input.createdOn,
    retentionYears: input.retentionYears ?? null,
    by: ctx.viewer!.staffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  await audit(ctx, db, 'form_ledger_entry', id, d.audit);
  return (await registersRepo.ledgerEntryById(db, id))!;
}

/** KWO-9-3: the forms were made unreadable and disposed of; who and when is recorded. */
export async function recordFormDisposal(
  ctx: Context,
  input: { entryId: string; method: DisposalMethod; disposedOn: string; note?: string | null },
): Promise<registersRepo.LedgerEntryRow> {
  idOrThrow(input.entryId, ['input', 'entryId']);
  const db = await ctx.db.em();
  const entry = await registersRepo.ledgerEntryById(db, input.entryId, { lock: true });
  if (!entry) throw notFound('Ledger entry', ['input', 'entryId']);
  const d = allowedOrThrow(
    decideFormDisposal(
      { orgUnitId: entry.org_unit_id, createdOn: entry.created_on, retentionYears: entry.retention_years, disposedOn: entry.disposed_on },
      input,
      await actorOf(ctx, db),
      todayOf(ctx),
    ),
  );
  await registersRepo.recordDisposal(db, entry.id, { method: input.method, note: d.note, disposedOn: input.disposedOn, by: ctx.viewer!.staffId });
  await audit(ctx, db, 'form_ledger_entry', entry.id, d.audit);
  return (await registersRepo.ledgerEntryById(db, entry.id))!;
}
