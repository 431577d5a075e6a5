// Shape of the demo dataset of one municipality. Keys are stable, human-readable identifiers
// (e.g. "ark.digital") that the seeder turns into deterministic UUIDs, so reseeding is idempotent.
import type { ClassificationScale, Classification, LifecycleStatus, ManagementType, MunicipalityCode, OrgUnitLevel, RulebookId, RuleId } from '@tsukasa/domain';

export interface OrgUnitSeed {
  key: string;
  /** e.g. 管理部, デジタル推進課, 管理係 */
  name: string;
  nameEn: string;
  level: OrgUnitLevel;
  parentKey?: string;
}

export interface PositionSeed {
  key: string;
  orgUnitKey: string;
  /** The title alone: 部長, 課長, 担当課長, 係長, 係員, 室長, 所長 … */
  title: string;
  /** Display name as the regulations write it, e.g. 介護保険課長, 健康福祉局総務部長. */
  name: string;
  /** 'head' for the head of its org unit (部長/課長/室長/係長), 'member' otherwise. */
  kind: 'head' | 'deputy_head' | 'member';
}

export interface PositionTenureSeed {
  positionKey: string;
  /** ISO date (YYYY-MM-DD) the tenure started. */
  from: string;
  /** ISO date the tenure ended (exclusive); absent = current. */
  to?: string;
}

export interface StaffSeed {
  key: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** Staff number (職員番号). */
  employeeNumber: string;
  email: string;
  /** Extension (内線) — work contact; personal contact fields are protected (issue 3). */
  extension: string;
  personalPhone: string;
  tenures: PositionTenureSeed[];
  /** Present for staff that sign in to the admin app in the demo. */
  username?: string;
  /** Registry administrator (issue 2): may edit the municipality's registry. */
  registryAdmin?: boolean;
}

/** A rulebook role bound to a position, possibly limited to a scope (KWW-3). */
export interface RoleBindingSeed {
  rulebookId: RulebookId;
  /** Key of a RoleDefinition in the rulebook, e.g. "system_supervisor". */
  roleKey: string;
  positionKey: string;
  /** KWW-3: scope-split roles. A label of the business the binding covers. */
  scope?: { key: string; label: string };
  ruleIds: RuleId[];
}

export interface SystemSeed {
  key: string;
  name: string;
  businessContent: string;
  managingOrgUnitKey: string;
  managementType: ManagementType;
  usingOrgUnitKeys: string[];
  rulebookId: RulebookId;
  status: LifecycleStatus;
  contractorKey?: string;
}

export interface DataItemSeed {
  name: string;
  /** 住民基本台帳法 第7条 item number 1–8 when the item is a basic resident item (ARK-14 exemption). */
  basicResidentItem?: number;
  personal: boolean;
}

export interface InformationAssetSeed {
  key: string;
  /** Absent = 'business'; the others hold the API's protected fields (authz/authz.types.ts AssetKind). */
  kind?: 'business' | 'staff_contacts' | 'contractor_contacts' | 'system_security' | 'emergency_contacts';
  /** e.g. 介護保険業務に関する情報資産 */
  name: string;
  /** The business (事業) it belongs to, e.g. 介護保険; several businesses joined with "、". */
  business: string;
  /** 情報管理責任者 (or equivalent) — one or more positions. */
  ownerPositionKeys: string[];
  systemKeys: string[];
  classification: Classification;
  dataItems: DataItemSeed[];
  ruleIds: RuleId[];
}

export interface CommitteeSeed {
  key: string;
  rulebookId: RulebookId;
  name: string;
  nameEn: string;
  chairPositionKey: string;
  memberPositionKeys: string[];
  secretariatOrgUnitKey: string;
  ruleIds: RuleId[];
}

export interface ContractorSeed {
  key: string;
  name: string;
  people: { key: string; name: string; email: string; phone: string }[];
}

export interface MunicipalitySeed {
  code: MunicipalityCode;
  name: string;
  nameEn: string;
  prefecture: string;
  timeZone: 'Asia/Tokyo';
  classificationScale: ClassificationScale;
  rulebookIds: RulebookId[];
  orgUnits: OrgUnitSeed[];
  positions: PositionSeed[];
  staff: StaffSeed[];
  roleBindings: RoleBindingSeed[];
  systems: SystemSeed[];
  informationAssets: InformationAssetSeed[];
  committees: CommitteeSeed[];
  contractors: ContractorSeed[];
}

