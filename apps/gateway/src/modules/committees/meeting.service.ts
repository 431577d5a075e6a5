// The secretary's work (SPEC §7): a meeting is created and its agenda proposed from the business
// the rulebook routes to the committee; the agenda is edited and frozen; attendance is taken, the
// quorum checked (ARK-19-1), decisions recorded — moving the linked requests (ARK-12-5) — or taken
// by circulation (KWW-12-2); the minutes are sent.
import { randomUUID } from 'node:crypto';
import { accessRepo, auditRepo, meetingRepo, requestRepo, rows, toDate, type Db } from '@tsukasa/db';
import {
  AGENDA_GROUPS,
  assembleAgenda,
  circulationState,
  committeeRules,
  fieldError,
  findRequestKind,
  fiscalYearOf,
  formatWarekiFiscalYear,
  numberDocuments,
  positionsAt,
  quorumOf,
  reportingPeriod,
  type AgendaCandidate,
  type AgendaGroup,
  type CommitteeRules,
  type ItemOutcome,
  type NotProposed,
  type RuleId,
  parseRuleIdsInput,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { AppError, badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';
import { decideCommitteeStep, stepConflict } from '../requests/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function rulesOrThrow(committee: meetingRepo.CommitteeRow): CommitteeRules {
  const rules = committeeRules(committee.key);
  if (!rules) throw new AppError('INTERNAL', `No rules for committee ${committee.key}.`);
  return rules;
}

export function meetingTitle(committee: meetingRepo.CommitteeRow, m: Pick<meetingRepo.MeetingRow, 'held_on' | 'number' | 'mode'>): string {
  return `${formatWarekiFiscalYear(m.held_on)}第${m.number}回 ${committee.name}${m.mode === 'circulation' ? '（持回り）' : ''}`;
}

/**
 * Who keeps a committee's papers: staff holding a position in the secretariat's unit or below it
 * (ARK-19-3, ARK-24-3 デジタル推進課), and the chair (or the chair's deputy).
 */
export async function maySecretary(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow): Promise<boolean> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return false;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const held = positionsAt(v.staffId, ctx.now(), facts.viewer.tenures);
  if (held.includes(committee.chair_position_id)) return true;
  if (facts.viewer.roles.some((r) => r.via === 'deputy' && r.positionId === committee.chair_position_id)) return true;
  const secretariat = await meetingRepo.positionsInUnitTree(db, committee.secretariat_org_unit_id);
  return held.some((p) => secretariat.includes(p));
}

async function secretaryOrThrow(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow): Promise<CommitteeRules> {
  const rules = rulesOrThrow(committee);
  if (!(await maySecretary(ctx, db, committee))) {
    throw forbidden(`Only the ${committee.name_en}'s chair and its secretariat (${committee.secretariat_name}) keep its meetings.`, committee.rule_ids,
      `${committee.name}の会議を管理できるのは、委員長（座長）と庶務を担当する${committee.secretariat_name}です。`);
  }
  return rules;
}

const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([fieldError(path, 'INVALID_VALUE', 'The id is malformed.', 'IDが正しくありません。')]);
};

async function loadMeeting(ctx: Context, id: string, path: (string | number)[], opts: { lock?: boolean } = {}) {
  idOrThrow(id, path);
  const db = await ctx.db.em();
  const meeting = await meetingRepo.meetingById(db, id, opts);
  if (!meeting) throw notFound('Meeting', path);
  const committee = (await meetingRepo.committeeById(db, meeting.committee_id))!;
  return { db, meeting, committee };
}

const audit = (ctx: Context, db: Db, action: string, targetType: string, targetId: string, after: Record<string, unknown>, ruleIds: RuleId[]) =>
  auditRepo.appendAuditEvents(db, ctx.viewer!.municipalityId, [{ actorStaffId: ctx.viewer!.staffId, action, targetType, targetId, after, ruleIds, requestId: ctx.requestId }]);

// ---- creating a meeting ----------------------------------------------------------------------

export interface CreateMeetingInput {
  committeeId: string;
  heldOn: string;
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  circulation?: boolean | null;
}

