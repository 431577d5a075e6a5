// The agenda of a meeting until it is frozen (SPEC §7): proposed again from what the rulebook routes to
// the committee, reordered, added to and taken from, then frozen at a cut-off; and a meeting not yet
// held cancelled, what was on its agenda free for the next one.
import { fieldError, type FieldError, type Path } from '../registry/field-error.ts';
import type { Bilingual } from '../requests/request.types.ts';
import { parseRuleIdsInput } from '../rulebooks/rule-id-input.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import { numberDocuments } from './agenda.ts';
import { AGENDA_GROUPS, type AgendaGroup } from './committee-rules.ts';
import { badInput, conflict, keeperRefusal } from './meeting-refusals.ts';
import type { AgendaItemFacts, CommitteeFacts, MeetingActor, MeetingAudit, MeetingFacts, MeetingRefusal, Paper } from './meeting-transitions.ts';

function reasonErrors(reason: string, path: Path, required: Bilingual): FieldError[] {
  if (!reason) return [fieldError(path, 'REQUIRED', required.en, required.ja)];
  if (reason.length > 500) return [fieldError(path, 'TOO_LONG', 'At most 500 characters.', '理由は500文字以内で入力してください。')];
  return [];
}

/** The agenda is edited until it is frozen: later changes go to the next meeting. */
export const AGENDA_FROZEN: Bilingual = {
  ja: '議題は締め切られています。追加・変更は次回の会議に回ります。',
  en: 'The agenda is frozen: changes go to the next meeting.',
};

function agendaRefusal(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null): MeetingRefusal | null {
  return keeperRefusal(actor, committee) ?? (meeting.status !== 'draft' ? conflict(AGENDA_FROZEN) : null);
}

export type AgendaEdit = { allowed: true } | MeetingRefusal;

/** Proposing what the rulebook routes to the committee again: while the agenda is a draft. */
export function decideAgendaRefresh(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null): AgendaEdit {
  return agendaRefusal(meeting, committee, actor) ?? { allowed: true };
}

/** The audit event of a refresh that added items (none when nothing was added). */
export function agendaRefreshed(meeting: MeetingFacts, committee: CommitteeFacts, added: number): MeetingAudit | null {
  return added ? { action: 'meeting.agenda.refresh', targetType: 'meeting', targetId: meeting.id, after: { added }, ruleIds: committee.ruleIds } : null;
}

export interface AgendaOrderLine {
  id: string;
  seq: number;
  documents: Paper[];
}

/** The live items in the order given, their 資料 renumbered. */
export function agendaOrder(items: readonly { id: string; documents: Paper[] }[]): AgendaOrderLine[] {
  return numberDocuments(items.map((i) => ({ id: i.id, documents: i.documents }))).map((n, i) => ({ id: n.id, seq: i + 1, documents: n.documents }));
}

export type AgendaReorder = { allowed: true; order: AgendaOrderLine[]; audit: MeetingAudit } | MeetingRefusal;

/** The secretary arranges the live items: each of them once. */
export function decideAgendaReorder(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  live: readonly Pick<AgendaItemFacts, 'id' | 'documents'>[],
  itemIds: readonly string[],
): AgendaReorder {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  const same = itemIds.length === live.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => live.some((i) => i.id === id));
  if (!same)
    return badInput([
      fieldError(['itemIds'], 'INVALID_VALUE', 'List every item of the agenda exactly once.', '議題のすべての項目を一度ずつ指定してください。'),
    ]);
  const byId = new Map(live.map((i) => [i.id, i]));
  return {
    allowed: true,
    order: agendaOrder(itemIds.map((id) => byId.get(id)!)),
    audit: { action: 'meeting.agenda.reorder', targetType: 'meeting', targetId: meeting.id, after: { order: [...itemIds] }, ruleIds: committee.ruleIds },
  };
}

export interface FreeItemDraft {
  title: string;
  presenter?: string | null;
  group?: AgendaGroup | null;
  documents?: string[] | null;
  ruleIds?: string[] | null;
}

export interface NewFreeItem {
  id: string;
  seq: number;
  group: AgendaGroup;
  source: 'free';
  sourceRef: string;
  title: string;
  presenter: string | null;
  documents: Paper[];
  ruleIds: RuleId[];
}

export type AgendaAddition = { allowed: true; item: NewFreeItem; order: AgendaOrderLine[]; audit: MeetingAudit } | MeetingRefusal;

