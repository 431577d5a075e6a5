// What every register's service shares: today in the municipality, the actor's facts, the refusal
// of a domain decision thrown, the audit event and the notices of an entry.
import { accessRepo, authRepo, meetingRepo, registersRepo, requestRepo, type Db } from '@tsukasa/db';
import {
  localDateAt,
  malformedId,
  registerNoticeMail,
  type RegisterActor,
  type RegisterAudit,
  type RegisterNotice,
  type RegisterRefusal,
  type RuleId,
} from '@tsukasa/domain';
import { auditFor } from '../../graphql/audit.ts';
import type { Context } from '../../graphql/context.ts';
import { badInput, notFound, refusalError } from '../../graphql/errors.ts';
import { isUuid } from '../../graphql/scalars.ts';
import { loadStaffFacts } from '../authz/index.ts';

/** Today in the municipality (Asia/Tokyo): due dates are calendar days. */
export const todayOf = (ctx: Context): string => localDateAt(ctx.now());

export const idOrThrow = (id: string, path: (string | number)[]) => {
  if (!isUuid(id)) throw badInput([malformedId(path)]);
};

/** The decision when allowed; its refusal thrown otherwise. */
export function allowedOrThrow<D extends { allowed: boolean }>(d: D | RegisterRefusal): Exclude<D, RegisterRefusal> {
  if (!d.allowed) throw refusalError(d as RegisterRefusal);
  return d as Exclude<D, RegisterRefusal>;
}

/** The viewer as the actor of a register entry; null when not staff signed in as themselves. */
export async function actorOf(ctx: Context, db: Db): Promise<RegisterActor | null> {
  const v = ctx.viewer;
  if (!v || v.kind !== 'staff') return null;
  const facts = await loadStaffFacts(db, v.staffId, ctx.now());
  return {
    staffId: v.staffId,
    roles: facts.viewer.roles,
    tenures: facts.viewer.tenures,
    positionOrgUnit: (id) => facts.positionOrgUnit.get(id),
    registryAdmin: v.registryAdmin,
  };
}

export const audit = (ctx: Context, db: Db, targetType: string, targetId: string, a: RegisterAudit) =>
  auditFor(targetType)(ctx, db, a.action, targetId, a.onBehalfOfStaffId, a.after, a.ruleIds);

type Target = { targetType: string; targetId: string; ruleIds: RuleId[] };

/** Tells the current holders of positions (in the app; by mail too when the notice says so). */
export async function notifyPositions(ctx: Context, db: Db, positionIds: string[], n: RegisterNotice, t: Target): Promise<void> {
  if (positionIds.length === 0) return;
  const holders = await meetingRepo.holdersOn(db, [...new Set(positionIds)], todayOf(ctx));
  const ids = [...new Set(holders.flatMap((h) => (h.staff_id && h.staff_id !== ctx.viewer!.staffId ? [h.staff_id] : [])))];
  await notifyStaff(ctx, db, ids, n, t);
}

export async function notifyStaff(ctx: Context, db: Db, staffIds: string[], n: RegisterNotice, t: Target): Promise<void> {
  if (staffIds.length === 0) return;
  const m = ctx.viewer!.municipalityId;
  await accessRepo.insertNotifications(
    db,
    m,
    staffIds.map((recipientId) => ({ recipientId, kind: n.kind, subject: n.subject, body: n.body, ...t })),
  );
  if (n.mail) {
    const people = await accessRepo.staffByIds(db, staffIds);
    const mail = registerNoticeMail(n);
    await requestRepo.queueMail(
      db,
      m,
      people.map((p) => ({ recipientId: p.id, to: p.email, ...mail })),
    );
  }
}

export async function roleHolderPositions(db: Db, rulebookId: string, roleKey: string): Promise<string[]> {
  return (await requestRepo.positionsWithRole(db, rulebookId, roleKey, null)).map((p) => p.position_id);
}

export async function systemOrThrow(db: Db, id: string, path: (string | number)[]): Promise<registersRepo.SystemFactRow> {
  idOrThrow(id, path);
  const [system] = await registersRepo.systemFacts(db, { ids: [id] });
  if (!system) throw notFound('System', path);
  return system;
}

export async function municipalityRulebooks(ctx: Context, db: Db): Promise<string[]> {
  return (await authRepo.municipalityById(db, ctx.viewer!.municipalityId))?.rulebook_ids ?? [];
}

export const labelsOf = async (db: Db, ids: string[]) => new Map((await registersRepo.orgUnitLabels(db, [...new Set(ids)])).map((u) => [u.id, u.label]));