export async function createMeeting(ctx: Context, input: CreateMeetingInput) {
  idOrThrow(input.committeeId, ['input', 'committeeId']);
  const db = await ctx.db.em();
  const committee = await meetingRepo.committeeById(db, input.committeeId);
  if (!committee) throw notFound('Committee', ['input', 'committeeId']);
  const rules = await secretaryOrThrow(ctx, db, committee);
  const errors = [];
  if (!ISO_DATE.test(input.heldOn) || Number.isNaN(Date.parse(input.heldOn))) errors.push(fieldError(['input', 'heldOn'], 'INVALID_VALUE', 'Give the date as YYYY-MM-DD.', '開催日をYYYY-MM-DDの形式で入力してください。'));
  for (const key of ['startTime', 'endTime'] as const) {
    const t = input[key];
    if (t && !HH_MM.test(t)) errors.push(fieldError(['input', key], 'INVALID_VALUE', 'Give the time as HH:MM.', '時刻をHH:MMの形式で入力してください。'));
  }
  if (input.startTime && input.endTime && HH_MM.test(input.startTime) && HH_MM.test(input.endTime) && input.endTime <= input.startTime) {
    errors.push(fieldError(['input', 'endTime'], 'INVALID_VALUE', 'The meeting ends after it starts.', '終了時刻は開始時刻より後にしてください。'));
  }
  const place = (input.place ?? '').trim();
  if (place.length > 200) errors.push(fieldError(['input', 'place'], 'TOO_LONG', 'The place is at most 200 characters.', '場所は200文字以内で入力してください。'));
  if (input.circulation && !rules.circulation.allowed) {
    errors.push(fieldError(['input', 'circulation'], 'INVALID_VALUE', `The ${committee.name_en} has no provision for deciding by circulation.`, `${committee.name}には持回りによる決定の定めがありません。`, committee.rule_ids));
  }
  if (!input.circulation && !place) errors.push(fieldError(['input', 'place'], 'REQUIRED', 'Give the place of the meeting.', '開催場所を入力してください。'));
  if (errors.length) throw badInput(errors);
  const fy = fiscalYearOf(input.heldOn);
  const number = await meetingRepo.nextMeetingNumber(db, ctx.viewer!.municipalityId, committee.id, fy);
  const id = randomUUID();
  await meetingRepo.insertMeeting(db, {
    id, municipalityId: ctx.viewer!.municipalityId, committeeId: committee.id, fiscalYear: fy, number, mode: input.circulation ? 'circulation' : 'meeting',
    heldOn: input.heldOn, startTime: input.startTime || null, endTime: input.endTime || null, place: input.circulation ? (place || '持回り') : place, createdBy: ctx.viewer!.staffId, now: ctx.now(),
  });
  await meetingRepo.insertAttendees(db, ctx.viewer!.municipalityId, id, await expectedAttendees(ctx, db, committee, rules, input.heldOn));
  const meeting = (await meetingRepo.meetingById(db, id))!;
  const added = await proposeInto(ctx, db, committee, rules, meeting, []);
  await audit(ctx, db, 'meeting.create', 'meeting', id, { committee: committee.key, heldOn: input.heldOn, number, mode: meeting.mode, items: added }, [...rules.cadence.ruleIds, ...committee.rule_ids]);
  return meeting;
}

/** Members resolve from their positions at the meeting date (別表第2, 別表第3, MNT-9-3 …). */
async function expectedAttendees(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow, rules: CommitteeRules, heldOn: string): Promise<Omit<meetingRepo.AttendeeRow, 'meeting_id'>[]> {
  const memberIds = committee.member_position_ids.filter((p) => p !== committee.chair_position_id);
  const holders = await meetingRepo.holdersOn(db, [committee.chair_position_id, ...memberIds], heldOn);
  const out: Omit<meetingRepo.AttendeeRow, 'meeting_id'>[] = holders.map((h, i) => ({
    id: randomUUID(), seq: i + 1, role: i === 0 ? 'chair' : 'member', position_id: h.position_id, staff_id: h.staff_id, title: h.position_name, name: h.staff_name,
    substitute_for_id: null, approved_by_chair: false, present: null,
  }));
  if (rules.committeeKey === 'mnt.committee.monthly-report') {
    // MNT-9-3-3: the maintenance contractor attends.
    for (const c of await meetingRepo.contractorRepresentatives(db, rules.rulebookId)) {
      out.push({ id: randomUUID(), seq: out.length + 1, role: 'contractor', position_id: null, staff_id: null, title: `${c.contractor_name}（保守業務受託者）`, name: c.person_name, substitute_for_id: null, approved_by_chair: false, present: null });
    }
  }
  const v = ctx.viewer!;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const held = positionsAt(v.staffId, ctx.now(), facts.viewer.tenures);
  const secretariat = await meetingRepo.positionsInUnitTree(db, committee.secretariat_org_unit_id);
  const own = held.find((p) => secretariat.includes(p));
  if (own && !out.some((a) => a.position_id === own)) {
    const [h] = await meetingRepo.holdersOn(db, [own], heldOn);
    out.push({ id: randomUUID(), seq: out.length + 1, role: 'secretariat', position_id: own, staff_id: v.staffId, title: h?.position_name ?? committee.secretariat_name, name: h?.staff_name ?? null, substitute_for_id: null, approved_by_chair: false, present: null });
  }
  return out;
}

// ---- agenda assembly ---------------------------------------------------------------------------

const DOCUMENTS_BY_KIND: Record<string, string[]> = {
  new_system_introduction: ['電子情報システム導入等申請書', '必要性・費用・効果・代替手段等に関する資料'],
  system_modification: ['システム改修申請書', '改修内容・費用・影響範囲に関する資料'],
};

