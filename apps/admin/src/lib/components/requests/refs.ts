import type { OrgUnitOption } from '../../graphql/types.ts';
import type { PositionRef } from '../../graphql/types.ts';
import type { AssetOption } from '../../graphql/access.graphql.ts';
import type { RequestSystemOption } from '../../graphql/requests.graphql.ts';

/** Reference lists the generated form's pickers choose from, and the content view names from. */
export interface FormRefs {
  systems: RequestSystemOption[];
  orgUnits: OrgUnitOption[];
  positions: PositionRef[];
  assets: AssetOption[];
}

export const EMPTY_REFS: FormRefs = { systems: [], orgUnits: [], positions: [], assets: [] };
