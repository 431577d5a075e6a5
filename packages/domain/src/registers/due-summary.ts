// What the registers have due (SPEC §6; the API's operationsDue): one line per register, with what is
// due and overdue on a day, and only the registers the municipality's rulebooks keep.
import type { Bilingual } from '../requests/request.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { CONTRACT_CLAUSE_RULE_ID } from './contract-clauses.ts';
import { CHECK_SHEET_RULE_IDS } from './inspections.ts';
import { PROCESSING_PLAN_RULE_IDS } from './processing-plans.ts';

export type OperationsDueKey = 'processing_plans' | 'check_sheets' | 'stale_documents' | 'findings' | 'form_ledger' | 'contract_clauses' | 'duty_records';

export interface OperationsDueLine {
  key: OperationsDueKey;
  label: Bilingual;
  due: number;
  overdue: number;
  ruleIds: RuleId[];
}

/** Which rulebooks keep each register (ARK-8; KWO-5-3; MNT-13-9, ARK-5, ARK-11-2; KWW-10-2, KWO-3-3, ARK-29; KWO-5-2; ARK-6; the duties of duty-records.ts). */
export const REGISTER_RULEBOOKS: Record<OperationsDueKey, string[]> = {
  processing_plans: ['ARK'],
  check_sheets: ['KWO'],
  stale_documents: ['MNT', 'ARK'],
  findings: ['KWW', 'KWO', 'ARK'],
  form_ledger: ['KWO'],
  contract_clauses: ['ARK'],
  duty_records: ['KTM', 'ARK', 'MNT', 'KWO'],
};

type Counted = { due: number; overdue: number };

export interface OperationsDueCounts {
  processingPlans: Counted;
  checkSheets: Counted;
  /** The rules each stale document cites. */
  staleDocuments: readonly { ruleIds: readonly RuleId[] }[];
  /** The rules each open finding cites. */
  findings: readonly { ruleIds: readonly RuleId[] }[];
  overdueFindings: number;
  formsPastRetention: number;
  contractsMissingClauses: number;
}

/** The dashboard's lines, of the registers the municipality's rulebooks keep (no ARK-8 plans on a Minato dashboard). */
export function operationsDueSummary(c: OperationsDueCounts, rulebookIds: readonly string[]): OperationsDueLine[] {
  const summary: OperationsDueLine[] = [
    { key: 'processing_plans', label: { ja: '月間処理予定', en: 'Monthly processing plans' }, ...c.processingPlans, ruleIds: PROCESSING_PLAN_RULE_IDS },
    { key: 'check_sheets', label: { ja: '点検シート', en: 'Quarterly check sheets' }, ...c.checkSheets, ruleIds: CHECK_SHEET_RULE_IDS },
    {
      key: 'stale_documents',
      label: { ja: '改修が未反映の文書', en: 'Documents not reflecting a modification' },
      due: 0,
      overdue: c.staleDocuments.length,
      ruleIds: [...new Set(c.staleDocuments.flatMap((x) => x.ruleIds))],
    },
    {
      key: 'findings',
      label: { ja: '指摘事項・改善要求', en: 'Findings and improvement requests' },
      due: c.findings.length - c.overdueFindings,
      overdue: c.overdueFindings,
      ruleIds: [...new Set(c.findings.flatMap((f) => f.ruleIds))],
    },
    {
      key: 'form_ledger',
      label: { ja: '保存期間満了の帳票等', en: 'Forms past their retention' },
      due: 0,
      overdue: c.formsPastRetention,
      ruleIds: ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'],
    },
    {
      key: 'contract_clauses',
      label: { ja: '契約条項の不足', en: 'Contracts missing ARK-6-1 clauses' },
      due: 0,
      overdue: c.contractsMissingClauses,
      ruleIds: [CONTRACT_CLAUSE_RULE_ID],
    },
  ];
  const books = new Set(rulebookIds);
  return summary.filter((line) => REGISTER_RULEBOOKS[line.key].some((b) => books.has(b)));
}

/**
 * The line of 実施記録 (duty-records.ts): the duties due and overdue, with their rules; null when the
 * municipality's rulebooks give none. It stands beside the summary's lines rather than among them.
 */
export function dutyRecordsDueLine(duties: readonly { state: string; ruleIds: readonly RuleId[] }[], rulebookIds: readonly string[]): OperationsDueLine | null {
  if (!REGISTER_RULEBOOKS.duty_records.some((b) => rulebookIds.includes(b))) return null;
  const pending = duties.filter((d) => d.state === 'due' || d.state === 'overdue');
  return {
    key: 'duty_records',
    label: { ja: '実施記録（研修・見直し・点検等）', en: 'Duties to record (training, reviews, checks)' },
    due: pending.filter((d) => d.state === 'due').length,
    overdue: pending.filter((d) => d.state === 'overdue').length,
    ruleIds: [...new Set(pending.flatMap((d) => d.ruleIds))],
  };
}
