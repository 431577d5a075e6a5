// Agenda assembly: from everything the rulebook routes to a committee and that is ready by the
// cut-off, the 議題 of a meeting — grouped, ordered by rule, each with the papers it needs.
import { arkApplicationDeadline } from '../calendar/deadlines.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { AGENDA_GROUPS, type AgendaGroup, type CommitteeRules } from './committee-rules.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/** Where an agenda item comes from: a request's committee step, a standing item, carried over from a previous meeting, or added freely. */
export const AGENDA_SOURCE_VALUES = ['request', 'standing', 'carried_over', 'free'] as const;
export type AgendaSource = (typeof AGENDA_SOURCE_VALUES)[number];

export interface AgendaCandidate {
  /** Stable reference: `request-step:<id>`, `standing:<key>`, `item:<id>` (a deferred free item). */
  ref: string;
  source: AgendaSource;
  title: string;
  presenter: string | null;
  /** Papers the item needs, without their 資料 numbers (numbered once the agenda is ordered). */
  documents: string[];
  ruleIds: RuleId[];
  /** When the item became ready for the committee (its committee step opened; a deferral). */
  readyAt: string;
  /** Deferred at an earlier meeting: goes under 継続審議事項. */
  deferredFrom?: string | null;
  /** Already on the agenda of another meeting not yet held. */
  scheduledElsewhere?: boolean;
  request?: { number: string; kindKey: string; filedOn: string; targetFiscalYear?: number | null; urgent?: boolean };
}

export interface ProposedItem {
  ref: string;
  source: AgendaSource;
  group: AgendaGroup;
  title: string;
  presenter: string | null;
  documents: { label: string; title: string }[];
  ruleIds: RuleId[];
  readyAt: string;
}

export interface NotProposed {
  ref: string;
  title: string;
  reason: Bilingual;
  ruleIds: RuleId[];
}

const ARK_INTRODUCTION_KINDS = ['new_system_introduction', 'system_modification'];

/** Natural order of rule IDs: ARK-3 before ARK-3の2, ARK-6-1-2 before ARK-6-1-10 before ARK-12-4. */
export function compareRuleIds(a: string, b: string): number {
  const pa = a.split(/[-の]/);
  const pb = b.split(/[-の]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}

/** The rule an item is ordered by: the committee's remit rule it falls under, else its first. */
function orderingRule(rules: CommitteeRules, ruleIds: RuleId[]): string {
  return ruleIds.find((r) => rules.remitRuleIds.includes(r)) ?? [...ruleIds].sort(compareRuleIds)[0] ?? '~';
}

function groupOf(c: AgendaCandidate, standingGroup: AgendaGroup | undefined): AgendaGroup {
  if (c.deferredFrom || c.source === 'carried_over') return 'carried_over';
  if (c.source === 'standing') return standingGroup ?? 'report';
  if (c.source === 'free') return 'other';
  return 'deliberation';
}

/**
 * Proposes the agenda of a meeting. Items ready after `cutoffAt` wait for the next meeting; an
 * ARK-12 application received after its deadline (and not urgent) is not proposed (ARK-12-2);
 * items already on another pending meeting's agenda are not proposed twice.
 */
export function assembleAgenda(
  rules: CommitteeRules,
  meeting: { cutoffAt: string },
  candidates: AgendaCandidate[],
): { items: ProposedItem[]; notProposed: NotProposed[] } {
  const notProposed: NotProposed[] = [];
  const kept: (AgendaCandidate & { group: AgendaGroup })[] = [];
  const cutoff = Date.parse(meeting.cutoffAt);
  for (const c of candidates) {
    if (c.scheduledElsewhere) {
      notProposed.push({
        ref: c.ref,
        title: c.title,
        reason: { ja: '他の会議の議題に予定されています', en: 'Already on the agenda of another meeting' },
        ruleIds: [],
      });
      continue;
    }
    if (Date.parse(c.readyAt) > cutoff) {
      notProposed.push({
        ref: c.ref,
        title: c.title,
        reason: { ja: '議題の締切後に付議可能となったため、次回の会議に回ります', en: 'Ready after the agenda cut-off: goes to the next meeting' },
        ruleIds: [],
      });
      continue;
    }
    const r = c.request;
    if (
      r &&
      rules.rulebookId === 'ARK' &&
      ARK_INTRODUCTION_KINDS.includes(r.kindKey) &&
      r.targetFiscalYear &&
      !r.urgent &&
      r.filedOn > arkApplicationDeadline(r.targetFiscalYear)
    ) {
      const due = arkApplicationDeadline(r.targetFiscalYear);
      notProposed.push({
        ref: c.ref,
        title: c.title,
        ruleIds: ['ARK-12-2'],
        reason: {
          ja: `${r.targetFiscalYear}年度分の申請期限（${due}）後の受付で、緊急の理由がないため付議しません`,
          en: `Received after the deadline for fiscal year ${r.targetFiscalYear} (${due}) and not urgent: not referred`,
        },
      });
      continue;
    }
    const standing = c.source === 'standing' ? rules.standingItems.find((s) => `standing:${s.key}` === c.ref)?.group : undefined;
    kept.push({ ...c, group: groupOf(c, standing) });
  }
  const standingOrder = (ref: string) => rules.standingItems.findIndex((s) => `standing:${s.key}` === ref);
  kept.sort(
    (a, b) =>
      AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order ||
      (a.source === 'standing' && b.source === 'standing' ? standingOrder(a.ref) - standingOrder(b.ref) : 0) ||
      (a.source === 'standing' ? -1 : 0) - (b.source === 'standing' ? -1 : 0) ||
      compareRuleIds(orderingRule(rules, a.ruleIds), orderingRule(rules, b.ruleIds)) ||
      Date.parse(a.readyAt) - Date.parse(b.readyAt) ||
      a.ref.localeCompare(b.ref),
  );
  return {
    items: numberDocuments(
      kept.map((c) => ({
        ref: c.ref,
        source: c.source,
        group: c.group,
        title: c.title,
        presenter: c.presenter,
        documents: c.documents.map((t) => ({ label: '', title: t })),
        ruleIds: c.ruleIds,
        readyAt: c.readyAt,
      })),
    ),
    notProposed,
  };
}

/** 資料1, 資料2 … in agenda order; an item with several papers gets 資料3-1, 資料3-2. */
export function numberDocuments<T extends { documents: { label: string; title: string }[] }>(items: T[]): T[] {
  let n = 0;
  return items.map((item) => {
    if (item.documents.length === 0) return item;
    n += 1;
    const base = n;
    return { ...item, documents: item.documents.map((d, i) => ({ ...d, label: item.documents.length === 1 ? `資料${base}` : `資料${base}-${i + 1}` })) };
  });
}
