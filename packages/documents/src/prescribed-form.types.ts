// The content of a form a rulebook prescribes (様式), filled from a request or a register: the form's number
// and title as the regulation names them, the date, the addressee and the applicant, the content, and the
// approval boxes (決裁欄) with who decided and when. The gateway fills it from the database; the renderer
// turns it into a PDF without knowing where it came from.

import type { RuleId } from '@tsukasa/domain';

/** One line of the form's content: a label and its value, one a line on paper. */
export interface FormEntry {
  label: string;
  values: string[];
}

/** A table on the form, e.g. the rows of a bulk update (第3号様式). */
export interface FormTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** One approval box: the role printed at its head and, once decided, the seal-like mark inside. */
export interface FormApproval {
  /** Who acts, as printed at the head of the box, e.g. 保健福祉課長. */
  role: string;
  /** What the box records, e.g. 使用の妥当性の判断. */
  step: string;
  /** The decision as printed in the mark, e.g. 承認, 確認; null while the step is open. */
  decision: string | null;
  /** Whether the decision refused or returned the request (printed as a crossed mark). */
  negative?: boolean;
  /** Who decided, e.g. 佐藤 一郎; null while open. */
  decidedBy: string | null;
  /** For a deputy's decision: whom they stood in for. */
  onBehalfOf?: string | null;
  /** When it was decided (an instant or an ISO date); printed in 和暦 with the Western date. */
  decidedAt: Date | string | null;
}

export interface PrescribedForm {
  municipalityName: string;
  /** The rulebook's title, e.g. 福祉総合システム運用要領. */
  rulebookTitle: string;
  /** As the regulation numbers it, e.g. 第1号様式. */
  formNumber: string;
  /** The article that prescribes it, e.g. 第10条関係. */
  article: string;
  /** As the regulation names it, e.g. 福祉総合システム使用許可申請書. */
  title: string;
  /** The request's or record's number, e.g. R8-0012. */
  number: string;
  /** The date of the form (an instant or an ISO date); printed in 和暦 with the Western date. */
  date: Date | string;
  /** To whom the form goes, e.g. 保健福祉課長. */
  addressee: string;
  /** Who files it: their section, title and name as printed. */
  applicant: { section: string | null; title: string | null; name: string };
  /** What the form calls who files it: 申請者 (the default), 通知者, 依頼者, 作成者, 報告者. */
  applicantLabel?: string;
  /** The sentence above 記, e.g. 次のとおり申請します。 */
  lead: string;
  entries: FormEntry[];
  table?: FormTable | null;
  approvals: FormApproval[];
  /** Rule IDs the form is prescribed and decided under, printed in the footer. */
  ruleIds: RuleId[];
}
