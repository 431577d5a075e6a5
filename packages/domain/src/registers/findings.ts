// The transitions of a finding or improvement request (KWW-10-2, KWO-3-3, ARK-29): raised by
// whoever may raise it, answered by the addressee (open → responded), closed by the raising side
// (responded → closed); either side notes its progress while it is open.
import { fieldError } from '../registry/field-error.ts';
import { positionsAt } from '../roles/role-resolution.ts';
import { localDateAt } from '../roles/role-resolution.ts';
import { ruleIdSet } from '../rulebooks/rule-id-set.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';
import {
  decideImprovementRequest,
  findingStepConflict,
  validateFinding,
  type FindingDraft,
  type FindingSource,
  type FindingStatus,
  type InspectionKind,
} from './inspections.ts';
import { REGISTER_DUTIES } from './registers.ts';
import {
  badEntry,
  conflictingEntry,
  forbiddenEntry,
  registerDuty,
  STAFF_IN_PERSON_ONLY,
  type RegisterActor,
  type RegisterAudit,
  type RegisterNotice,
  type RegisterRefusal,
} from './register-decision.ts';

/** The inspection a finding comes of: who records it records (and follows up) its findings. */
export interface FindingInspectionFact {
  kind: InspectionKind;
  rulebookId: string;
  orgUnitId: string | null;
  ruleIds: RuleId[];
}

/** A role bound to the addressee's position. */
export interface AddresseeBinding {
  rulebookId: string;
  roleKey: string;
}

// ---- raising ------------------------------------------------------------------------------------------------

export interface FindingRaise extends FindingDraft {
  addressee: { id: string; name: string };
  /** The inspection the finding comes of; null for an improvement request. */
  inspection: FindingInspectionFact | null;
  /** For an improvement request: the roles of the addressee's position and the municipality's rulebooks. */
  addresseeBindings: readonly AddresseeBinding[];
  rulebookIds: readonly string[];
}

export type FindingRaiseDecision =
  | {
      allowed: true;
      source: FindingSource;
      rulebookId: string;
      ruleIds: RuleId[];
      onBehalfOfStaffId: string | null;
      title: string;
      detail: string;
      audit: RegisterAudit;
    }
  | RegisterRefusal;

/**
 * A finding of an inspection is raised by whoever records that inspection; an improvement request
 * by whoever may ask the addressee to improve (KWW-10-2, KWO-3-3). The due date is not past.
 */
export function decideFindingRaise(r: FindingRaise, actor: RegisterActor | null, today: string): FindingRaiseDecision {
  if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
  let source: FindingSource;
  let rulebookId: string;
  let ruleIds: RuleId[];
  let onBehalfOf: string | null;
  if (r.inspection) {
    const duty = registerDuty(actor, REGISTER_DUTIES[r.inspection.kind], { orgUnitId: r.inspection.orgUnitId });
    if (!duty.allowed) return duty;
    source = r.inspection.kind;
    rulebookId = r.inspection.rulebookId;
    ruleIds = ruleIdSet(r.inspection.ruleIds, duty.ruleIds);
    onBehalfOf = duty.onBehalfOfStaffId;
  } else {
    const d = decideImprovementRequest(actor.roles, r.addresseeBindings, r.rulebookIds, actor.registryAdmin);
    if (!d.allowed && d.reason === 'NOT_A_RAISER') return forbiddenEntry(d.message, d.ruleIds);
    if (!d.allowed) return badEntry([fieldError(['input', 'addresseePositionId'], 'INVALID_VALUE', d.message.en, d.message.ja, d.ruleIds)]);
    rulebookId = d.rule.rulebookId;
    ruleIds = d.ruleIds;
    onBehalfOf = d.role?.via === 'deputy' ? d.role.onBehalfOfStaffId : null;
    source = 'improvement_request';
  }
  const errors = validateFinding(r, today);
  if (errors.length) return badEntry(errors);
  const title = r.title!.trim();
  return {
    allowed: true,
    source,
    rulebookId,
    ruleIds,
    onBehalfOfStaffId: onBehalfOf,
    title,
    detail: r.detail!.trim(),
    audit: { action: 'finding.raise', after: { source, addressee: r.addressee.id, dueOn: r.dueOn, title }, ruleIds, onBehalfOfStaffId: onBehalfOf },
  };
}

/** The addressee is told (by mail too) what is asked and by when. */
export function findingRaisedNotice(f: { source: string; addresseeName: string; title: string; dueOn: string; ruleIds: readonly RuleId[] }): RegisterNotice {
  const word = f.source === 'improvement_request' ? '改善要求' : '指摘事項';
  return {
    kind: 'finding.raised',
    subject: `${word}：${f.title}（回答期限 ${f.dueOn}）`,
    body: `${f.addresseeName}あてに${word}「${f.title}」が登録されました。${f.dueOn}までに改善の状況を回答してください（${f.ruleIds.join('、')}）。`,
    mail: true,
  };
}

// ---- following up -------------------------------------------------------------------------------------------

/** A finding as it stands, with what says who its raising side is. */
export interface FindingFacts {
  status: FindingStatus;
  dueOn: string;
  title: string;
  rulebookId: string;
  ruleIds: RuleId[];
  addresseePositionId: string;
  addresseePositionName: string;
  raisedById: string;
  /** The inspection it comes of (null for an improvement request). */
  inspection: FindingInspectionFact | null;
  /** For an improvement request: the roles of the addressee's position. */
  addresseeBindings: readonly AddresseeBinding[];
}

interface Side {
  allowed: boolean;
  onBehalfOf: string | null;
}

