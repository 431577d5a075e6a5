// Findings and improvement requests (KWW-10-2, KWO-3-3, ARK-29), followed up to closure. Who may
// raise, answer, close or note one is the domain's (decideFindingRaise, decideFindingResponse,
// decideFindingClose, decideFindingNote); this loads the finding's facts, persists, audits and notifies.
import { randomUUID } from 'node:crypto';
import { accessRepo, registersRepo, registryRepo, type Db } from '@tsukasa/db';
import {
  decideFindingClose,
  decideFindingNote,
  decideFindingRaise,
  decideFindingResponse,
  findingRaisedNotice,
  positionNotFound,
  type FindingFacts,
  type FindingInspectionFact,
  type FindingStatus,
  type RegisterActor,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, notFound } from '../../graphql/errors.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, municipalityRulebooks, notifyPositions, notifyStaff, systemOrThrow, todayOf } from './register-support.ts';

export interface FindingOut {
  finding: registersRepo.FindingRow;
  notes: registersRepo.FindingNoteRow[];
}

export async function findingsOut(db: Db, list: registersRepo.FindingRow[]): Promise<FindingOut[]> {
  const notes = list.length
    ? await registersRepo.notesOfFindings(
        db,
        list.map((f) => f.id),
      )
    : [];
  return list.map((finding) => ({ finding, notes: notes.filter((n) => n.finding_id === finding.id) }));
}

export async function findings(ctx: Context, filter: { status?: FindingStatus | null; overdueOnly?: boolean | null }): Promise<FindingOut[]> {
  const db = await ctx.db.em();
  const today = todayOf(ctx);
  const list = (await registersRepo.findings(db, { statuses: filter.overdueOnly ? ['open'] : filter.status ? [filter.status] : null })).filter(
    (f) => !filter.overdueOnly || f.due_on < today,
  );
  return findingsOut(db, list);
}

const inspectionFact = (i: registersRepo.InspectionRow): FindingInspectionFact => ({
  kind: i.kind,
  rulebookId: i.rulebook_id,
  orgUnitId: i.org_unit_id,
  ruleIds: i.rule_ids,
});

const bindingsOf = async (db: Db, positionId: string) =>
  (await accessRepo.bindingsOfPositions(db, [positionId])).map((b) => ({ rulebookId: b.rulebook_id, roleKey: b.role_key }));

export interface FindingInput {
  inspectionId?: string | null;
  systemId?: string | null;
  addresseePositionId: string;
  title: string;
  detail: string;
  dueOn: string;
}

