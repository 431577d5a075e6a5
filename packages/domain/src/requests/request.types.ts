// The request engine (申請): a request kind is data — its form, who may file it, and rules that
// compute its route of steps from the rulebook, the system and the request's content.
import type { Bilingual } from '../bilingual.ts';
import type { RulebookId } from '../model/types.ts';
import type { FieldError } from '../registry/field-error.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

export type { Bilingual };

/** What a step asks of its actor. */
export const STEP_KIND_VALUES = [
  'approve', // 承認 / 決定: may approve, reject or return for correction
  'consent', // 同意: e.g. the システム総括者's consent to an owner's decision (KWW-6-1-1)
  'perform', // 実施: do the work and record it (the administrator creates the account; the contractor modifies the system)
  'confirm', // 確認: check what was done (the section chief's 作業確認票, MNT-14-4)
  'inform', // 報告・通知: be told; completes without a decision
] as const;
export type StepKind = (typeof STEP_KIND_VALUES)[number];

/** Where a step stands: waiting for the steps before it, open to its actors, done; planned in a preview. */
export const STEP_STATUS_VALUES = ['waiting', 'open', 'done', 'planned'] as const;
export type StepStatus = (typeof STEP_STATUS_VALUES)[number];

/** Where a request stands: on its route, returned for correction, approved, rejected or withdrawn. */
export const REQUEST_STATUS_VALUES = ['in_progress', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUS_VALUES)[number];

/** Who acts on a step. Resolved to positions/people at the time the step becomes current. */
export type ActorRule =
  /** Holders of a rulebook role (deputies included). `where` narrows role holders to the system's
   *  managing section (ARK-4), the requester's section, or a scope key (KWW-3-1 split). */
  | { kind: 'role'; rulebookId: RulebookId; roleKey: string; where?: 'system_managing_unit' | 'requester_unit'; scopeKey?: string }
  /** Owners (情報管理責任者) of the information assets the request touches; `others`: except the requester's own (KWW-6-2, KWW-7-2). */
  | { kind: 'asset_owners'; which: 'all' | 'others' | 'requester_own' }
  /** The chief (課長) of each section that manages data the request uses (ARK-14-1). */
  | { kind: 'data_managing_chiefs' }
  /** A committee decides at a meeting (ARK-12-4 運営委員会, KTM-13-1-2 運用会議). */
  | { kind: 'committee'; committeeKey: string }
  /** The system's maintenance contractor (保守業務受託者). */
  | { kind: 'contractor' }
  /** The head (課長) of the requester's own section. */
  | { kind: 'requester_section_chief' }
  /** The requester. */
  | { kind: 'requester' };

export interface StepTemplate {
  /** Stable within the kind, e.g. "estimate", "other_owners". */
  key: string;
  kind: StepKind;
  actor: ActorRule;
  label: Bilingual;
  ruleIds: RuleId[];
  /** Steps with the same `stage` number run in parallel; a stage opens when the previous one is complete. */
  stage: number;
  /** For asset_owners / data_managing_chiefs: one step per owner/chief (each must act), filled in when the route is computed. */
  perEach?: boolean;
  /**
   * The rulebook itself has the requester's side take this decision, so the rule "an approver is never
   * the requester" yields to it: the filing owner decides their own change once the other owners have
   * approved (KWW-6-1-1, KWW-7-1-1), the requesting section chief confirms the contractor's work
   * (MNT-14-4). The author of the work still never confirms it (KWO-8-1-2).
   */
  requesterMayDecide?: boolean;
}

export type FormFieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'number'
  | 'boolean'
  | 'select'
  | 'staff' // one staff member (id)
  | 'staffList'
  | 'system'
  | 'asset'
  | 'assetList'
  | 'orgUnit'
  | 'position'
  | 'dataItems' // names of data items used
  | 'userChanges'; // bulk update rows: [{ action: 'add' | 'remove', staffId, authorityProfile?, validTo? }]

export interface FormField {
  key: string;
  type: FormFieldType;
  label: Bilingual;
  required: boolean;
  help?: Bilingual;
  options?: { value: string; label: Bilingual }[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** The rules that make this field necessary. */
  ruleIds?: RuleId[];
  /** The rulebooks whose form shows this field; absent = every rulebook of the kind. */
  rulebookIds?: RulebookId[];
}

/** What the route rules may look at. Ids are opaque strings. */
export interface RouteContext {
  rulebookId: RulebookId;
  /** Filing instant (ISO) and the municipality's time zone: deadlines (ARK-12-2) are computed in it. */
  filedAt: string;
  timeZone: string;
  requester: { staffId: string; orgUnitId: string | null; roleKeys: string[] };
  system: { id: string; rulebookId: RulebookId | null; managingOrgUnitId: string; managementType: 'digital_section' | 'system_section' } | null;
  /** Information assets the request touches (e.g. handled by the system being changed), with their owner positions. */
  assets: { id: string; ownerPositionIds: string[] }[];
  /** Owner positions the requester holds (their own assets, KWW-6-1-1). */
  requesterPositionIds: string[];
  /** Data items to be used, with the section managing them and whether they are 住民基本台帳法第7条 items 1–8 (ARK-14). */
  dataUse: { name: string; managingOrgUnitId: string; basicResidentItem: number | null; personal: boolean }[];
  content: Record<string, unknown>;
}

export interface ComputedStep extends StepTemplate {
  /**
   * For perEach steps: the owner position / org unit this copy is for. On a role step: the org unit
   * whose role holder acts, when it is neither the requester's nor the system's managing unit (the
   * section head of the suspended user, KTM-10-5).
   */
  subjectId?: string;
}

export interface RouteResult {
  steps: ComputedStep[];
  /** Why the route looks like this, for the preview ("this will need approval from …"). */
  notes: { message: Bilingual; ruleIds: RuleId[] }[];
  /** Refusals that stop the filing (e.g. ARK-12-2: late and not urgent). */
  errors: FieldError[];
  /** A due date (ISO date in the municipality's time zone) when the rulebook sets one. */
  dueOn?: string;
}

/** What an approved request changes, applied in the transaction of its final decision. */
export type EffectKey =
  | 'create_accounts'
  | 'end_accounts'
  | 'bulk_update_accounts'
  | 'update_access_rights'
  | 'change_licences'
  | 'suspend_accounts'
  | 'reinstate_accounts'
  | 'reset_password'
  | 'record_work'
  | 'modify_system'
  | 'introduce_system'
  | 'record_data_use'
  | 'retire_system'
  | 'set_procedure_definition'
  | 'none';

export interface RequestKind {
  key: string;
  name: Bilingual;
  /**
   * The paper form it replaces, per rulebook: only a rulebook that names a form for it has one
   * (MNT 第1号様式 for a user addition; KTM defines no forms, and KWO's forms are the form ledger
   * and the check sheet, not an application). Read it with paperFormFor.
   */
  paperForms?: Partial<Record<RulebookId, string>>;
  /** The rulebooks that define this kind; a request is governed by the system's rulebook. */
  rulebookIds: RulebookId[];
  /** Who may file: any of these (role holders, the requester section chief …). */
  filers: ActorRule[];
  fields: FormField[];
  /** Cross-field and rule validation beyond the field types (e.g. ARK-12 criteria all checked). */
  validate(ctx: RouteContext): FieldError[];
  /** The route: a pure function of the rulebook, the system and the content. */
  route(ctx: RouteContext): RouteResult;
  effect: EffectKey;
  ruleIds: RuleId[];
}