/** Everything the rulebook routes to this committee, as candidates for the meeting's agenda. */
export async function candidatesFor(db: Db, committee: meetingRepo.CommitteeRow, rules: CommitteeRules, meeting: meetingRepo.MeetingRow): Promise<AgendaCandidate[]> {
  const [steps, carried, previous] = await Promise.all([
    meetingRepo.openCommitteeSteps(db, committee.id, meeting.id),
    meetingRepo.deferredFreeItems(db, committee.id, meeting.id),
    meetingRepo.previousMeetingDate(db, committee.id, meeting.held_on),
  ]);
  const out: AgendaCandidate[] = [];
  for (const s of steps) {
    const kind = findRequestKind(s.kind_key);
    const kindName = kind?.name.ja ?? s.kind_key;
    const subject = s.system_name ?? (typeof s.content['systemName'] === 'string' ? s.content['systemName'] : null);
    const fy = typeof s.content['targetFiscalYear'] === 'number' ? s.content['targetFiscalYear'] : null;
    out.push({
      ref: `request-step:${s.step_id}`, source: 'request', title: `${kindName}${subject ? `（${subject}）` : ''}［${s.number}］`, presenter: s.presenter,
      documents: (DOCUMENTS_BY_KIND[s.kind_key] ?? [`${kindName}申請書`]).map((d, i) => (i === 0 ? `${d}（${s.number}）` : d)),
      ruleIds: s.rule_ids, readyAt: toDate(s.opened_at).toISOString(), deferredFrom: s.deferred_from, scheduledElsewhere: s.scheduled_elsewhere,
      request: { number: s.number, kindKey: s.kind_key, filedOn: s.filed_on, targetFiscalYear: fy, urgent: s.content['urgentByLawChange'] === true },
    });
  }
  for (const i of carried) {
    out.push({ ref: `item:${i.id}`, source: 'carried_over', title: i.title, presenter: i.presenter, documents: i.documents.map((d) => d.title), ruleIds: i.rule_ids, readyAt: toDate(i.decided_at!).toISOString(), deferredFrom: i.meeting_id });
  }
  const { from } = reportingPeriod(meeting.held_on, previous);
  const incidents = rules.standingItems.some((s) => s.figures === 'incidents') ? await meetingRepo.incidentsInPeriod(db, committee.rulebook_id, from, meeting.held_on) : [];
  for (const s of rules.standingItems) {
    // Failures since the last meeting each bring their 障害等対応連絡票 (MNT-22-3) as a paper.
    const papers = s.figures === 'incidents' && incidents.length ? incidents.map((i) => `障害等対応連絡票（${i.number} ${i.title}）`) : s.figures ? [`${s.title.ja}（${from}〜${meeting.held_on}）`] : [];
    out.push({ ref: `standing:${s.key}`, source: 'standing', title: s.title.ja, presenter: null, documents: papers, ruleIds: s.ruleIds, readyAt: toDate(meeting.created_at).toISOString() });
  }
  return out;
}


/** Figures a standing item reports for the period since the last meeting (MNT-9-1-2 …). */
async function figuresFor(db: Db, committee: meetingRepo.CommitteeRow, rules: CommitteeRules, meeting: meetingRepo.MeetingRow, key: string): Promise<Record<string, unknown> | null> {
  const s = rules.standingItems.find((x) => x.key === key);
  if (!s?.figures) return null;
  const { from } = reportingPeriod(meeting.held_on, await meetingRepo.previousMeetingDate(db, committee.id, meeting.held_on));
  if (s.figures === 'operations') return { kind: 'operations', from, to: meeting.held_on, ...(await meetingRepo.requestFigures(db, committee.rulebook_id, from, meeting.held_on)) };
  if (s.figures === 'incidents') {
    const list = await meetingRepo.incidentsInPeriod(db, committee.rulebook_id, from, meeting.held_on);
    return {
      kind: 'incidents', from, to: meeting.held_on, occurred: list.filter((i) => i.occurred_on >= from).length,
      open: list.filter((i) => i.status === 'reported' || i.status === 'recovering').length,
      incidents: list.map((i) => ({ number: i.number, title: i.title, system: i.system_name, status: i.status, occurredOn: i.occurred_on })),
    };
  }
  if (s.figures === 'audits') return { kind: 'audits', from, to: meeting.held_on, ...(await meetingRepo.auditFigures(db, committee.rulebook_id, from, meeting.held_on)) };
  // Hardware status has no records of its own: the item is reported from the contractor's papers.
  return { kind: s.figures, from, to: meeting.held_on, recorded: 0 };
}

/** Adds the proposed items not yet on the agenda (nor removed from it); returns how many. */
async function proposeInto(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow, rules: CommitteeRules, meeting: meetingRepo.MeetingRow, existing: meetingRepo.ItemRow[]): Promise<number> {
  const cutoffAt = (meeting.cutoff_at ? toDate(meeting.cutoff_at) : ctx.now()).toISOString();
  const { items } = assembleAgenda(rules, { cutoffAt }, await candidatesFor(db, committee, rules, meeting));
  const known = new Set(existing.map((i) => i.source_ref));
  const fresh = items.filter((i) => !known.has(i.ref));
  if (fresh.length === 0) return 0;
  const live = existing.filter((i) => !i.removed_at);
  // New proposals join their group in the assembled order, after what the secretary already arranged there.
  const merged = [...live.map((i) => ({ kind: 'old' as const, group: i.group_key, row: i })), ...fresh.map((p) => ({ kind: 'new' as const, group: p.group, p }))]
    .sort((a, b) => AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order);
  const newRows: meetingRepo.NewItem[] = [];
  const order: { id: string; seq: number; documents: { label: string; title: string }[] }[] = [];
  const numbered = numberDocuments(merged.map((m) => ({ ...m, documents: m.kind === 'old' ? m.row.documents : m.p.documents })));
  for (const [i, m] of numbered.entries()) {
    if (m.kind === 'old') order.push({ id: m.row.id, seq: i + 1, documents: m.documents });
    else {
      const ref = m.p.ref;
      const stepId = ref.startsWith('request-step:') ? ref.slice('request-step:'.length) : null;
      newRows.push({
        id: randomUUID(), seq: i + 1, group: m.group, source: m.p.source, sourceRef: ref, requestId: null, requestStepId: stepId,
        carriedFromItemId: ref.startsWith('item:') ? ref.slice('item:'.length) : null, title: m.p.title, presenter: m.p.presenter, documents: m.documents,
        figures: ref.startsWith('standing:') ? await figuresFor(db, committee, rules, meeting, ref.slice('standing:'.length)) : null, ruleIds: m.p.ruleIds,
      });
    }
  }
  if (newRows.some((r) => r.requestStepId)) {
    const steps = await rows<{ id: string; request_id: string }>(db, 'select id, request_id from request_step where id = any($1::uuid[])', [newRows.flatMap((r) => (r.requestStepId ? [r.requestStepId] : []))]);
    const byStep = new Map(steps.map((s) => [s.id, s.request_id]));
    for (const r of newRows) if (r.requestStepId) r.requestId = byStep.get(r.requestStepId) ?? null;
  }
  await meetingRepo.reorderItems(db, order);
  await meetingRepo.insertItems(db, ctx.viewer!.municipalityId, meeting.id, newRows);
  return newRows.length;
}

