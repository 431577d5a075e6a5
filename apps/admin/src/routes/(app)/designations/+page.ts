import { loadQuery } from '#lib/graphql/load.ts';
import { DesignationsPageQuery } from '#lib/graphql/designations.graphql.ts';
import type { PageLoad } from './$types';

/** `/designations?asset=<information asset id>`: the designations of one asset, or of all. */
export const load: PageLoad = async (event) => {
  const assetId = event.url.searchParams.get('asset') ?? '';
  const data = await loadQuery(event, DesignationsPageQuery, { assetId: assetId || null });
  return {
    designations: data.designations,
    assets: data.informationAssets.edges.map((edge) => edge.node),
    orgUnits: data.orgUnits,
    assetId,
  };
};
