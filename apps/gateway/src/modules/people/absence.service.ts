// Declared absences (KTM-3-6): the holder of a position, a deputy named for it, or a registry
// administrator declares from which day to which day the holder is absent; the deputy acts for the
// holder on those days only. Each declaration is kept and audited.
import { accessRepo, auditRepo, registryRepo, toDate, type Db } from '@tsukasa/db';
import {
  absenceDeclarationRefusal,
  absenceInputErrors,
  absenceOn,
  deputationNeedsAbsence,
  DEPUTY_ONLY_WHEN_ABSENT,
  holdersAt,
  localDateAt,
  positionsAt,
} from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { badInput, forbidden, notFound, throwRefusal } from '../../graphql/errors.ts';
import { graphqlObject } from '../../graphql/object.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { toTenure } from '../authz/index.ts';
import { Absence, PositionAbsences, type DeclareAbsenceInput } from './absence.types.ts';

const RULES = [...DEPUTY_ONLY_WHEN_ABSENT];

export function toAbsence(x: accessRepo.AbsenceRow): Absence {
  return graphqlObject(Absence, {
    id: x.id,
    positionId: x.position_id,
    absentStaffId: x.absent_staff_id,
    from: x.valid_from,
    to: x.valid_to,
    reason: x.reason,
    declaredById: x.declared_by_id,
    declaredAt: toDate(x.declared_at),
    ruleIds: RULES,
  });
}

/** What the declaration of a position's absence depends on: its deputies under KTM-3-6, and whether the viewer may declare. */
async function positionFacts(ctx: Context, db: Db, positionId: string) {
  const v = ctx.viewer!;
  const deputations = (await accessRepo.deputationsForPrincipal(db, positionId)).filter((d) => deputationNeedsAbsence({ ruleIds: d.rule_ids }));
  const today = localDateAt(ctx.now());
  const tenures = v.kind === 'staff' ? (await accessRepo.tenuresOfStaff(db, [v.staffId])).map(toTenure) : [];
  const refusal = absenceDeclarationRefusal({
    positionHasDeputy: deputations.length > 0,
    holdsPosition: v.kind === 'staff' && positionsAt(v.staffId, today, tenures).includes(positionId),
    deputises: v.kind === 'staff' && deputations.some((d) => d.deputy_staff_id === v.staffId),
    registryAdmin: v.kind === 'staff' && v.registryAdmin,
  });
  return { deputations, refusal, byStaff: v.kind === 'staff' };
}

async function positionOrThrow(db: Db, positionId: string, path: string[]) {
  if (!isUuid(positionId)) throw notFound('Position', path);
  const [position] = await registryRepo.positionsByIds(db, [positionId]);
  if (!position) throw notFound('Position', path);
  return position;
}

export async function positionAbsences(ctx: Context, positionId: string): Promise<PositionAbsences> {
  const db = await ctx.db.em();
  await positionOrThrow(db, positionId, ['positionId']);
  const { deputations, refusal, byStaff } = await positionFacts(ctx, db, positionId);
  const rows = await accessRepo.absencesOfPositions(db, [positionId]);
  const today = localDateAt(ctx.now());
  const current = absenceOn(
    rows.map((r) => ({ id: r.id, positionId: r.position_id, from: r.valid_from, to: r.valid_to })),
    positionId,
    today,
  );
  return graphqlObject(PositionAbsences, {
    positionId,
    deputyOnlyWhenAbsent: deputations.length > 0,
    deputyStaffIds: [...new Set(deputations.map((d) => d.deputy_staff_id))],
    current: current ? toAbsence(rows.find((r) => r.id === current.id)!) : null,
    absences: rows.map(toAbsence),
    viewerMayDeclare: byStaff && refusal === null,
    ruleIds: RULES,
  });
}

export async function declareAbsence(ctx: Context, input: DeclareAbsenceInput): Promise<Absence> {
  const v = ctx.viewer!;
  if (v.kind !== 'staff') throw forbidden('Absences are declared by staff.', RULES, '不在の届出は職員が行います。');
  const db = await ctx.db.em();
  const errors = absenceInputErrors(input);
  if (errors.length) throw badInput(errors);
  await positionOrThrow(db, input.positionId, ['input', 'positionId']);
  const { refusal } = await positionFacts(ctx, db, input.positionId);
  throwRefusal(refusal);
  const holders = holdersAt(input.positionId, input.from, (await accessRepo.tenuresOfPositions(db, [input.positionId])).map(toTenure));
  const id = await accessRepo.insertAbsence(db, {
    municipalityId: v.municipalityId,
    positionId: input.positionId,
    absentStaffId: holders[0] ?? null,
    validFrom: input.from,
    validTo: input.to,
    reason: input.reason.trim(),
    declaredById: v.staffId,
    onBehalfOfId: null,
  });
  const row = (await accessRepo.absenceById(db, id))!;
  await auditRepo.appendAuditEvents(db, v.municipalityId, [
    {
      actorStaffId: v.staffId,
      action: 'absence.declare',
      targetType: 'absence',
      targetId: id,
      after: { positionId: input.positionId, absentStaffId: row.absent_staff_id, from: row.valid_from, to: row.valid_to, reason: row.reason },
      ruleIds: RULES,
      requestId: ctx.requestId,
    },
  ]);
  return toAbsence(row);
}
