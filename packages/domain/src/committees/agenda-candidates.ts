// The business the rulebook routes to a committee, as candidates for a meeting's agenda: requests
// awaiting its decision (with the papers each kind is filed with), items deferred at an earlier
// meeting, and the standing business of every sitting (MNT-9-1 …) with the figures it reports.
import { findRequestKind } from '../requests/registry.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { AgendaCandidate } from './agenda.ts';
import type { CommitteeRules } from './committee-rules.ts';

/** The papers a request of a kind is put before the committee with (the first numbered with the request). */
const DOCUMENTS_BY_KIND: Record<string, string[]> = {
  new_system_introduction: ['電子情報システム導入等申請書', '必要性・費用・効果・代替手段等に関する資料'],
  system_modification: ['システム改修申請書', '改修内容・費用・影響範囲に関する資料'],
};

/** A request whose committee step is open (ARK-12-5). */
export interface CommitteeStepFact {
  stepId: string;
  /** When the step opened (ISO instant). */
  openedAt: string;
  ruleIds: RuleId[];
  number: string;
  kindKey: string;
  filedOn: string;
  content: Record<string, unknown>;
  systemName: string | null;
  presenter: string | null;
  deferredFrom: string | null;
  scheduledElsewhere: boolean;
}

export function requestCandidate(s: CommitteeStepFact): AgendaCandidate {
  const kindName = findRequestKind(s.kindKey)?.name.ja ?? s.kindKey;
  const subject = s.systemName ?? (typeof s.content['systemName'] === 'string' ? s.content['systemName'] : null);
  const fy = typeof s.content['targetFiscalYear'] === 'number' ? s.content['targetFiscalYear'] : null;
  return {
    ref: `request-step:${s.stepId}`, source: 'request', title: `${kindName}${subject ? `（${subject}）` : ''}［${s.number}］`, presenter: s.presenter,
    documents: (DOCUMENTS_BY_KIND[s.kindKey] ?? [`${kindName}申請書`]).map((d, i) => (i === 0 ? `${d}（${s.number}）` : d)),
    ruleIds: s.ruleIds, readyAt: s.openedAt, deferredFrom: s.deferredFrom, scheduledElsewhere: s.scheduledElsewhere,
    request: { number: s.number, kindKey: s.kindKey, filedOn: s.filedOn, targetFiscalYear: fy, urgent: s.content['urgentByLawChange'] === true },
  };
}

/** A free item deferred at an earlier meeting (`decidedAt`, ISO): carried over. */
export function carriedCandidate(i: { id: string; meetingId: string; title: string; presenter: string | null; documents: readonly { title: string }[]; ruleIds: RuleId[]; decidedAt: string }): AgendaCandidate {
  return { ref: `item:${i.id}`, source: 'carried_over', title: i.title, presenter: i.presenter, documents: i.documents.map((d) => d.title), ruleIds: i.ruleIds, readyAt: i.decidedAt, deferredFrom: i.meetingId };
}

/**
 * The standing items of a sitting, ready when the meeting was created (`createdAt`, ISO), each with
 * the papers of the period reported on; failures since the last meeting each bring their
 * 障害等対応連絡票 (MNT-22-3).
 */
export function standingCandidates(rules: CommitteeRules, meeting: { heldOn: string; createdAt: string }, from: string, incidents: readonly { number: string; title: string }[]): AgendaCandidate[] {
  return rules.standingItems.map((s) => {
    const papers = s.figures === 'incidents' && incidents.length ? incidents.map((i) => `障害等対応連絡票（${i.number} ${i.title}）`) : s.figures ? [`${s.title.ja}（${from}〜${meeting.heldOn}）`] : [];
    return { ref: `standing:${s.key}`, source: 'standing', title: s.title.ja, presenter: null, documents: papers, ruleIds: s.ruleIds, readyAt: meeting.createdAt };
  });
}
