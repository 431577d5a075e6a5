// System documents kept current after every modification (MNT-13-9, MNT-21, ARK-5, ARK-11). Who
// registers a version is the domain's decision (decideDocumentRegistration); this loads and persists.
import { randomUUID } from 'node:crypto';
import { registersRepo, toDate } from '@tsukasa/db';
import {
  decideDocumentRegistration,
  documentRegisteredAudit,
  documentRule,
  documentStaleness,
  documentVersionRegistered,
  type DocumentKind,
  type DocumentStaleness,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { refusalError } from '../../graphql/errors.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, systemOrThrow } from './register-support.ts';

export interface DocumentOut {
  systemId: string;
  systemName: string;
  kind: DocumentKind;
  orgUnitId: string | null;
  orgUnitName: string | null;
  versions: registersRepo.DocumentVersionRow[];
  staleness: DocumentStaleness;
}

/** Versions grouped into documents (system, kind, keeping section), each checked against the modifications completed since. */
function documentsOf(versions: registersRepo.DocumentVersionRow[], modifications: registersRepo.ModificationRow[]): DocumentOut[] {
  const groups = new Map<string, registersRepo.DocumentVersionRow[]>();
  for (const v of versions) {
    const key = `${v.system_id}|${v.kind}|${v.org_unit_id ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  return [...groups.values()].map((list) => {
    const latest = list[0]!;
    const mods = modifications
      .filter((m) => m.system_id === latest.system_id)
      .map((m) => ({ requestNumber: m.number, decidedAt: toDate(m.decided_at).toISOString() }));
    return {
      systemId: latest.system_id,
      systemName: latest.system_name,
      kind: latest.kind,
      orgUnitId: latest.org_unit_id,
      orgUnitName: latest.org_unit_name,
      versions: list,
      staleness: documentStaleness(
        documentRule(latest.rulebook_id, latest.kind),
        { registeredAt: toDate(latest.registered_at).toISOString(), versionLabel: latest.version_label },
        mods,
      ),
    };
  });
}

export async function systemDocuments(ctx: Context, systemId: string): Promise<DocumentOut[]> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, systemId, ['systemId']);
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, [system.id]), registersRepo.completedModifications(db, [system.id])]);
  return documentsOf(versions, mods);
}

/** Every document of the municipality a completed modification has left behind. */
export async function staleDocuments(ctx: Context): Promise<DocumentOut[]> {
  const db = await ctx.db.em();
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, null), registersRepo.completedModifications(db, null)]);
  return documentsOf(versions, mods).filter((d) => d.staleness.stale);
}

export interface DocumentInput {
  systemId: string;
  kind: DocumentKind;
  orgUnitId?: string | null;
  title: string;
  versionLabel: string;
  note?: string | null;
}

/** Registers a new version of a system document (MNT-21-1, ARK-5-1, ARK-11-1); it clears the staleness it follows. */
export async function registerSystemDocument(ctx: Context, input: DocumentInput): Promise<DocumentOut> {
  const db = await ctx.db.em();
  const system = await systemOrThrow(db, input.systemId, ['input', 'systemId']);
  const orgUnitId = input.orgUnitId || null;
  if (orgUnitId) idOrThrow(orgUnitId, ['input', 'orgUnitId']);
  const d = allowedOrThrow(
    decideDocumentRegistration(
      {
        system: { id: system.id, rulebookId: system.rulebook_id, managingOrgUnitId: system.managing_org_unit_id, usingOrgUnitIds: system.using_org_unit_ids },
        kind: input.kind,
        orgUnitId,
        title: input.title,
        versionLabel: input.versionLabel,
        note: input.note,
      },
      await actorOf(ctx, db),
    ),
  );
  if (await registersRepo.documentVersionExists(db, { systemId: system.id, kind: input.kind, orgUnitId, versionLabel: d.versionLabel }))
    throw refusalError(documentVersionRegistered());
  const id = randomUUID();
  await registersRepo.insertDocumentVersion(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    systemId: system.id,
    kind: input.kind,
    orgUnitId,
    title: input.title.trim(),
    versionLabel: d.versionLabel,
    note: input.note?.trim() || null,
    by: ctx.viewer!.staffId,
    onBehalfOf: d.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  const [versions, mods] = await Promise.all([registersRepo.documentVersions(db, [system.id]), registersRepo.completedModifications(db, [system.id])]);
  const doc = documentsOf(versions, mods).find((x) => x.kind === input.kind && x.orgUnitId === orgUnitId)!;
  await audit(
    ctx,
    db,
    'system_document_version',
    id,
    documentRegisteredAudit(d, { systemId: system.id, kind: input.kind, orgUnitId, stale: doc.staleness.stale }),
  );
  return doc;
}
