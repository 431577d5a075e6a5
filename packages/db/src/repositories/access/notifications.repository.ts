// Notifications to staff, written by every module that tells someone of a change.
import type { RuleId } from '@tsukasa/domain';
import { nowOf, run, tables, type Db } from '../sql.ts';

export async function insertNotifications(
  db: Db,
  municipalityId: string,
  notes: { recipientId: string; kind: string; subject: string; body: string; targetType: string; targetId: string; ruleIds: readonly RuleId[] }[],
): Promise<void> {
  for (const n of notes) {
    await run(
      db,
      tables.insertInto('notification').values((eb) => ({
        id: eb.fn<string>('gen_random_uuid'),
        municipality_id: municipalityId,
        recipient_id: n.recipientId,
        kind: n.kind,
        subject: n.subject,
        body: n.body,
        target_type: n.targetType,
        target_id: n.targetId,
        rule_ids: [...n.ruleIds],
        created_at: nowOf(db),
      })),
    );
  }
}
