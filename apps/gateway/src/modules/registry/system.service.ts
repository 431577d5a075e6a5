import { auditRepo, authRepo, registryRepo, rows, type Db, type SystemRow } from '@tsukasa/db';
import {
  assetIdMalformed,
  assetOwnersErrors,
  referenceIdMalformed,
  referenceNotFound,
  REGISTRY_LABELS,
  systemIdMalformedError,
  validateClassification,
  validateSystemDraft,
  type ClassificationScale,
  type FieldError,
} from '@tsukasa/domain';
import type { Context, Viewer } from '../../graphql/context.ts';
import { badInput, notFound, staleVersion } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { systemSnapshot } from './registry.mappers.ts';
import type { AssignOwnersInput, CreateSystemInput, SetClassificationInput, SetUsingOrgUnitsInput, UpdateSystemInput } from './registry.types.ts';

function actorOf(viewer: Viewer) {
  return {
    actorStaffId: viewer.staffId,
    actorTokenId: viewer.kind === 'token' ? viewer.tokenId : null,
  };
}

/** Checks that ids are well-formed and exist in the viewer's municipality (RLS hides the others). */
async function checkIds(
  db: Db,
  table: 'org_unit' | 'position',
  ids: (string | null | undefined)[],
  path: (i: number) => (string | number)[],
  label: { ja: string; en: string },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const wellFormed: string[] = [];
  ids.forEach((id, i) => {
    if (id == null) return;
    if (!isUuid(id)) errors.push(referenceIdMalformed(path(i), label));
    else wellFormed.push(id);
  });
  if (wellFormed.length) {
    const found = new Set((await rows<{ id: string }>(db, `select id from ${table} where id = any($1::uuid[])`, [wellFormed])).map((r) => r.id));
    ids.forEach((id, i) => {
      if (id != null && isUuid(id) && !found.has(id)) {
        errors.push(referenceNotFound(path(i), label));
      }
    });
  }
  return errors;
}

async function existingSystem(db: Db, id: string, path: (string | number)[]): Promise<SystemRow> {
  if (!isUuid(id)) throw badInput([systemIdMalformedError(path)]);
  const [row] = await registryRepo.systemsByIds(db, [id]);
  if (!row) throw notFound('System', path);
  return row;
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)];
}

export async function createSystem(ctx: Context, input: CreateSystemInput): Promise<SystemRow> {
  const viewer = ctx.viewer!;
  const db = await ctx.db.em();
  const errors = validateSystemDraft({ ...input, lifecycleStatus: input.lifecycleStatus ?? 'in_service' }, 'create');
  const using = dedupe(input.usingOrgUnitIds ?? []);
  errors.push(...(await checkIds(db, 'org_unit', [input.managingOrgUnitId], () => ['input', 'managingOrgUnitId'], REGISTRY_LABELS.managingSection)));
  errors.push(...(await checkIds(db, 'org_unit', using, (i) => ['input', 'usingOrgUnitIds', i], REGISTRY_LABELS.usingSection)));
  if (errors.length) throw badInput(errors);
  const municipality = await authRepo.municipalityById(db, viewer.municipalityId);
  // A municipality with one rulebook covering all its systems (ARK) governs every new system by it.
  const rulebookId = municipality?.rulebook_ids.length === 1 ? municipality.rulebook_ids[0]! : null;
  const row = await registryRepo.insertSystem(db, viewer.municipalityId, {
    name: input.name.trim(),
    business_content: input.businessContent.trim(),
    managing_org_unit_id: input.managingOrgUnitId,
    management_type: input.managementType,
    lifecycle_status: input.lifecycleStatus ?? 'in_service',
    rulebook_id: rulebookId,
  });
  await registryRepo.replaceUsingOrgUnits(db, viewer.municipalityId, row.id, using);
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      ...actorOf(viewer),
      action: 'system.create',
      targetType: 'system',
      targetId: row.id,
      before: null,
      after: systemSnapshot(row, using),
      ruleIds: ['ARK-4'],
      requestId: ctx.requestId,
    },
  ]);
  return row;
}

export async function updateSystem(ctx: Context, input: UpdateSystemInput, action = 'system.update'): Promise<SystemRow> {
  const viewer = ctx.viewer!;
  const db = await ctx.db.em();
  const draft = {
    ...(input.name !== undefined && input.name !== null ? { name: input.name } : input.name === null ? { name: null } : {}),
    ...(input.businessContent != null ? { businessContent: input.businessContent } : input.businessContent === null ? { businessContent: null } : {}),
    ...(input.managingOrgUnitId !== undefined ? { managingOrgUnitId: input.managingOrgUnitId } : {}),
    ...(input.managementType != null ? { managementType: input.managementType } : {}),
    ...(input.lifecycleStatus != null ? { lifecycleStatus: input.lifecycleStatus } : {}),
  };
  const errors = validateSystemDraft(draft, 'update');
  if (input.managingOrgUnitId != null) {
    errors.push(...(await checkIds(db, 'org_unit', [input.managingOrgUnitId], () => ['input', 'managingOrgUnitId'], REGISTRY_LABELS.managingSection)));
  }
  if (errors.length) throw badInput(errors);
  const before = await existingSystem(db, input.id, ['input', 'id']);
  if (before.version !== input.version) throw staleVersion('System', before.version);
  const after = await registryRepo.updateSystemIfVersion(db, input.id, input.version, {
    name: input.name?.trim(),
    business_content: input.businessContent?.trim(),
    managing_org_unit_id: input.managingOrgUnitId ?? undefined,
    management_type: input.managementType ?? undefined,
    lifecycle_status: input.lifecycleStatus ?? undefined,
  });
  // A concurrent edit between our read and our write: the conditional update matched nothing.
  if (!after) throw staleVersion('System', (await registryRepo.systemsByIds(db, [input.id]))[0]?.version ?? null);
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      ...actorOf(viewer),
      action,
      targetType: 'system',
      targetId: after.id,
      before: systemSnapshot(before),
      after: systemSnapshot(after),
      ruleIds: [],
      requestId: ctx.requestId,
    },
  ]);
  return after;
}