// ---------------------------------------------------------------------------------------------
// Demo workflows: what a new user sees alive in each municipality — requests at each stage, a
// committee meeting with its proposed agenda, incidents. They are played through the product's own
// services when the demo data is loaded (apps/gateway, modules/demo), so routes, decisions, audit
// events and notices are what the product records; dates count from the day they are loaded.
// ---------------------------------------------------------------------------------------------

/** Ids and dates a demo request's content refers to, resolved when the demo is played. */
export interface DemoRefs {
  /** The id of a seeded record (system, org unit, asset, position, staff) by its key. */
  id(key: string): string;
  /** The id of the staff member holding a position on the filing day. */
  holder(positionKey: string): string;
  /** The first staff member (by staff number) of an org unit or its units below with no account on a system. */
  withoutAccount(systemKey: string, orgUnitKey: string): string;
  /** The id of a data item of an information asset. */
  dataItem(assetKey: string, name: string): string;
  /** The filing day (YYYY-MM-DD, Japan time) and its fiscal year. */
  filedOn: string;
  fiscalYear: number;
  /** A day counted from the filing day (YYYY-MM-DD). */
  daysAfterFiling(days: number): string;
}

/**
 * Where a demo request is left: just filed (no step taken by anyone yet; those that only inform are
 * done as they open), in review (a step taken, another open),
 * waiting for a committee (its step open, on the agenda of the committee's next meeting), decided.
 */
export type DemoRequestStage = 'submitted' | 'in_review' | 'at_committee' | 'approved' | 'rejected';

export interface DemoDecisionSeed {
  /** The key of the open step decided (the first open one with that key). */
  step: string;
  decision: 'approved' | 'rejected' | 'returned' | 'consented' | 'performed' | 'confirmed';
  comment: string;
  /** Days after filing the decision is taken (its time is 10:00 plus an hour per decision, Japan time). */
  afterDays: number;
  /**
   * Who decides: by default the holder of the step's first actor position on the day. A deputy (the
   * システム総括担当者, MNT-6-4) acts for the position they deputise.
   */
  byPositionKey?: string;
  record?: Record<string, unknown>;
}

export interface DemoRequestSeed {
  /** Stable key: the idempotency key of the filing, so the demo files it once. */
  key: string;
  kindKey: string;
  requesterPositionKey: string;
  systemKey?: string;
  content: (refs: DemoRefs) => Record<string, unknown>;
  /** Days before the day the demo is loaded the request is filed (at 9:30, Japan time). */
  filedDaysAgo: number;
  decisions: DemoDecisionSeed[];
  /** The stage it is left at (checked when played). */
  stage: DemoRequestStage;
}

/** A meeting called by the committee's secretariat, its agenda proposed from what waits for it. */
export interface DemoMeetingSeed {
  key: string;
  committeeKey: string;
  calledByPositionKey: string;
  /** Held on the first business day at least this many days after the demo is loaded. */
  inDays: number;
  startTime: string;
  endTime: string;
  place: string;
}

export interface DemoIncidentSeed {
  key: string;
  systemKey: string;
  reportedByPositionKey: string;
  title: string;
  description: string;
  severity: 'minor' | 'major' | 'critical';
  residentsAffected: boolean;
  degradedOperation: string | null;
  /** Hours before the demo is loaded it occurred, and was reported (later). */
  occurredHoursAgo: number;
  reportedHoursAgo: number;
  /** While recovering: the cause known so far, the note and the expected recovery (hours from the update). */
  recovering?: { afterHours: number; note: string; cause: string | null; etaHours: number };
  /** Resolved: when (hours after the report), the cause, and the analysis recorded a day or more later. */
  resolved?: { afterHours: number; cause: string; analysis: string; preventiveMeasures: string; analysedAfterHours: number };
}

export interface DemoWorkflowsSeed {
  requests: DemoRequestSeed[];
  meetings: DemoMeetingSeed[];
  incidents: DemoIncidentSeed[];
}