/** What the rulebook would bring before this meeting but is not on its agenda, and why. */
export async function notProposed(ctx: Context, meetingId: string): Promise<NotProposed[]> {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['id']);
  const rules = rulesOrThrow(committee);
  const cutoffAt = (meeting.cutoff_at ? toDate(meeting.cutoff_at) : ctx.now()).toISOString();
  return assembleAgenda(rules, { cutoffAt }, await candidatesFor(db, committee, rules, meeting)).notProposed;
}

function editableOrThrow(meeting: meetingRepo.MeetingRow) {
  if (meeting.status !== 'draft') {
    throw new AppError('CONFLICT', 'The agenda is frozen: changes go to the next meeting.', { messageJa: '議題は締め切られています。追加・変更は次回の会議に回ります。' });
  }
}

export async function refreshAgenda(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const rules = await secretaryOrThrow(ctx, db, committee);
  editableOrThrow(meeting);
  const added = await proposeInto(ctx, db, committee, rules, meeting, await meetingRepo.itemsOfMeetings(db, [meeting.id]));
  if (added) await audit(ctx, db, 'meeting.agenda.refresh', 'meeting', meeting.id, { added }, committee.rule_ids);
  return meeting;
}

export async function reorderAgenda(ctx: Context, meetingId: string, itemIds: string[]) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  editableOrThrow(meeting);
  const live = (await meetingRepo.itemsOfMeetings(db, [meeting.id])).filter((i) => !i.removed_at);
  const same = itemIds.length === live.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => live.some((i) => i.id === id));
  if (!same) throw badInput([fieldError(['itemIds'], 'INVALID_VALUE', 'List every item of the agenda exactly once.', '議題のすべての項目を一度ずつ指定してください。')]);
  const byId = new Map(live.map((i) => [i.id, i]));
  const numbered = numberDocuments(itemIds.map((id) => ({ id, documents: byId.get(id)!.documents })));
  await meetingRepo.reorderItems(db, numbered.map((n, i) => ({ id: n.id, seq: i + 1, documents: n.documents })));
  await audit(ctx, db, 'meeting.agenda.reorder', 'meeting', meeting.id, { order: itemIds }, committee.rule_ids);
  return meeting;
}

export interface FreeItemInput { title: string; presenter?: string | null; group?: AgendaGroup | null; documents?: string[] | null; ruleIds?: string[] | null }

export async function addAgendaItem(ctx: Context, meetingId: string, input: FreeItemInput) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  editableOrThrow(meeting);
  const title = input.title.trim();
  const errors = [];
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the item a title.', '議題名を入力してください。'));
  if (title.length > 300) errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'Titles are at most 300 characters.', '議題名は300文字以内で入力してください。'));
  if ((input.presenter ?? '').length > 200) errors.push(fieldError(['input', 'presenter'], 'TOO_LONG', 'At most 200 characters.', '説明者は200文字以内で入力してください。'));
  if ((input.documents ?? []).some((d) => !d.trim() || d.length > 200)) errors.push(fieldError(['input', 'documents'], 'INVALID_VALUE', 'Each paper has a title of at most 200 characters.', '資料名は1〜200文字で入力してください。'));
  // The rules the item cites are the caller's text until parsed: one the rulebooks lack is refused.
  const cited = parseRuleIdsInput(input.ruleIds ?? [], ['input', 'ruleIds']);
  errors.push(...cited.errors);
  if (errors.length) throw badInput(errors);
  const live = (await meetingRepo.itemsOfMeetings(db, [meeting.id])).filter((i) => !i.removed_at);
  const group = input.group ?? 'other';
  // A free item goes to the end of its group.
  const arranged = [...live.map((i) => ({ id: i.id, group: i.group_key, documents: i.documents })), { id: randomUUID(), group, documents: (input.documents ?? []).map((t) => ({ label: '', title: t.trim() })) }]
    .sort((a, b) => AGENDA_GROUPS[a.group].order - AGENDA_GROUPS[b.group].order);
  const numbered = numberDocuments(arranged);
  const fresh = numbered.find((n) => !live.some((i) => i.id === n.id))!;
  await meetingRepo.reorderItems(db, numbered.filter((n) => n.id !== fresh.id).map((n) => ({ id: n.id, seq: numbered.indexOf(n) + 1, documents: n.documents })));
  await meetingRepo.insertItems(db, ctx.viewer!.municipalityId, meeting.id, [{
    id: fresh.id, seq: numbered.indexOf(fresh) + 1, group, source: 'free', sourceRef: `free:${fresh.id}`, requestId: null, requestStepId: null, carriedFromItemId: null,
    title, presenter: input.presenter?.trim() || null, documents: fresh.documents, figures: null, ruleIds: cited.ruleIds,
  }]);
  await audit(ctx, db, 'meeting.agenda.add', 'meeting_item', fresh.id, { meeting: meeting.id, title }, committee.rule_ids);
  return meeting;
}

