// The maintenance stops announced for the coming weeks across the municipality's systems. The schema
// answers windows per system only (maintenanceWindows(systemId)), so the systems are asked in a few
// batched requests of aliased fields; the dashboard shows them once they arrive.
import { query } from '../graphql/client.ts';
import { SystemOptionsQuery, type SystemOption } from '../graphql/access.graphql.ts';
import { windowsOfSystemsQuery, type MaintenanceWindowBrief } from '../graphql/maintenance.graphql.ts';

/** How far ahead the dashboard looks for stops. */
export const UPCOMING_DAYS = 60;
/** Systems per request. */
const BATCH = 50;

export interface UpcomingStop {
  system: SystemOption;
  window: MaintenanceWindowBrief;
}

/** Announced stops starting within UPCOMING_DAYS, by start; null when they could not be loaded. */
export async function loadUpcomingStops(now: Date = new Date()): Promise<UpcomingStop[] | null> {
  try {
    const { systems } = await query(SystemOptionsQuery, {}, { requestPolicy: 'cache-first' });
    const list = systems.edges.map((edge) => edge.node);
    const from = now.toISOString();
    const to = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString();
    const batches: SystemOption[][] = [];
    for (let index = 0; index < list.length; index += BATCH) batches.push(list.slice(index, index + BATCH));
    const found = await Promise.all(
      batches.map(async (batch) => {
        const variables: Record<string, string> = { from, to };
        batch.forEach((system, index) => {
          variables[`s${index}`] = system.id;
        });
        const data = await query(windowsOfSystemsQuery(batch.map((system) => system.id)), variables, { requestPolicy: 'network-only' });
        return batch.flatMap((system, index) => (data[`s${index}`] ?? []).map((window) => ({ system, window })));
      }),
    );
    return found
      .flat()
      .filter(({ window }) => window.kind === 'CLOSED' && window.status === 'ANNOUNCED')
      .sort((a, b) => a.window.from.localeCompare(b.window.from));
  } catch {
    return null;
  }
}
