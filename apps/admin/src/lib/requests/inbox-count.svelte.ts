import { query } from '../graphql/client.ts';
import { InboxStepsQuery } from '../graphql/requests.graphql.ts';

// The number of steps awaiting the signed-in person, for the badge on 受信箱 in the nav.
const state = $state<{ count: number | null }>({ count: null });
let sequence = 0;

export function inboxCount(): number | null {
  return state.count;
}

export async function refreshInboxCount(): Promise<void> {
  const mine = ++sequence;
  try {
    const { inbox } = await query(InboxStepsQuery, { first: 200 }, { requestPolicy: 'network-only' });
    if (mine === sequence) state.count = inbox.awaitingMe.length;
  } catch {
    // The badge is a convenience: the inbox itself shows any failure.
  }
}