export async function removeAgendaItem(ctx: Context, itemId: string, reason: string) {
  idOrThrow(itemId, ['itemId']);
  const db = await ctx.db.em();
  const item = await meetingRepo.itemById(db, itemId);
  if (!item) throw notFound('Agenda item', ['itemId']);
  const { meeting, committee } = await loadMeeting(ctx, item.meeting_id, ['itemId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  editableOrThrow(meeting);
  if (item.removed_at) throw new AppError('CONFLICT', 'This item is already off the agenda.', { messageJa: 'この議題はすでに除かれています。' });
  const why = reason.trim();
  if (!why) throw badInput([fieldError(['reason'], 'REQUIRED', 'Say why the item is taken off the agenda.', '議題から除く理由を入力してください。')]);
  if (why.length > 500) throw badInput([fieldError(['reason'], 'TOO_LONG', 'At most 500 characters.', '理由は500文字以内で入力してください。')]);
  await meetingRepo.removeItem(db, item.id, why, ctx.now());
  const live = (await meetingRepo.itemsOfMeetings(db, [meeting.id])).filter((i) => !i.removed_at);
  const numbered = numberDocuments(live.map((i) => ({ id: i.id, documents: i.documents })));
  await meetingRepo.reorderItems(db, numbered.map((n, i) => ({ id: n.id, seq: i + 1, documents: n.documents })));
  await audit(ctx, db, 'meeting.agenda.remove', 'meeting_item', item.id, { meeting: meeting.id, title: item.title, reason: why }, committee.rule_ids);
  return meeting;
}

/** Freezes the agenda at a cut-off: what becomes ready later goes to the next meeting. */
export async function freezeAgenda(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  editableOrThrow(meeting);
  await meetingRepo.setMeetingStatus(db, meeting.id, 'frozen', { cutoffAt: ctx.now() });
  await audit(ctx, db, 'meeting.agenda.freeze', 'meeting', meeting.id, { cutoffAt: ctx.now().toISOString() }, committee.rule_ids);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

/** Cancels a meeting not yet held; what was on its agenda is free for the next one. */
export async function cancelMeeting(ctx: Context, meetingId: string, reason: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  if (!['draft', 'frozen'].includes(meeting.status)) throw stepConflict('Only a meeting not yet held can be cancelled.', '開催前の会議だけ中止できます。');
  const why = reason.trim();
  if (!why) throw badInput([fieldError(['reason'], 'REQUIRED', 'Say why the meeting is cancelled.', '中止の理由を入力してください。')]);
  if (why.length > 500) throw badInput([fieldError(['reason'], 'TOO_LONG', 'At most 500 characters.', '理由は500文字以内で入力してください。')]);
  await meetingRepo.setMeetingStatus(db, meeting.id, 'cancelled');
  await audit(ctx, db, 'meeting.cancel', 'meeting', meeting.id, { reason: why }, committee.rule_ids);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

// ---- attendance and quorum ---------------------------------------------------------------------

export interface AttendeeInput { role: 'temporary_member' | 'substitute' | 'invited'; title: string; name?: string | null; staffId?: string | null; substituteForId?: string | null; approvedByChair?: boolean | null }

export async function addAttendee(ctx: Context, meetingId: string, input: AttendeeInput) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  const rules = await secretaryOrThrow(ctx, db, committee);
  if (['closed', 'cancelled'].includes(meeting.status)) throw stepConflict('The minutes of this meeting are closed.', 'この会議の会議録は確定しています。');
  const list = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const allowed = { temporary_member: rules.temporaryMembers, substitute: rules.substitutes, invited: rules.invited }[input.role];
  const roleJa = { temporary_member: '臨時委員', substitute: '代理出席', invited: '委員以外の出席者' }[input.role];
  if (!allowed?.allowed) throw badInput([fieldError(['input', 'role'], 'INVALID_VALUE', `The ${committee.name_en}'s rules have no provision for this.`, `${committee.name}の規程には${roleJa}の定めがありません。`, committee.rule_ids)]);
  const errors = [];
  const title = input.title.trim();
  if (!title) errors.push(fieldError(['input', 'title'], 'REQUIRED', 'Give the title (職名) as it is printed.', '職名を入力してください。'));
  if (title.length > 200 || (input.name ?? '').length > 200) errors.push(fieldError(['input', 'title'], 'TOO_LONG', 'At most 200 characters.', '200文字以内で入力してください。'));
  let substituteFor: string | null = null;
  if (input.role === 'substitute') {
    const member = list.find((a) => a.id === input.substituteForId && ['chair', 'member'].includes(a.role));
    if (!member) errors.push(fieldError(['input', 'substituteForId'], 'NOT_FOUND', 'Name the member this person stands in for.', '代理する委員を選択してください。', rules.substitutes.ruleIds));
    else if (list.some((a) => a.substitute_for_id === member.id)) errors.push(fieldError(['input', 'substituteForId'], 'DUPLICATE', 'This member already has a substitute.', 'この委員にはすでに代理者がいます。'));
    else substituteFor = member.id;
    if (rules.substitutes.approvedByChair && !input.approvedByChair) errors.push(fieldError(['input', 'approvedByChair'], 'REQUIRED', 'A substitute needs the chair’s approval (MNT-9-3).', '代理出席には招集者（保健福祉課長）の承認が必要です（MNT-9-3）。', rules.substitutes.ruleIds));
  }
  if (input.staffId && !isUuid(input.staffId)) errors.push(fieldError(['input', 'staffId'], 'INVALID_VALUE', 'The staff id is malformed.', '職員IDが正しくありません。'));
  if (errors.length) throw badInput(errors);
  const staff = input.staffId ? (await accessRepo.staffByIds(db, [input.staffId]))[0] : undefined;
  if (input.staffId && !staff) throw badInput([fieldError(['input', 'staffId'], 'NOT_FOUND', 'Staff not found.', '職員が見つかりません。')]);
  const id = randomUUID();
  await meetingRepo.insertAttendees(db, ctx.viewer!.municipalityId, meeting.id, [{
    id, seq: Math.max(0, ...list.map((a) => a.seq)) + 1, role: input.role, position_id: null, staff_id: staff?.id ?? null, title,
    name: input.name?.trim() || (staff ? `${staff.family_name} ${staff.given_name}` : null), substitute_for_id: substituteFor, approved_by_chair: !!input.approvedByChair, present: null,
  }]);
  await audit(ctx, db, 'meeting.attendee.add', 'meeting', meeting.id, { role: input.role, title, substituteFor }, allowed.ruleIds);
  return meeting;
}

export async function quorumOfMeeting(db: Db, committee: meetingRepo.CommitteeRow, meetingId: string) {
  const list = await meetingRepo.attendeesOfMeetings(db, [meetingId]);
  return quorumOf(rulesOrThrow(committee), list.map((a) => ({ role: a.role, present: !!a.present, approvedByChair: a.approved_by_chair })));
}

/** Takes attendance (出席): the meeting is held; the quorum is computed from it. */
export async function recordAttendance(ctx: Context, meetingId: string, presentIds: string[]) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  if (meeting.mode === 'circulation') throw badInput([fieldError(['meetingId'], 'INVALID_VALUE', 'A decision by circulation has no attendance.', '持回りによる決定には出席の記録はありません。', ['KWW-12-2'])]);
  if (['closed', 'cancelled'].includes(meeting.status)) throw stepConflict('The minutes of this meeting are closed.', 'この会議の会議録は確定しています。');
  if (meeting.status === 'draft') throw stepConflict('Freeze the agenda before taking the attendance.', '出席を記録する前に議題を確定してください。');
  const list = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const unknown = presentIds.filter((id) => !list.some((a) => a.id === id));
  if (unknown.length) throw badInput([fieldError(['presentIds'], 'NOT_FOUND', 'Mark attendees of this meeting only.', 'この会議の出席予定者から選択してください。')]);
  await meetingRepo.setPresence(db, meeting.id, presentIds);
  if (meeting.status !== 'held') await meetingRepo.setMeetingStatus(db, meeting.id, 'held');
  const q = await quorumOfMeeting(db, committee, meeting.id);
  await audit(ctx, db, 'meeting.attendance', 'meeting', meeting.id, { present: presentIds.length, quorum: { members: q.members, present: q.present, required: q.required, met: q.met } }, q.ruleIds);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}

// ---- decisions -----------------------------------------------------------------------------------

export interface DecisionInput { itemId: string; outcome: ItemOutcome; conditions?: string | null; dissentIds?: string[] | null; note?: string | null }

const STEP_DECISION: Record<ItemOutcome, 'approved' | 'rejected' | null> = { approved: 'approved', approved_with_conditions: 'approved', rejected: 'rejected', deferred: null };

/** Records an item's decision at a quorate sitting, once; moves the linked request's committee step. */
export async function recordDecision(ctx: Context, input: DecisionInput) {
  idOrThrow(input.itemId, ['input', 'itemId']);
  const db = await ctx.db.em();
  const peek = await meetingRepo.itemById(db, input.itemId);
  if (!peek) throw notFound('Agenda item', ['input', 'itemId']);
  const { meeting, committee } = await loadMeeting(ctx, peek.meeting_id, ['input', 'itemId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  if (meeting.mode === 'circulation') throw badInput([fieldError(['input', 'itemId'], 'INVALID_VALUE', 'A circulated item is decided by the members’ sign-offs.', '持回りの議題は委員の署名により決定されます。', ['KWW-12-2'])]);
  if (meeting.status !== 'held') throw stepConflict('Take the attendance before recording decisions.', '決定を記録する前に出席を記録してください。');
  const item = (await meetingRepo.itemById(db, input.itemId))!;
  if (item.removed_at) throw stepConflict('This item is off the agenda.', 'この議題は除かれています。');
  if (item.outcome) throw stepConflict('This item has already been decided.', 'この議題はすでに決定されています。');
  const q = await quorumOfMeeting(db, committee, meeting.id);
  if (!q.met) throw new AppError('QUORUM_NOT_MET', `${q.message.en}; no decision can be recorded (${q.ruleIds.join(', ')}).`, { messageJa: `${q.message.ja}。決定を記録できません（${q.ruleIds.join('、')}）。`, ruleIds: q.ruleIds, quorum: { members: q.members, present: q.present, required: q.required } });
  const conditions = input.conditions?.trim() || null;
  const errors = [];
  if (input.outcome === 'approved_with_conditions' && !conditions) errors.push(fieldError(['input', 'conditions'], 'REQUIRED', 'State the conditions of the approval.', '承認の条件を入力してください。'));
  if ((conditions ?? '').length > 2000) errors.push(fieldError(['input', 'conditions'], 'TOO_LONG', 'At most 2000 characters.', '条件は2000文字以内で入力してください。'));
  if ((input.note ?? '').length > 2000) errors.push(fieldError(['input', 'note'], 'TOO_LONG', 'At most 2000 characters.', '備考は2000文字以内で入力してください。'));
  const attendees = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const dissenters = (input.dissentIds ?? []).map((id) => attendees.find((a) => a.id === id && a.present && ['chair', 'member', 'temporary_member', 'substitute'].includes(a.role)));
  if (dissenters.some((d) => !d)) errors.push(fieldError(['input', 'dissentIds'], 'INVALID_VALUE', 'Dissent is recorded for members present only.', '反対意見は出席した委員についてのみ記録できます。'));
  if (errors.length) throw badInput(errors);
  const dissent = dissenters.map((d) => `${d!.title}${d!.name ? `（${d!.name}）` : ''}`);
  return decideItem(ctx, db, committee, meeting, item, { outcome: input.outcome, conditions, dissent, note: input.note?.trim() || null });
}

async function decideItem(ctx: Context, db: Db, committee: meetingRepo.CommitteeRow, meeting: meetingRepo.MeetingRow, item: meetingRepo.ItemRow, d: { outcome: ItemOutcome; conditions: string | null; dissent: string[]; note: string | null }) {
  const done = await meetingRepo.decideItemIfOpen(db, item.id, { ...d, by: ctx.viewer!.staffId, at: ctx.now() });
  if (!done) throw stepConflict('This item has already been decided.', 'この議題はすでに決定されています。');
  const title = meetingTitle(committee, meeting);
  let requestStatus: string | null = null;
  const stepDecision = STEP_DECISION[d.outcome];
  if (item.request_step_id && stepDecision) {
    const label = { approved: '承認', approved_with_conditions: '条件付き承認', rejected: '否認', deferred: '継続審議' }[d.outcome];
    const comment = `${title}において${label}${d.conditions ? `（条件: ${d.conditions}）` : ''}${d.dissent.length ? `。反対: ${d.dissent.join('、')}` : ''}`;
    const request = await decideCommitteeStep(ctx, db, item.request_step_id, stepDecision, comment, { meetingId: meeting.id, itemId: item.id, outcome: d.outcome, conditions: d.conditions, dissent: d.dissent });
    if (!request) throw stepConflict('The request is no longer awaiting the committee (withdrawn or decided).', 'この申請は委員会の決定を待っていません（取下げ又は決定済み）。');
    requestStatus = request.status;
  }
  await audit(ctx, db, `meeting.item.${d.outcome}`, 'meeting_item', item.id, { meeting: meeting.id, title: item.title, ...d, requestStatus }, [...item.rule_ids, ...committee.rule_ids]);
}

// ---- circulation (持回り, KWW-12-2) --------------------------------------------------------------

const memberPositionsOf = (attendees: meetingRepo.AttendeeRow[]) => attendees.filter((a) => ['chair', 'member'].includes(a.role) && a.position_id).map((a) => a.position_id!);

/** The member seats of a meeting the viewer sits in now: held, or deputised for (KTM-3-6, MNT-6-4). */
export async function viewerSeats(ctx: Context, db: Db, attendees: meetingRepo.AttendeeRow[]): Promise<string[]> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return [];
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  const held = positionsAt(v.staffId, ctx.now(), facts.viewer.tenures);
  const deputy = facts.viewer.roles.filter((r) => r.via === 'deputy').map((r) => r.positionId);
  const members = memberPositionsOf(attendees);
  return [...new Set([...held, ...deputy])].filter((p) => members.includes(p));
}

/** Frozen circulation items are signed by each member; the last required sign-off decides. */
export async function signCirculation(ctx: Context, input: { itemId: string; vote: 'agree' | 'disagree'; comment?: string | null }) {
  idOrThrow(input.itemId, ['input', 'itemId']);
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbidden('Members sign in person.', [], '署名は委員本人が行います。');
  const db = await ctx.db.em();
  const peek = await meetingRepo.itemById(db, input.itemId);
  if (!peek) throw notFound('Agenda item', ['input', 'itemId']);
  const { meeting, committee } = await loadMeeting(ctx, peek.meeting_id, ['input', 'itemId'], { lock: true });
  const rules = rulesOrThrow(committee);
  if (meeting.mode !== 'circulation') throw badInput([fieldError(['input', 'itemId'], 'INVALID_VALUE', 'This item is decided at a sitting.', 'この議題は会議で決定されます。')]);
  if (meeting.status !== 'frozen') throw stepConflict('Sign-offs open once the agenda is frozen and close when the minutes are sent.', '署名は議題の確定後、会議録の送付までの間に行います。');
  const item = (await meetingRepo.itemById(db, input.itemId))!;
  if (item.removed_at || item.outcome) throw stepConflict('This item has already been decided.', 'この議題はすでに決定されています。');
  if ((input.comment ?? '').length > 2000) throw badInput([fieldError(['input', 'comment'], 'TOO_LONG', 'At most 2000 characters.', 'コメントは2000文字以内で入力してください。')]);
  const attendees = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const memberPositions = memberPositionsOf(attendees);
  const signedPositions = new Set((await meetingRepo.signoffsOfItems(db, [item.id])).map((s) => s.position_id));
  const mine = await viewerSeats(ctx, db, attendees);
  const position = mine.find((p) => !signedPositions.has(p));
  if (mine.length === 0) throw forbidden('Only the members sign a circulated decision.', rules.circulation.ruleIds, '持回りの決定に署名できるのは委員だけです。');
  if (!position) throw stepConflict('You have already signed this item.', 'この議題にはすでに署名しています。');
  await meetingRepo.insertSignoff(db, v.municipalityId, { itemId: item.id, positionId: position, staffId: v.staffId, vote: input.vote, comment: input.comment?.trim() || null, at: ctx.now() });
  await audit(ctx, db, `meeting.circulation.${input.vote}`, 'meeting_item', item.id, { meeting: meeting.id, position, comment: input.comment ?? null }, rules.circulation.ruleIds);
  const state = circulationState(rules, memberPositions, (await meetingRepo.signoffsOfItems(db, [item.id])).map((s) => ({ positionId: s.position_id, vote: s.vote })));
  if (state.complete && state.outcome) {
    const signoffs = await meetingRepo.signoffsOfItems(db, [item.id]);
    const dissent = signoffs.filter((s) => s.vote === 'disagree').map((s) => attendees.find((a) => a.position_id === s.position_id)?.title ?? s.position_id);
    await decideItem(ctx, db, committee, meeting, item, { outcome: state.outcome, conditions: null, dissent, note: `持回りにより決定（署名${state.signed}名／${state.required}名）` });
  }
  return meeting;
}

// ---- minutes ---------------------------------------------------------------------------------------

/** Sends the minutes: every item for decision is decided; attendees are told; the meeting closes. */
export async function sendMinutes(ctx: Context, meetingId: string) {
  const { db, meeting, committee } = await loadMeeting(ctx, meetingId, ['meetingId'], { lock: true });
  await secretaryOrThrow(ctx, db, committee);
  if (meeting.status === 'closed') throw stepConflict('The minutes have already been sent.', '会議録はすでに送付されています。');
  if (meeting.mode === 'meeting' && meeting.status !== 'held') throw stepConflict('Take the attendance first.', '先に出席を記録してください。');
  if (meeting.mode === 'circulation' && meeting.status !== 'frozen') throw stepConflict('Freeze the agenda and collect the sign-offs first.', '議題を確定し、署名を集めてください。');
  const items = (await meetingRepo.itemsOfMeetings(db, [meeting.id])).filter((i) => !i.removed_at);
  const open = items.filter((i) => (i.group_key === 'deliberation' || i.group_key === 'carried_over') && !i.outcome);
  if (open.length) throw stepConflict(`Record a decision for every item for decision first (${open.length} left).`, `審議事項のすべてに決定を記録してください（残り${open.length}件）。`);
  await meetingRepo.setMeetingStatus(db, meeting.id, 'closed', { minutesSentAt: ctx.now() });
  const attendees = await meetingRepo.attendeesOfMeetings(db, [meeting.id]);
  const staffIds = [...new Set(attendees.flatMap((a) => (a.staff_id ? [a.staff_id] : [])))];
  const people = await accessRepo.staffByIds(db, staffIds);
  const title = meetingTitle(committee, meeting);
  await accessRepo.insertNotifications(db, ctx.viewer!.municipalityId, people.map((p) => ({
    recipientId: p.id, kind: 'meeting.minutes', subject: `${title} 会議録`, body: `${title}の会議録が確定しました。管理画面の「会議」から確認できます。`, targetType: 'meeting', targetId: meeting.id, ruleIds: committee.rule_ids,
  })));
  await requestRepo.queueMail(db, ctx.viewer!.municipalityId, people.map((p) => ({
    recipientId: p.id, to: p.email, subject: `【司】${title} 会議録`, body: `${title}の会議録が確定しました。\n\n管理画面の「会議」から会議録（PDF・Word）を確認できます。`,
  })));
  await audit(ctx, db, 'meeting.minutes.send', 'meeting', meeting.id, { recipients: people.length, items: items.length }, committee.rule_ids);
  return (await meetingRepo.meetingById(db, meeting.id))!;
}
