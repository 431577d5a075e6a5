// アクセス権限の更新: MNT-17 (第6号様式), KTM-10.
import type { FieldError } from '../../registry/field-error.ts';
import { fieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, note, notDefinedIn, path, reasonField, result, role, staged, step, text } from './kind-helpers.ts';

const name = bi('アクセス権限更新申請', 'Access rights update');

function validate(ctx: RouteContext): FieldError[] {
  const current = text(ctx, 'currentAuthorityProfile');
  if (current && current === text(ctx, 'newAuthorityProfile')) {
    return [
      fieldError(
        path('newAuthorityProfile'),
        'INVALID_VALUE',
        'The new authority is the same as the current one.',
        '更新後の権限が現在の権限と同じです。',
        ctx.rulebookId === 'MNT' ? ['MNT-17-2'] : ['KTM-10-1'],
      ),
    ];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  switch (ctx.rulebookId) {
    case 'MNT':
      return result(
        staged(
          step('judge', 'approve', role('MNT', 'welfare_section_chief'), bi('更新の妥当性の判断', 'Judge whether the update is warranted'), ['MNT-17-3']),
          step('update', 'perform', role('MNT', 'welfare_section_chief'), bi('アクセス権限の更新', 'Update the access rights'), ['MNT-17-3', 'MNT-17-1']),
          step('notify', 'inform', role('MNT', 'using_section_chief', { where: 'requester_unit' }), bi('結果の通知', 'Notice of the result'), ['MNT-17-3']),
        ),
        [
          note(
            'システム使用課長が第6号様式により申請し、保健福祉課長が業務に応じた権限か判断して更新します。結果はシステム使用課長に通知されます。',
            'The using section chief applies on form 6; the welfare section chief judges the rights against the duties and updates them; the section chief is told the result.',
            ['MNT-17-1', 'MNT-17-2', 'MNT-17-3'],
          ),
        ],
      );
    case 'KTM':
      return result(
        staged(
          step('register', 'perform', role('KTM', 'general_manager'), bi('操作権限の登録', 'Register the authority'), ['KTM-10-3', 'KTM-3-3-7']),
          step('notify', 'inform', role('KTM', 'using_section_head', { where: 'requester_unit' }), bi('登録の通知', 'Notice of the registration'), [
            'KTM-10-3',
          ]),
        ),
        [
          note(
            'システム使用課の所属長が操作権限を指定して申請し、統括管理者が登録して所属長に通知します。',
            'The section head designates the authority and applies; the general manager registers it and notifies the section head.',
            ['KTM-10-1', 'KTM-10-2', 'KTM-10-3'],
          ),
        ],
      );
    default:
      return notDefinedIn(name, ctx);
  }
}

export const accessRightsUpdateKind: RequestKind = {
  key: 'access_rights_update',
  name,
  paperForms: { MNT: '第6号様式' },
  rulebookIds: ['MNT', 'KTM'],
  filers: [role('MNT', 'using_section_chief'), role('KTM', 'using_section_head')],
  fields: [
    field('staffId', 'staff', 'ユーザ', 'User', true, { ruleIds: ['MNT-17-2', 'KTM-10-1'] }),
    field('currentAuthorityProfile', 'text', '現在の権限', 'Current authority', false, { maxLength: 200 }),
    field('newAuthorityProfile', 'text', '更新後の権限', 'New authority', true, { maxLength: 200, ruleIds: ['MNT-17-1', 'KTM-10-1'] }),
    reasonField(['MNT-17-3']),
  ],
  validate,
  route,
  effect: 'update_access_rights',
  ruleIds: ['MNT-17', 'KTM-10'],
};
