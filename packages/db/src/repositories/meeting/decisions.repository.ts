// Decisions on agenda items (SPEC §7): an item decided at a meeting, and the members' sign-offs of a circulated item.
import { sql as raw, type InferResult } from 'kysely';
import { anyOf, run, tables, type Db, type Stored } from '../sql.ts';
import type { ItemRow } from './agenda.repository.ts';

/** Records an item's decision once: false when it already has one. */
export async function decideItemIfOpen(
  db: Db,
  id: string,
  d: { outcome: NonNullable<ItemRow['outcome']>; conditions: string | null; dissent: string[]; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const r = await run(
    db,
    tables
      .updateTable('meeting_item')
      .set({
        outcome: d.outcome,
        conditions: d.conditions,
        dissent: raw<unknown[]>`${JSON.stringify(d.dissent)}::jsonb`,
        decision_note: d.note,
        decided_by_id: d.by,
        decided_at: d.at,
      })
      .where('id', '=', id)
      .where('outcome', 'is', null)
      .where('removed_at', 'is', null)
      .returning('id'),
  );
  return r.length === 1;
}

const signoffQuery = () => tables.selectFrom('meeting_signoff').select(['item_id', 'position_id', 'staff_id', 'vote', 'comment', 'signed_at']);

/** A member's sign-off of a circulated item. */
export type SignoffRow = Stored<InferResult<ReturnType<typeof signoffQuery>>[number]>;

export async function signoffsOfItems(db: Db, itemIds: readonly string[]): Promise<SignoffRow[]> {
  return run(db, signoffQuery().where('item_id', '=', anyOf(itemIds, 'uuid')).orderBy('signed_at'));
}

/** One sign-off per member position and item: false when that position has already signed. */
export async function insertSignoff(
  db: Db,
  municipalityId: string,
  s: { itemId: string; positionId: string; staffId: string; vote: SignoffRow['vote']; comment: string | null; at: Date },
): Promise<boolean> {
  const r = await run(
    db,
    tables
      .insertInto('meeting_signoff')
      .values({
        item_id: s.itemId,
        position_id: s.positionId,
        municipality_id: municipalityId,
        staff_id: s.staffId,
        vote: s.vote,
        comment: s.comment,
        signed_at: s.at,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('item_id'),
  );
  return r.length === 1;
}