/** Raises a finding of an inspection, or an improvement request (KWW-10-2, KWO-3-3); the addressee is told. */
export async function raiseFinding(ctx: Context, input: FindingInput): Promise<FindingOut> {
  const db = await ctx.db.em();
  idOrThrow(input.addresseePositionId, ['input', 'addresseePositionId']);
  const [addressee] = await registryRepo.positionsByIds(db, [input.addresseePositionId]);
  if (!addressee) throw badInput([positionNotFound(['input', 'addresseePositionId'])]);
  if (input.systemId) await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const actor = await actorOf(ctx, db);
  let inspection: FindingInspectionFact | null = null;
  if (actor && input.inspectionId) {
    idOrThrow(input.inspectionId, ['input', 'inspectionId']);
    const row = await registersRepo.inspectionById(db, input.inspectionId);
    if (!row) throw notFound('Inspection', ['input', 'inspectionId']);
    inspection = inspectionFact(row);
  }
  const improvement = actor && !inspection;
  const d = allowedOrThrow(
    decideFindingRaise(
      {
        ...input,
        addressee: { id: addressee.id, name: addressee.name },
        inspection,
        addresseeBindings: improvement ? await bindingsOf(db, addressee.id) : [],
        rulebookIds: improvement ? await municipalityRulebooks(ctx, db) : [],
      },
      actor,
      todayOf(ctx),
    ),
  );
  const v = ctx.viewer!;
  const id = randomUUID();
  await registersRepo.insertFinding(db, {
    id,
    municipalityId: v.municipalityId,
    rulebookId: d.rulebookId,
    source: d.source,
    inspectionId: input.inspectionId || null,
    systemId: input.systemId || null,
    addresseePositionId: addressee.id,
    title: d.title,
    detail: d.detail,
    dueOn: input.dueOn,
    by: v.staffId,
    onBehalfOf: d.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  await audit(ctx, db, 'finding', id, d.audit);
  const notice = findingRaisedNotice({ source: d.source, addresseeName: addressee.name, title: d.title, dueOn: input.dueOn, ruleIds: d.ruleIds });
  await notifyPositions(ctx, db, [addressee.id], notice, { targetType: 'finding', targetId: id, ruleIds: d.ruleIds });
  return (await findingsOut(db, [(await registersRepo.findingById(db, id))!]))[0]!;
}

/** The finding (locked) with what the decisions on it need, and the actor. */
async function loadFinding(ctx: Context, id: string): Promise<{ db: Db; f: registersRepo.FindingRow; facts: FindingFacts; actor: RegisterActor | null }> {
  idOrThrow(id, ['id']);
  const db = await ctx.db.em();
  const f = await registersRepo.findingById(db, id, { lock: true });
  if (!f) throw notFound('Finding', ['id']);
  const actor = await actorOf(ctx, db);
  const inspection = f.inspection_id ? inspectionFact((await registersRepo.inspectionById(db, f.inspection_id))!) : null;
  const facts: FindingFacts = {
    status: f.status,
    dueOn: f.due_on,
    title: f.title,
    rulebookId: f.rulebook_id,
    ruleIds: f.rule_ids,
    addresseePositionId: f.addressee_position_id,
    addresseePositionName: f.addressee_position_name,
    raisedById: f.raised_by_id,
    inspection,
    addresseeBindings: inspection ? [] : await bindingsOf(db, f.addressee_position_id),
  };
  return { db, f, facts, actor };
}

const findingOut = async (db: Db, id: string) => (await findingsOut(db, [(await registersRepo.findingById(db, id))!]))[0]!;

/** The addressee answers (open → responded); the raiser is told. */
export async function respondToFinding(ctx: Context, id: string, response: string): Promise<FindingOut> {
  const { db, f, facts, actor } = await loadFinding(ctx, id);
  const d = allowedOrThrow(decideFindingResponse(facts, actor, ctx.now(), response));
  await registersRepo.respondToFinding(db, f.id, { response: d.text!, by: ctx.viewer!.staffId, at: ctx.now() });
  await audit(ctx, db, 'finding', f.id, d.audit);
  if (d.notice) await notifyStaff(ctx, db, [f.raised_by_id], d.notice, { targetType: 'finding', targetId: f.id, ruleIds: f.rule_ids });
  return findingOut(db, f.id);
}

/** The raising side confirms the answer (responded → closed). */
export async function closeFinding(ctx: Context, id: string, note: string | null): Promise<FindingOut> {
  const { db, f, facts, actor } = await loadFinding(ctx, id);
  const d = allowedOrThrow(decideFindingClose(facts, actor, note));
  await registersRepo.closeFinding(db, f.id, { note: d.text, by: ctx.viewer!.staffId, at: ctx.now() });
  await audit(ctx, db, 'finding', f.id, d.audit);
  if (d.notice) await notifyPositions(ctx, db, [f.addressee_position_id], d.notice, { targetType: 'finding', targetId: f.id, ruleIds: f.rule_ids });
  return findingOut(db, f.id);
}

/** A follow-up note by either side while the finding is open. */
export async function addFindingNote(ctx: Context, id: string, body: string): Promise<FindingOut> {
  const { db, f, facts, actor } = await loadFinding(ctx, id);
  const d = allowedOrThrow(decideFindingNote(facts, actor, ctx.now(), body));
  await registersRepo.insertFindingNote(db, {
    municipalityId: ctx.viewer!.municipalityId,
    findingId: f.id,
    by: ctx.viewer!.staffId,
    body: d.text!,
    at: ctx.now(),
  });
  await audit(ctx, db, 'finding', f.id, d.audit);
  return findingOut(db, f.id);
}
