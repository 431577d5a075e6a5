import { loadInPlace, loadQuery } from '#lib/graphql/load.ts';
import { AssetOptionsQuery, ExplainFieldAccessQuery, SystemOptionsQuery } from '#lib/graphql/access.graphql.ts';
import { PositionsQuery, StaffBriefQuery } from '#lib/graphql/people.graphql.ts';
import { readInstant } from '../access-params.ts';
import { isProtectedField, kindOfField, type ProtectedField } from './fields.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const params = event.url.searchParams;
  const staffId = params.get('staff') ?? '';
  const subjectId = params.get('subject') ?? '';
  const systemId = params.get('system') ?? '';
  const fieldParam = params.get('field') ?? '';
  const field: ProtectedField | '' = isProtectedField(fieldParam) ? fieldParam : '';
  const { at, iso } = readInstant(params);

  const brief = (id: string) => (id ? loadQuery(event, StaffBriefQuery, { id }, 'cache-first').then((r) => r.staffMember) : null);

  const [{ informationAssets }, { systems }, { positions }, staff, subject] = await Promise.all([
    loadQuery(event, AssetOptionsQuery, {}, 'cache-first'),
    loadQuery(event, SystemOptionsQuery, {}, 'cache-first'),
    loadQuery(event, PositionsQuery, {}, 'cache-first'),
    brief(staffId),
    brief(subjectId),
  ]);
  const assets = informationAssets.edges.map((edge) => edge.node);

  // A link that names only the field (「なぜ？」 from a hidden value) means the asset of its kind.
  let assetId = params.get('asset') ?? '';
  if (!assetId && field) {
    const kind = kindOfField(field);
    assetId = (kind && assets.find((asset) => asset.kind === kind)?.id) || '';
  }

  const explanation =
    staffId && assetId && field
      ? await loadInPlace(event, ExplainFieldAccessQuery, {
          staffId,
          assetId,
          field,
          subjectStaffId: subjectId || null,
          systemId: systemId || null,
          at: iso,
        })
      : null;

  return {
    assets,
    systems: systems.edges.map((edge) => edge.node),
    positions,
    staff,
    subject,
    assetId,
    field,
    systemId,
    at,
    explanation,
  };
};
