// ライセンス数の更新: MNT-18 (第7号様式).
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, note, notDefinedIn, num, path, reasonField, result, role, staged, step, text } from './kind-helpers.ts';

const name = bi('ライセンス数更新申請', 'Licence count change');

/**
 * MNT-18-1: the 保健福祉課長 keeps the licences in use within those purchased. The caller supplies
 * purchasedTotal (licences bought for the system) and otherSectionsTotal (held by every other section).
 */
function validate(ctx: RouteContext): FieldError[] {
  const errors: FieldError[] = [];
  const section = text(ctx, 'section');
  if (section && ctx.requester.orgUnitId && section !== ctx.requester.orgUnitId) {
    errors.push(
      fieldError(path('section'), 'INVALID_VALUE', 'A section chief applies for their own section only.', 'ライセンス数は自課の分のみ申請できます。', [
        'MNT-18-2',
      ]),
    );
  }
  const purchased = num(ctx, 'purchasedTotal');
  const others = num(ctx, 'otherSectionsTotal');
  if (purchased === undefined) {
    errors.push(
      fieldError(path('purchasedTotal'), 'REQUIRED', 'The number of purchased licences is needed to check the change.', '購入済みライセンス数が必要です。', [
        'MNT-18-1',
      ]),
    );
  }
  if (others === undefined) {
    errors.push(
      fieldError(
        path('otherSectionsTotal'),
        'REQUIRED',
        "The other sections' licence total is needed to check the change.",
        '他課のライセンス数の合計が必要です。',
        ['MNT-18-1'],
      ),
    );
  }
  const newCount = num(ctx, 'newCount');
  if (newCount !== undefined && !Number.isInteger(newCount)) {
    errors.push(fieldError(path('newCount'), 'INVALID_VALUE', 'A licence count is a whole number.', 'ライセンス数は整数で入力してください。', ['MNT-18-2']));
  }
  if (purchased !== undefined && others !== undefined && newCount !== undefined && others + newCount > purchased) {
    const free = Math.max(0, purchased - others);
    errors.push(
      fieldError(
        path('newCount'),
        'INVALID_VALUE',
        `The total would exceed the ${purchased} purchased licences; at most ${free} are available to this section.`,
        `購入済みライセンス数（${purchased}）を超えます。この課に割り当てられるのは${free}までです。`,
        ['MNT-18-1'],
      ),
    );
  }
  return errors;
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'MNT') return notDefinedIn(name, ctx);
  return result(
    staged(
      step('judge', 'approve', role('MNT', 'welfare_section_chief'), bi('ライセンス数の確認', 'Check the licence count'), ['MNT-18-1', 'MNT-18-2']),
      step('apply', 'perform', role('MNT', 'welfare_section_chief'), bi('ライセンス数の更新', 'Change the licence count'), ['MNT-18-1']),
    ),
    [
      note(
        'システム使用課長が第7号様式により申請し、保健福祉課長が購入済みライセンス数の範囲内で更新します。',
        'The using section chief applies on form 7; the welfare section chief changes the count within the purchased licences.',
        ['MNT-18-1', 'MNT-18-2'],
      ),
    ],
  );
}

export const licenceCountChangeKind: RequestKind = {
  key: 'licence_count_change',
  name,
  paperForms: { MNT: '第7号様式' },
  rulebookIds: ['MNT'],
  filers: [role('MNT', 'using_section_chief')],
  fields: [
    field('section', 'orgUnit', '課', 'Section', true, { ruleIds: ['MNT-18-2'] }),
    field('newCount', 'number', '変更後のライセンス数', 'New licence count', true, { min: 0, ruleIds: ['MNT-18-1'] }),
    reasonField(['MNT-18-2']),
  ],
  validate,
  route,
  effect: 'change_licences',
  ruleIds: ['MNT-18'],
};
