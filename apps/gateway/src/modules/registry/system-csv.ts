import { registryRepo, type OrgUnitRow } from '@tsukasa/db';
import { lifecycleStatusLabel, managementTypeLabel, type LifecycleStatus as Status, type ManagementType as MType } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import { fieldError } from '@tsukasa/domain';
import { isUuid } from '../../graphql/scalars.ts';
import { parseCsv, toCsv, unguard } from '../../graphql/csv.ts';
import * as service from './system.service.ts';
import { FieldChange, ImportAction, ImportRow, LifecycleStatus, ManagementType, SystemImportResult, type SystemFilter } from './registry.types.ts';
import { graphqlObject } from '../../graphql/object.ts';

export const CSV_HEADER = ['ID', 'システム名', '業務内容', '管理に係る所管', '管理区分', '状態', '利用課', '版'] as const;
const MAX_ROWS = 5000;
const LIST_SEPARATOR = '; ';

function orgPaths(units: OrgUnitRow[]): { pathOf: Map<string, string>; idOf: Map<string, string> } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const pathOf = new Map<string, string>();
  const path = (u: OrgUnitRow): string => {
    const cached = pathOf.get(u.id);
    if (cached) return cached;
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    const p = parent ? `${path(parent)} / ${u.name}` : u.name;
    pathOf.set(u.id, p);
    return p;
  };
  units.forEach(path);
  // Import accepts a full path, or a bare name when it is unique in the municipality.
  const idOf = new Map<string, string>();
  const nameCount = new Map<string, number>();
  for (const u of units) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  for (const u of units) {
    idOf.set(pathOf.get(u.id)!, u.id);
    if (nameCount.get(u.name) === 1) idOf.set(u.name, u.id);
  }
  return { pathOf, idOf };
}

export async function exportSystemsCsv(ctx: Context, filter: SystemFilter | null): Promise<string> {
  const db = await ctx.db.em();
  const [systems, units] = await Promise.all([
    registryRepo.allSystems(db, { text: filter?.text, managingOrgUnitId: filter?.managingOrgUnitId, lifecycleStatus: filter?.lifecycleStatus }),
    registryRepo.listOrgUnits(db),
  ]);
  const { pathOf } = orgPaths(units);
  const using = await registryRepo.usingOrgUnitIdsBySystemIds(
    db,
    systems.map((s) => s.id),
  );
  const usingOf = new Map<string, string[]>();
  for (const u of using) usingOf.set(u.system_id, [...(usingOf.get(u.system_id) ?? []), u.org_unit_id]);
  return toCsv([
    [...CSV_HEADER],
    ...systems.map((s) => [
      s.id,
      s.name,
      s.business_content,
      pathOf.get(s.managing_org_unit_id) ?? '',
      managementTypeLabel[s.management_type as MType]?.ja ?? s.management_type,
      lifecycleStatusLabel[s.lifecycle_status as Status]?.ja ?? s.lifecycle_status,
      (usingOf.get(s.id) ?? []).map((id) => pathOf.get(id) ?? '').join(LIST_SEPARATOR),
      String(s.version),
    ]),
  ]);
}

const reverse = <T extends string>(labels: Record<T, { ja: string; en: string }>) =>
  new Map(
    Object.entries<{ ja: string; en: string }>(labels).flatMap(([k, v]) => [
      [v.ja, k as T],
      [v.en, k as T],
      [k, k as T],
    ]),
  );
const statusByLabel = reverse(lifecycleStatusLabel);
const typeByLabel = reverse(managementTypeLabel);

/**
 * Reads the export's columns. Dry run: the diff only. Apply: every row through the same service as
 * the forms (validation, optimistic version check, audit), all-or-nothing — one bad row changes nothing.
 */