export async function setUsingOrgUnits(ctx: Context, input: SetUsingOrgUnitsInput): Promise<SystemRow> {
  const viewer = ctx.viewer!;
  const db = await ctx.db.em();
  const ids = dedupe(input.orgUnitIds);
  const errors = await checkIds(db, 'org_unit', ids, (i) => ['input', 'orgUnitIds', i], REGISTRY_LABELS.usingSection);
  if (errors.length) throw badInput(errors);
  const before = await existingSystem(db, input.systemId, ['input', 'systemId']);
  if (before.version !== input.version) throw staleVersion('System', before.version);
  const beforeUsing = (await registryRepo.usingOrgUnitIdsBySystemIds(db, [before.id])).map((r) => r.org_unit_id);
  const after = await registryRepo.updateSystemIfVersion(db, before.id, input.version, {});
  if (!after) throw staleVersion('System', null);
  await registryRepo.replaceUsingOrgUnits(db, viewer.municipalityId, before.id, ids);
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      ...actorOf(viewer),
      action: 'system.set_using_org_units',
      targetType: 'system',
      targetId: before.id,
      fields: ['usingOrgUnits'],
      before: { usingOrgUnitIds: beforeUsing, version: before.version },
      after: { usingOrgUnitIds: ids, version: after.version },
      ruleIds: [],
      requestId: ctx.requestId,
    },
  ]);
  return after;
}

export async function setClassification(ctx: Context, input: SetClassificationInput) {
  const viewer = ctx.viewer!;
  const db = await ctx.db.em();
  const municipality = await authRepo.municipalityById(db, viewer.municipalityId);
  const errors = validateClassification((municipality?.classification_scale ?? 'guideline_2024') as ClassificationScale, input);
  if (!isUuid(input.informationAssetId)) errors.push(assetIdMalformed());
  if (errors.length) throw badInput(errors);
  const [before] = await registryRepo.assetsByIds(db, [input.informationAssetId]);
  if (!before) throw notFound('InformationAsset', ['input', 'informationAssetId']);
  if (before.version !== input.version) throw staleVersion('InformationAsset', before.version);
  const after = await registryRepo.updateAssetIfVersion(db, before.id, input.version, {
    confidentiality: input.confidentiality,
    integrity: input.integrity,
    availability: input.availability,
  });
  if (!after) throw staleVersion('InformationAsset', null);
  const pick = (r: typeof before) => ({ confidentiality: r.confidentiality, integrity: r.integrity, availability: r.availability, version: r.version });
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      ...actorOf(viewer),
      action: 'information_asset.set_classification',
      targetType: 'information_asset',
      targetId: after.id,
      fields: ['classification'],
      before: pick(before),
      after: pick(after),
      ruleIds: ['ARK-26-2-2'],
      requestId: ctx.requestId,
    },
  ]);
  return after;
}

export async function assignOwners(ctx: Context, input: AssignOwnersInput) {
  const viewer = ctx.viewer!;
  const db = await ctx.db.em();
  const ids = dedupe(input.ownerPositionIds);
  const errors: FieldError[] = [];
  errors.push(...assetOwnersErrors(ids));
  errors.push(...(await checkIds(db, 'position', ids, (i) => ['input', 'ownerPositionIds', i], REGISTRY_LABELS.position)));
  if (!isUuid(input.informationAssetId)) errors.push(assetIdMalformed());
  if (errors.length) throw badInput(errors);
  const [before] = await registryRepo.assetsByIds(db, [input.informationAssetId]);
  if (!before) throw notFound('InformationAsset', ['input', 'informationAssetId']);
  if (before.version !== input.version) throw staleVersion('InformationAsset', before.version);
  const beforeOwners = (await registryRepo.ownerPositionIdsByAssetIds(db, [before.id])).map((r) => r.position_id);
  const after = await registryRepo.updateAssetIfVersion(db, before.id, input.version, {});
  if (!after) throw staleVersion('InformationAsset', null);
  await registryRepo.replaceOwners(db, viewer.municipalityId, before.id, ids);
  await auditRepo.appendAuditEvents(db, viewer.municipalityId, [
    {
      ...actorOf(viewer),
      action: 'information_asset.assign_owners',
      targetType: 'information_asset',
      targetId: after.id,
      fields: ['owners'],
      before: { ownerPositionIds: beforeOwners, version: before.version },
      after: { ownerPositionIds: ids, version: after.version },
      ruleIds: ['KWW-5-1'],
      requestId: ctx.requestId,
    },
  ]);
  return after;
}
