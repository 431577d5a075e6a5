import { toDate, type AssetRow, type OrgUnitRow, type PositionRow, type SystemRow } from '@tsukasa/db';
import { InformationAsset, LifecycleStatus, ManagementType, OrgUnit, OrgUnitLevel, Position, System } from './registry.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

export function toSystem(r: SystemRow): System {
  return graphqlObject(System, {
    id: r.id,
    name: r.name,
    businessContent: r.business_content,
    managementType: r.management_type as ManagementType,
    lifecycleStatus: r.lifecycle_status as LifecycleStatus,
    version: r.version,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    managingOrgUnitId: r.managing_org_unit_id,
    rulebookId: r.rulebook_id,
  });
}

export function toOrgUnit(r: OrgUnitRow): OrgUnit {
  return graphqlObject(OrgUnit, {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    level: r.level as OrgUnitLevel,
    parentId: r.parent_id,
  });
}

export function toPosition(r: PositionRow): Position {
  return graphqlObject(Position, { id: r.id, name: r.name, title: r.title, orgUnitId: r.org_unit_id });
}

export function toAsset(r: AssetRow): InformationAsset {
  return graphqlObject(InformationAsset, {
    id: r.id,
    name: r.name,
    business: r.business,
    classification: { confidentiality: r.confidentiality, integrity: r.integrity, availability: r.availability },
    ruleIds: r.rule_ids,
    version: r.version,
  });
}

/** The audited picture of a system: what an auditor compares before and after. */
export function systemSnapshot(r: SystemRow, usingOrgUnitIds?: string[]) {
  return {
    name: r.name,
    businessContent: r.business_content,
    managingOrgUnitId: r.managing_org_unit_id,
    managementType: r.management_type,
    lifecycleStatus: r.lifecycle_status,
    version: r.version,
    ...(usingOrgUnitIds ? { usingOrgUnitIds } : {}),
  };
}
