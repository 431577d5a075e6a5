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
