import type { Bilingual } from '../bilingual.ts';
import type { HeldRole, TenureFact } from '../roles/roles.types.ts';
import type { RuleId } from '../rulebooks/rule-id.ts';

/**
 * What an information asset is, for authorization. 'business' assets are the municipality's
 * information (KWW 別表 …); the others hold the protected fields the API exposes (SPEC §5).
 */
export type AssetKind = 'business' | 'staff_contacts' | 'contractor_contacts' | 'system_security' | 'emergency_contacts';

export interface AssetFact {
  id: string;
  kind: AssetKind;
  /** 3A/3B/3C/3/2/1 */
  confidentiality: string;
  /** Positions of its owners (情報管理責任者 / 情報資産管理責任者 …). */
  ownerPositionIds: string[];
  /** Rulebooks governing the systems that handle it (decides which role rules apply). */
  rulebookIds: string[];
}

/** A viewer's right to see protected fields of an asset, approved by its owner(s). */
export interface GrantFact {
  id: string;
  assetId: string;
  granteeStaffId: string;
  /** The duty it was granted for: the grant lapses when the grantee no longer holds this position (KTM-11). */
  positionId: string | null;
  validFrom: string; // ISO instant
  validTo: string | null; // ISO instant, exclusive
  suspendedAt: string | null; // ISO instant
  /** Field names it covers; null = every protected field of the asset. */
  fields: string[] | null;
  /** Active only when every owner position has approved (KWW-5-2: the owner judges use). */
  approved: boolean;
}

export interface ViewerFacts {
  staffId: string;
  /** Roles held at the instant (position and deputy). */
  roles: HeldRole[];
  /** The viewer's tenures (to decide "inside the duty period"). */
  tenures: TenureFact[];
  /** Grants whose grantee is the viewer (any state: the decision explains expired/suspended ones). */
  grants: GrantFact[];
}

/** The subject of a protected field: whose personal data, which system's security data. */
export interface FieldSubject {
  /** For staff contact details: the staff member the data is about (they may see their own). */
  staffId?: string;
  /** For system security / emergency contacts: the system, to match the roles administering it. */
  systemManagingOrgUnitId?: string;
  systemRulebookId?: string | null;
}

export type FieldDenialReason =
  'NO_RIGHT' | 'GRANT_NOT_YET_VALID' | 'GRANT_EXPIRED' | 'GRANT_SUSPENDED' | 'GRANT_PENDING_APPROVAL' | 'GRANT_OUTSIDE_DUTY' | 'GRANT_OTHER_FIELDS';
export type FieldAllowReason = 'OWNER' | 'GRANT' | 'ROLE' | 'SELF';

export interface FieldDecision {
  allowed: boolean;
  reason: FieldAllowReason | FieldDenialReason;
  /** Human-readable explanation in both languages. */
  message: Bilingual;
  ruleIds: RuleId[];
  /** The grant or role that allowed it, when one did. */
  grantId?: string;
  role?: { rulebookId: string; roleKey: string };
  /** When the viewer acts as a deputy (MNT-6-4, KTM-3-6): the holder they act for (null if vacant). */
  onBehalfOfStaffId?: string | null;
}

export interface FieldAccessInput {
  viewer: ViewerFacts;
  asset: AssetFact;
  field: string;
  subject: FieldSubject;
  /** ISO instant of the decision. */
  at: string;
  /** Org units whose systems' roles this viewer's role positions administer: positionId → orgUnitId of the position. */
  positionOrgUnit: (positionId: string) => string | undefined;
  /** Time zone in which tenure dates are read; default Asia/Tokyo. */
  timeZone?: string;
}
