// What the dashboard shows as due (the API's operationsDue): everything due or overdue on a day across the registers.
import { authRepo, registersRepo } from '@tsukasa/db';
import {
  addMonths,
  dateFilterErrors,
  dutyRecordsDueLine,
  findingOverdue,
  ledgerEntryState,
  monthOf,
  operationsDueSummary,
  recentQuarters,
  type OperationsDueLine,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { checkSheetSlots, type CheckSheetDueOut } from './check-sheets.service.ts';
import { systemsMissingClauses, type ChecklistOut } from './contract-clauses.service.ts';
import { staleDocuments, type DocumentOut } from './documents.service.ts';
import { dutyStatuses, type DutyStatusOut } from './duty-records.service.ts';
import { findingsOut, type FindingOut } from './findings.service.ts';
import { planStatuses, type PlanDueOut } from './processing-plans.service.ts';
import { todayOf } from './register-support.ts';

export type { OperationsDueLine };

export interface OperationsDueOut {
  at: string;
  summary: OperationsDueLine[];
  processingPlans: PlanDueOut[];
  checkSheets: CheckSheetDueOut[];
  staleDocuments: DocumentOut[];
  findings: FindingOut[];
  ledger: registersRepo.LedgerEntryRow[];
  contracts: ChecklistOut[];
  /** 実施記録: the duties due or overdue, and their line beside the summary (null: the rulebooks give none). */
  duties: DutyStatusOut[];
  dutyRecords: OperationsDueLine | null;
}

/**
 * Everything due or overdue on a day (default today): this month's plans not reported (overdue) and
 * next month's not yet reported (due); check sheets of the current quarter and the three before it
 * (a rolling year, so the year end loses nothing); findings not closed (overdue: unanswered after
 * the due date); forms past retention; duties of 実施記録 due or overdue. Stale documents and missing
 * contract clauses are as recorded now.
 */
export async function operationsDue(ctx: Context, at: string | null): Promise<OperationsDueOut> {
  const errors = dateFilterErrors(at);
  if (errors.length) throw badInput(errors);
  const day = at ?? todayOf(ctx);
  const db = await ctx.db.em();
  const month = monthOf(day);
  const quarters = recentQuarters(day, 4);
  const pending = (s: { state: string }) => s.state === 'due' || s.state === 'overdue';
  const [plans, sheets, stale, open, ledger, contracts, duties] = await Promise.all([
    planStatuses(db, [month, addMonths(month, 1)], day).then((l) => l.filter(pending)),
    checkSheetSlots(db, quarters, day).then((l) => l.filter(pending)),
    staleDocuments(ctx),
    registersRepo.findings(db, { statuses: ['open', 'responded'] }).then((l) => findingsOut(db, l)),
    registersRepo
      .ledgerEntries(db, { undisposedOnly: true })
      .then((l) =>
        l.filter((e) => ledgerEntryState({ createdOn: e.created_on, retentionYears: e.retention_years, disposedOn: e.disposed_on }, day).pastRetention),
      ),
    systemsMissingClauses(db),
    dutyStatuses(ctx, db, day).then((l) => l.filter((d) => d.due && pending(d.due))),
  ]);
  const count = (list: { state: string }[]) => ({
    due: list.filter((x) => x.state === 'due').length,
    overdue: list.filter((x) => x.state === 'overdue').length,
  });
  const rulebookIds = (await authRepo.municipalityById(db, ctx.viewer!.municipalityId))?.rulebook_ids ?? [];
  const summary = operationsDueSummary(
    {
      processingPlans: count(plans),
      checkSheets: count(sheets),
      staleDocuments: stale.map((x) => ({ ruleIds: x.staleness.ruleIds })),
      findings: open.map((f) => ({ ruleIds: f.finding.rule_ids })),
      overdueFindings: open.filter((f) => findingOverdue({ status: f.finding.status, dueOn: f.finding.due_on }, day)).length,
      formsPastRetention: ledger.length,
      contractsMissingClauses: contracts.length,
    },
    rulebookIds,
  );
  const dutyRecords = dutyRecordsDueLine(
    duties.map((d) => ({ state: d.due!.state, ruleIds: d.definition.ruleIds })),
    rulebookIds,
  );
  return { at: day, summary, processingPlans: plans, checkSheets: sheets, staleDocuments: stale, findings: open, ledger, contracts, duties, dutyRecords };
}