/** A free item (its rules cited by the secretary, each one the rulebooks have) goes to the end of its group. */
export function decideAgendaItemAddition(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  live: readonly Pick<AgendaItemFacts, 'id' | 'groupKey' | 'documents'>[],
  input: FreeItemDraft,
  newId: string,
): AgendaAddition {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  const title = input.title.trim();
  const errors: FieldError[] = [];
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the item a title.', '議題名を入力してください。'));
  if (title.length > 300)
    errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'Titles are at most 300 characters.', '議題名は300文字以内で入力してください。'));
  if ((input.presenter ?? '').length > 200)
    errors.push(fieldError(['input', 'presenter'], 'TOO_LONG', 'At most 200 characters.', '説明者は200文字以内で入力してください。'));
  if ((input.documents ?? []).some((d) => !d.trim() || d.length > 200))
    errors.push(
      fieldError(['input', 'documents'], 'INVALID_VALUE', 'Each paper has a title of at most 200 characters.', '資料名は1〜200文字で入力してください。'),
    );
  // The rules the item cites are the caller's text until parsed: one the rulebooks lack is refused.
  const cited = parseRuleIdsInput(input.ruleIds ?? [], ['input', 'ruleIds']);
  errors.push(...cited.errors);
  if (errors.length) return badInput(errors);
  const group = input.group ?? 'other';
  const arranged = [
    ...live.map((i) => ({ id: i.id, group: i.groupKey, documents: i.documents })),
    { id: newId, group, documents: (input.documents ?? []).map((t) => ({ label: '', title: t.trim() })) },
  ].sort((a, b) => AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order);
  const numbered = numberDocuments(arranged);
  const seqOf = (id: string) => numbered.findIndex((n) => n.id === id) + 1;
  const fresh = numbered.find((n) => n.id === newId)!;
  return {
    allowed: true,
    item: {
      id: newId,
      seq: seqOf(newId),
      group,
      source: 'free',
      sourceRef: `free:${newId}`,
      title,
      presenter: input.presenter?.trim() || null,
      documents: fresh.documents,
      ruleIds: cited.ruleIds,
    },
    order: numbered.filter((n) => n.id !== newId).map((n) => ({ id: n.id, seq: seqOf(n.id), documents: n.documents })),
    audit: { action: 'meeting.agenda.add', targetType: 'meeting_item', targetId: newId, after: { meeting: meeting.id, title }, ruleIds: committee.ruleIds },
  };
}

export type AgendaRemoval = { allowed: true; reason: string; removedAt: Date; audit: MeetingAudit } | MeetingRefusal;

/** An item is taken off the agenda with a reason, once; the rest are renumbered (agendaOrder). */
export function decideAgendaItemRemoval(
  meeting: MeetingFacts,
  committee: CommitteeFacts,
  actor: MeetingActor | null,
  item: AgendaItemFacts,
  reason: string,
  now: Date,
): AgendaRemoval {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  if (item.removed) return conflict({ ja: 'この議題はすでに除かれています。', en: 'This item is already off the agenda.' });
  const why = reason.trim();
  const errors = reasonErrors(why, ['reason'], { ja: '議題から除く理由を入力してください。', en: 'Say why the item is taken off the agenda.' });
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    reason: why,
    removedAt: now,
    audit: {
      action: 'meeting.agenda.remove',
      targetType: 'meeting_item',
      targetId: item.id,
      after: { meeting: meeting.id, title: item.title, reason: why },
      ruleIds: committee.ruleIds,
    },
  };
}

export type AgendaFreeze = { allowed: true; status: 'frozen'; cutoffAt: Date; audit: MeetingAudit } | MeetingRefusal;

/** Freezes the agenda at a cut-off, now: what becomes ready later goes to the next meeting. */
export function decideAgendaFreeze(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null, now: Date): AgendaFreeze {
  const refused = agendaRefusal(meeting, committee, actor);
  if (refused) return refused;
  return {
    allowed: true,
    status: 'frozen',
    cutoffAt: now,
    audit: { action: 'meeting.agenda.freeze', targetType: 'meeting', targetId: meeting.id, after: { cutoffAt: now.toISOString() }, ruleIds: committee.ruleIds },
  };
}

export type MeetingCancellation = { allowed: true; status: 'cancelled'; audit: MeetingAudit } | MeetingRefusal;

/** A meeting not yet held is cancelled with a reason; what was on its agenda is free for the next one. */
export function decideMeetingCancellation(meeting: MeetingFacts, committee: CommitteeFacts, actor: MeetingActor | null, reason: string): MeetingCancellation {
  const refused = keeperRefusal(actor, committee);
  if (refused) return refused;
  if (meeting.status !== 'draft' && meeting.status !== 'frozen')
    return conflict({ ja: '開催前の会議だけ中止できます。', en: 'Only a meeting not yet held can be cancelled.' });
  const why = reason.trim();
  const errors = reasonErrors(why, ['reason'], { ja: '中止の理由を入力してください。', en: 'Say why the meeting is cancelled.' });
  if (errors.length) return badInput(errors);
  return {
    allowed: true,
    status: 'cancelled',
    audit: { action: 'meeting.cancel', targetType: 'meeting', targetId: meeting.id, after: { reason: why }, ruleIds: committee.ruleIds },
  };
}
