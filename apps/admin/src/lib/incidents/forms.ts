// What every form of an incident's detail page is given: the incident (the fields it reads), what
// to do once its change is recorded, and what to do when a refusal shows the page is stale.
import type { IncidentDetail } from '../graphql/incidents.graphql.ts';
import type { Localized } from '../i18n/index.svelte.ts';

export interface IncidentFormProps<Field extends keyof IncidentDetail> {
  incident: Pick<IncidentDetail, 'id' | Field>;
  onRecorded: (notice: Localized) => void | Promise<void>;
  /** A refusal that changed what the page shows (CONFLICT: resolved or confirmed meanwhile). */
  onStale: () => void | Promise<void>;
  onCancel?: () => void;
}