export async function importSystemsCsv(ctx: Context, csv: string, dryRun: boolean): Promise<SystemImportResult> {
  if (csv.length > 5_000_000) throw badInput([fieldError(['csv'], 'TOO_LONG', 'The CSV is larger than 5 MB.', 'CSVが5MBを超えています。')]);
  const table = parseCsv(csv);
  const header = table[0]?.map((h) => h.trim());
  if (!header || CSV_HEADER.some((h, i) => header[i] !== h)) {
    throw badInput([
      fieldError(
        ['csv'],
        'INVALID_VALUE',
        `The first line must be the header: ${CSV_HEADER.join(',')}`,
        `1行目は見出し行（${CSV_HEADER.join(',')}）にしてください。`,
      ),
    ]);
  }
  if (table.length - 1 > MAX_ROWS)
    throw badInput([fieldError(['csv'], 'TOO_LONG', `At most ${MAX_ROWS} rows per import.`, `一度に取り込めるのは${MAX_ROWS}行までです。`)]);
  const db = await ctx.db.em();
  const units = await registryRepo.listOrgUnits(db);
  const { pathOf, idOf } = orgPaths(units);
  const ids = table
    .slice(1)
    .map((r) => r[0]?.trim() ?? '')
    .filter(isUuid);
  const existing = new Map((await registryRepo.systemsByIds(db, ids)).map((s) => [s.id, s]));
  const usingRows = await registryRepo.usingOrgUnitIdsBySystemIds(db, ids);
  const usingOf = new Map<string, string[]>();
  for (const u of usingRows) usingOf.set(u.system_id, [...(usingOf.get(u.system_id) ?? []), u.org_unit_id]);

  type Plan = { row: ImportRow; create?: Parameters<typeof service.createSystem>[1]; update?: Parameters<typeof service.updateSystem>[1]; using?: string[] };
  const plans: Plan[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (n: number) => unguard((cells[n] ?? '').trim());
    const [id, name, business, managing, mtype, status, usingText, version] = [0, 1, 2, 3, 4, 5, 6, 7].map(get) as string[];
    const errors: string[] = [];
    const managingId = idOf.get(managing!);
    if (!managingId) errors.push(`管理に係る所管「${managing}」が見つかりません / unknown managing section`);
    const managementType = typeByLabel.get(mtype!);
    if (!managementType) errors.push(`管理区分「${mtype}」が正しくありません / unknown management type`);
    const lifecycle = statusByLabel.get(status!);
    if (!lifecycle) errors.push(`状態「${status}」が正しくありません / unknown status`);
    const usingNames = usingText ? usingText.split(/;\s*/).filter(Boolean) : [];
    const usingIds = usingNames.map((n) => idOf.get(n));
    usingNames.forEach((n, k) => usingIds[k] ?? errors.push(`利用課「${n}」が見つかりません / unknown using section`));
    if (!name) errors.push('システム名が空です / name is empty');
    if (!business) errors.push('業務内容が空です / business content is empty');
    const row = graphqlObject(ImportRow, { line, action: ImportAction.ERROR, systemId: id || null, name: name ?? '', changes: [] as FieldChange[], errors });
    const current = id ? existing.get(id) : undefined;
    if (id && !current) errors.push(`ID ${id} のシステムが見つかりません / no such system`);
    if (current && version && Number(version) !== current.version) {
      errors.push(`版 ${version} は古くなっています（現在 ${current.version}）/ stale version`);
    }
    if (errors.length) return plans.push({ row });
    const using = usingIds as string[];
    if (!current) {
      row.action = ImportAction.CREATE;
      row.changes = [
        { field: 'システム名', before: null, after: name! },
        { field: '業務内容', before: null, after: business! },
        { field: '管理に係る所管', before: null, after: managing! },
      ];
      return plans.push({
        row,
        create: {
          name: name!,
          businessContent: business!,
          managingOrgUnitId: managingId!,
          managementType: managementType as unknown as ManagementType,
          lifecycleStatus: lifecycle as unknown as LifecycleStatus,
          usingOrgUnitIds: using,
        },
      });
    }
    const change = (field: string, before: string, after: string) => {
      if (before !== after) row.changes.push({ field, before, after });
    };
    change('システム名', current.name, name!);
    change('業務内容', current.business_content, business!);
    change('管理に係る所管', pathOf.get(current.managing_org_unit_id) ?? '', pathOf.get(managingId!) ?? '');
    change('管理区分', managementTypeLabel[current.management_type as MType]?.ja ?? '', managementTypeLabel[managementType!]?.ja ?? '');
    change('状態', lifecycleStatusLabel[current.lifecycle_status as Status]?.ja ?? '', lifecycleStatusLabel[lifecycle!]?.ja ?? '');
    const beforeUsing = usingOf.get(current.id) ?? [];
    const usingChanged = beforeUsing.join() !== using.join();
    if (usingChanged) change('利用課', beforeUsing.map((u) => pathOf.get(u)).join(LIST_SEPARATOR), using.map((u) => pathOf.get(u)).join(LIST_SEPARATOR));
    row.action = row.changes.length ? ImportAction.UPDATE : ImportAction.UNCHANGED;
    plans.push({
      row,
      update: row.changes.some((c) => c.field !== '利用課')
        ? {
            id: current.id,
            version: current.version,
            name: name!,
            businessContent: business!,
            managingOrgUnitId: managingId!,
            managementType: managementType as unknown as ManagementType,
            lifecycleStatus: lifecycle as unknown as LifecycleStatus,
          }
        : undefined,
      using: usingChanged ? using : undefined,
    });
  });

  const count = (a: ImportAction) => plans.filter((p) => p.row.action === a).length;
  const result = graphqlObject(SystemImportResult, {
    dryRun,
    applied: false,
    rows: plans.map((p) => p.row),
    created: count(ImportAction.CREATE),
    updated: count(ImportAction.UPDATE),
    unchanged: count(ImportAction.UNCHANGED),
    errors: count(ImportAction.ERROR),
  });
  if (dryRun || result.errors > 0) return result;
  for (const p of plans) {
    if (p.create) p.row.systemId = (await service.createSystem(ctx, p.create)).id;
    let version = p.update?.version;
    if (p.update) version = (await service.updateSystem(ctx, p.update, 'system.import')).version;
    if (p.using && p.row.systemId)
      await service.setUsingOrgUnits(ctx, { systemId: p.row.systemId, version: version ?? existing.get(p.row.systemId)!.version, orgUnitIds: p.using });
  }
  result.applied = true;
  return result;
}
