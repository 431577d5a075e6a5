// The business the rulebook routes to a committee, as candidates for a meeting's agenda: requests
// awaiting its decision (with the papers each kind is filed with), items deferred at an earlier
// meeting, and the standing business of every sitting (MNT-9-1 …) with the figures it reports.
import { OPEN_INCIDENT_STATUSES, type IncidentStatus } from '../incidents/incidents.ts';
import { findRequestKind } from '../requests/registry.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import type { AgendaCandidate } from './agenda.ts';
import type { CommitteeRules } from './committee-rules.ts';
import type { ReportingPeriod } from './meetings.ts';

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
    ref: `request-step:${s.stepId}`,
    source: 'request',
    title: `${kindName}${subject ? `（${subject}）` : ''}［${s.number}］`,
    presenter: s.presenter,
    documents: (DOCUMENTS_BY_KIND[s.kindKey] ?? [`${kindName}申請書`]).map((d, i) => (i === 0 ? `${d}（${s.number}）` : d)),
    ruleIds: s.ruleIds,
    readyAt: s.openedAt,
    deferredFrom: s.deferredFrom,
    scheduledElsewhere: s.scheduledElsewhere,
    request: { number: s.number, kindKey: s.kindKey, filedOn: s.filedOn, targetFiscalYear: fy, urgent: s.content['urgentByLawChange'] === true },
  };
}

/** A free item deferred at an earlier meeting (`decidedAt`, ISO): carried over. */
export function carriedCandidate(i: {
  id: string;
  meetingId: string;
  title: string;
  presenter: string | null;
  documents: readonly { title: string }[];
  ruleIds: RuleId[];
  decidedAt: string;
}): AgendaCandidate {
  return {
    ref: `item:${i.id}`,
    source: 'carried_over',
    title: i.title,
    presenter: i.presenter,
    documents: i.documents.map((d) => d.title),
    ruleIds: i.ruleIds,
    readyAt: i.decidedAt,
    deferredFrom: i.meetingId,
  };
}

/**
 * The standing items of a sitting, ready when the meeting was created (`createdAt`, ISO), each with
 * the papers of the period reported on; failures since the last meeting each bring their
 * 障害等対応連絡票 (MNT-22-3).
 */
export function standingCandidates(
  rules: CommitteeRules,
  meeting: { heldOn: string; createdAt: string },
  from: string,
  incidents: readonly { number: string; title: string }[],
): AgendaCandidate[] {
  return rules.standingItems.map((s) => {
    const papers =
      s.figures === 'incidents' && incidents.length
        ? incidents.map((i) => `障害等対応連絡票（${i.number} ${i.title}）`)
        : s.figures
          ? [`${s.title.ja}（${from}〜${meeting.heldOn}）`]
          : [];
    return {
      ref: `standing:${s.key}`,
      source: 'standing',
      title: s.title.ja,
      presenter: null,
      documents: papers,
      ruleIds: s.ruleIds,
      readyAt: meeting.createdAt,
    };
  });
}

/** What was counted in the database for a standing report's period, by the kind of figures it reports. */
export type StandingFigureFacts =
  /** Requests of the rulebook filed and decided in the period, and those still in progress (MNT-9-1-2 運用状況). */
  | { kind: 'operations'; requests: { filed: number; decided: number; in_progress: number } }
  /** Incidents that occurred in the period or were still open during it (MNT-9-1-4, ARK-21-1-4, KWW-12-1). */
  | { kind: 'incidents'; incidents: readonly PeriodIncident[] }
  /** Audits and self-inspections of the period, and the findings still open (ARK-21-1-2, ARK-29). */
  | { kind: 'audits'; audits: { conducted: number; needs_improvement: number; open_findings: number; overdue_findings: number } }
  /** Hardware status has no records of its own: the item is reported from the contractor's papers. */
  | { kind: 'hardware' };

/** An incident as a standing report on failures lists it. */
export interface PeriodIncident {
  number: string;
  title: string;
  systemName: string;
  status: IncidentStatus;
  /** The day it occurred (YYYY-MM-DD, Japan time). */
  occurredOn: string;
}

/**
 * The figures a standing item reports for its period (MNT-9-1-2 …): the period itself, and what
 * was counted in it — for failures, how many occurred in the period and how many are still open,
 * with each one listed.
 */
export function standingFigures(period: ReportingPeriod, facts: StandingFigureFacts): Record<string, unknown> {
  const { from, to } = period;
  switch (facts.kind) {
    case 'operations':
      return { kind: 'operations', from, to, ...facts.requests };
    case 'incidents':
      return {
        kind: 'incidents',
        from,
        to,
        occurred: facts.incidents.filter((i) => i.occurredOn >= from).length,
        open: facts.incidents.filter((i) => OPEN_INCIDENT_STATUSES.includes(i.status)).length,
        incidents: facts.incidents.map((i) => ({ number: i.number, title: i.title, system: i.systemName, status: i.status, occurredOn: i.occurredOn })),
      };
    case 'audits':
      return { kind: 'audits', from, to, ...facts.audits };
    case 'hardware':
      return { kind: 'hardware', from, to, recorded: 0 };
  }
}
