// 実施記録: duties performed outside the software (duty-records.ts of the domain) — recorded when done,
// and due again by the municipality's setting or after an audit (ARK-30-1).
import { randomUUID } from 'node:crypto';
import { registersRepo, requestRepo, type Db } from '@tsukasa/db';
import { decideDutyRecord, dutyDefinitionsFor, dutyDue, isDutyKey, type DutyDefinition, type DutyDue, type DutyKey, type DutySetting } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { actorOf, allowedOrThrow, audit, idOrThrow, labelsOf, municipalityRulebooks, todayOf } from './register-support.ts';

/** Where a duty stands, for the whole municipality or for one section. */
export interface DutyStatusOut {
  definition: DutyDefinition;
  setting: DutySetting | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  lastDoneOn: string | null;
  /** Null when the municipality has not set the duty up, or nothing is due (no audit since the last review). */
  due: DutyDue | null;
}

/** The sections a duty kept per section is kept in: those of the positions holding a performer's role. */
async function dutyUnits(db: Db, def: DutyDefinition): Promise<string[]> {
  if (!def.perUnit) return [];
  const positions = await Promise.all(def.performers.map((p) => requestRepo.positionsWithRole(db, p.rulebookId, p.roleKey, null)));
  return [...new Set(positions.flat().map((p) => p.org_unit_id))];
}

async function settingsOf(db: Db): Promise<Map<string, DutySetting>> {
  return new Map((await registersRepo.dutySettings(db)).map((s) => [s.duty_key, { months: s.months, since: s.since }]));
}

/** The municipality's duties, each for the whole or per section, with when each is next due on `day`. */
export async function dutyStatuses(ctx: Context, db: Db, day: string, keys?: readonly DutyKey[]): Promise<DutyStatusOut[]> {
  const defs = dutyDefinitionsFor(await municipalityRulebooks(ctx, db)).filter((d) => !keys || keys.includes(d.key));
  if (defs.length === 0) return [];
  const [settings, last, auditOn, units] = await Promise.all([
    settingsOf(db),
    registersRepo.lastDutyDone(db),
    defs.some((d) => d.trigger === 'after_audit') ? registersRepo.lastArkAuditOn(db) : Promise.resolve(null),
    Promise.all(defs.map((d) => dutyUnits(db, d))),
  ]);
  const labels = await labelsOf(db, units.flat());
  const lastDone = new Map(last.map((l) => [`${l.duty_key}/${l.org_unit_id ?? ''}`, l.last_done_on]));
  return defs.flatMap((definition, i) => {
    const setting = settings.get(definition.key) ?? null;
    const scopes: (string | null)[] = definition.perUnit ? units[i]! : [null];
    return scopes.map((orgUnitId) => {
      const lastDoneOn = lastDone.get(`${definition.key}/${orgUnitId ?? ''}`) ?? null;
      const due = setting ? dutyDue({ trigger: definition.trigger, setting, lastDoneOn, lastAuditOn: auditOn }, day) : null;
      return { definition, setting, orgUnitId, orgUnitName: orgUnitId ? (labels.get(orgUnitId) ?? null) : null, lastDoneOn, due };
    });
  });
}

export async function duties(ctx: Context): Promise<DutyStatusOut[]> {
  return dutyStatuses(ctx, await ctx.db.em(), todayOf(ctx));
}

export async function dutyRecords(ctx: Context, filter: { dutyKey: DutyKey | null; orgUnitId: string | null }): Promise<registersRepo.DutyRecordRow[]> {
  if (filter.orgUnitId) idOrThrow(filter.orgUnitId, ['orgUnitId']);
  const db = await ctx.db.em();
  const keys = dutyDefinitionsFor(await municipalityRulebooks(ctx, db)).map((d) => d.key);
  return registersRepo.dutyRecords(db, { dutyKeys: filter.dutyKey ? keys.filter((k) => k === filter.dutyKey) : keys, orgUnitId: filter.orgUnitId });
}

export interface DutyRecordInput {
  dutyKey: string;
  orgUnitId?: string | null;
  doneOn: string;
  note: string;
  evidence?: string | null;
}

/** A performer of the duty (or a registry administrator) records that it was done; a periodic duty is then due again. */
export async function recordDuty(ctx: Context, input: DutyRecordInput): Promise<registersRepo.DutyRecordRow> {
  if (input.orgUnitId) idOrThrow(input.orgUnitId, ['input', 'orgUnitId']);
  const db = await ctx.db.em();
  const def = isDutyKey(input.dutyKey) ? (dutyDefinitionsFor(await municipalityRulebooks(ctx, db)).find((d) => d.key === input.dutyKey) ?? null) : null;
  const [settings, units] = def ? await Promise.all([settingsOf(db), dutyUnits(db, def)]) : [new Map<string, DutySetting>(), []];
  const d = allowedOrThrow(decideDutyRecord(input, def, def ? (settings.get(def.key) ?? null) : null, units, await actorOf(ctx, db), todayOf(ctx)));
  const id = randomUUID();
  await registersRepo.insertDutyRecord(db, {
    id,
    municipalityId: ctx.viewer!.municipalityId,
    dutyKey: def!.key,
    orgUnitId: def!.perUnit ? input.orgUnitId! : null,
    doneOn: input.doneOn,
    note: d.note,
    evidence: d.evidence,
    nextDueOn: d.nextDueOn,
    by: ctx.viewer!.staffId,
    onBehalfOf: d.audit.onBehalfOfStaffId,
    at: ctx.now(),
    ruleIds: d.ruleIds,
  });
  await audit(ctx, db, 'duty_record', id, d.audit);
  return (await registersRepo.dutyRecordById(db, id))!;
}
