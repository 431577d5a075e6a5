// The committee a route step belongs to (its actor rule names it by key): named in the refusal of a
// person's decision on it, and shown with the step so that the app links to its meeting.
import { meetingRepo, type Db } from '@tsukasa/db';
import { stepCommitteeKey, type ActorRule, type Bilingual } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';

export interface StepCommitteeRef {
  id: string;
  key: string;
  name: Bilingual;
}

/** The municipality's committees, read once per API request (a route names at most a few). */
const perRequest = new WeakMap<object, Promise<meetingRepo.CommitteeRow[]>>();

async function committeesOf(ctx: Context, db: Db): Promise<meetingRepo.CommitteeRow[]> {
  let list = perRequest.get(ctx);
  if (!list) {
    list = meetingRepo.committees(db);
    perRequest.set(ctx, list);
  }
  return list;
}

/** The committee whose meeting decides a step with this actor; null when a person (or the contractor) acts on it. */
export async function committeeOfStep(ctx: Context, db: Db, actor: ActorRule): Promise<StepCommitteeRef | null> {
  const key = stepCommitteeKey({ actor });
  if (!key) return null;
  const c = (await committeesOf(ctx, db)).find((x) => x.key === key);
  return c ? { id: c.id, key: c.key, name: { ja: c.name, en: c.name_en } } : null;
}

/** The meeting whose recorded decision took a committee's step (its record names it); null otherwise. */
export function meetingOfStep(actor: ActorRule, record: Record<string, unknown> | null): string | null {
  const id = stepCommitteeKey({ actor }) ? record?.['meetingId'] : null;
  return typeof id === 'string' ? id : null;
}
