// Test helpers: audit events at explicit times in past (or future) months, written through
// append_audit_events() as the superuser — never by moving a clock.
import type pg from 'pg';
import type { RuleId } from '@tsukasa/domain';
import { eventDigest, type DigestFields } from '../repositories/audit.repository.ts';
import { SCHEMA } from '../runtime/provision.ts';
import { municipalityIdOf } from '../seed/demo-seeder.ts';

/** YYYY-MM of the month `offset` months from the current one, in Japan time. */
export function monthFromNow(offset: number): string {
  const jst = new Date(Date.now() + 9 * 3600_000);
  const d = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** An instant in that month: its `day`, at `hour`:00 Japan time. */
export const inMonth = (month: string, day = 15, hour = 12) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`);

export const partitionOf = (month: string) => `audit_event_y${month.slice(0, 4)}m${month.slice(5, 7)}`;

/** Events written the way append_audit_events() writes them, at the given (past) times, as the superuser. */
export async function appendAt(client: pg.ClientBase, code: string, times: Date[], ruleIds: RuleId[] = ['ARK-14-1']): Promise<void> {
  const mid = municipalityIdOf(code);
  const events = times.map((at, i) => {
    const fields: DigestFields = {
      municipalityId: mid,
      occurredAt: at.toISOString(),
      actorStaffId: null,
      actorTokenId: null,
      onBehalfOfStaffId: null,
      action: 'staff.read',
      targetType: 'staff',
      targetId: `p${i}`,
      targetIds: null,
      fields: ['personalPhone'],
      before: null,
      after: { at: at.toISOString(), i },
      ruleIds,
      requestId: null,
    };
    return { ...fields, digest: eventDigest(fields) };
  });
  await client.query(`select ${SCHEMA}.append_audit_events($1, $2::jsonb)`, [mid, JSON.stringify(events)]);
}