/**
 * The raising side of a finding: whoever may raise that kind of finding now (the 総括者 or the
 * 情報資産管理責任者; whoever records the inspection; registry administrators), or the one who raised it.
 */
export function findingRaisingSide(f: FindingFacts, actor: RegisterActor): Side {
  if (f.inspection) {
    const d = registerDuty(actor, REGISTER_DUTIES[f.inspection.kind], { orgUnitId: f.inspection.orgUnitId });
    if (d.allowed) return { allowed: true, onBehalfOf: d.onBehalfOfStaffId };
  } else {
    const d = decideImprovementRequest(actor.roles, f.addresseeBindings, [f.rulebookId], actor.registryAdmin);
    if (d.allowed) return { allowed: true, onBehalfOf: d.role?.via === 'deputy' ? d.role.onBehalfOfStaffId : null };
  }
  return { allowed: f.raisedById === actor.staffId, onBehalfOf: null };
}

/** The addressee's side: who holds (or deputises for) the addressee's position at `at`; registry administrators too. */
export function findingAddresseeSide(f: FindingFacts, actor: RegisterActor, at: Date): Side {
  if (positionsAt(actor.staffId, at, actor.tenures).includes(f.addresseePositionId)) return { allowed: true, onBehalfOf: null };
  const deputy = actor.roles.find((r) => r.via === 'deputy' && r.positionId === f.addresseePositionId);
  if (deputy) return { allowed: true, onBehalfOf: deputy.onBehalfOfStaffId };
  return { allowed: actor.registryAdmin, onBehalfOf: null };
}

export type FindingStepDecision = { allowed: true; text: string | null; audit: RegisterAudit; notice: RegisterNotice | null } | RegisterRefusal;

/** The addressee answers (open → responded); the raiser is told, by mail too. */
export function decideFindingResponse(f: FindingFacts, actor: RegisterActor | null, at: Date, response: string): FindingStepDecision {
  if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
  const side = findingAddresseeSide(f, actor, at);
  if (!side.allowed)
    return forbiddenEntry(
      {
        ja: `この指摘事項に回答できるのは${f.addresseePositionName}（又はその代理者）です。`,
        en: `Only the ${f.addresseePositionName} (or their deputy) answers this finding.`,
      },
      f.ruleIds,
    );
  const blocked = findingStepConflict(f.status, 'respond');
  if (blocked) return conflictingEntry(blocked, f.ruleIds);
  const text = response.trim();
  if (!text) return badEntry([fieldError(['response'], 'REQUIRED', 'Describe the improvement made or planned.', '改善の状況を入力してください。')]);
  if ([...text].length > 4000) return badEntry([fieldError(['response'], 'TOO_LONG', 'At most 4000 characters.', '4000文字以内で入力してください。')]);
  return {
    allowed: true,
    text,
    audit: { action: 'finding.respond', after: { late: localDateAt(at) > f.dueOn }, ruleIds: f.ruleIds, onBehalfOfStaffId: side.onBehalfOf },
    notice:
      f.raisedById === actor.staffId
        ? null
        : {
            kind: 'finding.responded',
            subject: `指摘事項への回答：${f.title}`,
            body: `${f.addresseePositionName}から「${f.title}」への回答がありました。内容を確認し、完了としてください。`,
            mail: true,
          },
  };
}

/** The raising side confirms the answer (responded → closed); the addressee is told. */
export function decideFindingClose(f: FindingFacts, actor: RegisterActor | null, note: string | null): FindingStepDecision {
  if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
  const side = findingRaisingSide(f, actor);
  if (!side.allowed)
    return forbiddenEntry(
      {
        ja: '指摘事項を完了にできるのは、指摘した側（指摘できる者又は指摘した者）です。',
        en: 'Only the raising side (whoever may raise such a finding, or raised it) closes a finding.',
      },
      f.ruleIds,
    );
  const blocked = findingStepConflict(f.status, 'close');
  if (blocked) return conflictingEntry(blocked, f.ruleIds);
  const text = note?.trim() || null;
  if ((text ?? '').length > 2000) return badEntry([fieldError(['note'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。')]);
  return {
    allowed: true,
    text,
    audit: { action: 'finding.close', after: { note: text }, ruleIds: f.ruleIds, onBehalfOfStaffId: side.onBehalfOf },
    notice: { kind: 'finding.closed', subject: `指摘事項の完了：${f.title}`, body: `「${f.title}」は完了となりました。`, mail: false },
  };
}

/** A follow-up note by either side while the finding is open. */
export function decideFindingNote(f: FindingFacts, actor: RegisterActor | null, at: Date, body: string): FindingStepDecision {
  if (!actor) return forbiddenEntry(STAFF_IN_PERSON_ONLY);
  const addressee = findingAddresseeSide(f, actor, at);
  const side = addressee.allowed ? addressee : findingRaisingSide(f, actor);
  if (!side.allowed)
    return forbiddenEntry(
      { ja: '経過を記録できるのは、指摘した側と指摘を受けた側です。', en: 'Only the raising side and the addressee follow a finding up.' },
      f.ruleIds,
    );
  const blocked = findingStepConflict(f.status, 'note');
  if (blocked) return conflictingEntry(blocked, f.ruleIds);
  const text = body.trim();
  if (!text) return badEntry([fieldError(['body'], 'REQUIRED', 'Write the note.', '経過を入力してください。')]);
  if ([...text].length > 2000) return badEntry([fieldError(['body'], 'TOO_LONG', 'At most 2000 characters.', '2000文字以内で入力してください。')]);
  return {
    allowed: true,
    text,
    audit: { action: 'finding.note', after: { body: text }, ruleIds: f.ruleIds, onBehalfOfStaffId: side.onBehalfOf },
    notice: null,
  };
}
