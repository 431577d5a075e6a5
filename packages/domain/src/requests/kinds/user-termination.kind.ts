// ユーザの削除 / 操作権限の解除: MNT-11 (第2号様式), KTM-10.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, filedOn, isIsoDate, note, notDefinedIn, path, reasonField, result, role, staged, step, text } from './kind-helpers.ts';

const name = bi('ユーザ使用終了通知', 'User termination');

function validate(ctx: RouteContext): FieldError[] {
  const endOn = ctx.content['endOn'];
  if (isIsoDate(endOn) && endOn < filedOn(ctx)) {
    return [
      fieldError(
        path('endOn'),
        'INVALID_VALUE',
        'The end date is before the filing date.',
        '使用終了日が通知日より前になっています。',
        ctx.rulebookId === 'MNT' ? ['MNT-11-1'] : ['KTM-10-1'],
      ),
    ];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  switch (ctx.rulebookId) {
    case 'MNT': {
      const declared = text(ctx, 'declaredValidTo');
      const steps = staged(step('remove', 'perform', role('MNT', 'welfare_section_chief'), bi('ユーザの削除', 'Remove the user'), ['MNT-11-2', 'MNT-4-1-3']));
      const notes = [
        note(
          'システム使用課長が第2号様式により使用の終了を通知し、保健福祉課長がユーザを削除します。',
          'The using section chief gives notice on form 2; the welfare section chief removes the user.',
          ['MNT-11-1', 'MNT-11-2'],
        ),
      ];
      if (declared) {
        // MNT-11-1/11-2 ただし書: an end date declared at application ends use by itself.
        notes.push(
          note(
            `申請時に使用期限（${declared}）を通知済みのため、この通知は不要です。期限の到来によりユーザは自動的に削除されます。期限より前に終了する場合に限り通知してください。`,
            `An end date (${declared}) was declared at application, so this notice is not needed: the user is removed on that date. File it only to end use earlier.`,
            ['MNT-11-1', 'MNT-11-2'],
          ),
        );
      }
      return result(steps, notes);
    }
    case 'KTM': {
      const steps = staged(
        step('revoke', 'perform', role('KTM', 'general_manager'), bi('操作権限の解除の登録', 'Register the revocation'), ['KTM-10-3']),
        step('notify', 'inform', role('KTM', 'using_section_head', { where: 'requester_unit' }), bi('解除の通知', 'Notice of the revocation'), ['KTM-10-3']),
      );
      const notes = [
        note(
          'システム使用課の所属長が操作権限の解除を統括管理者に申請し、統括管理者が解除して所属長に通知します。',
          'The section head applies to revoke the authority; the general manager revokes it and notifies the section head.',
          ['KTM-10-1', 'KTM-10-2', 'KTM-10-3'],
        ),
      ];
      return result(steps, notes);
    }
    default:
      return notDefinedIn(name, ctx);
  }
}

export const userTerminationKind: RequestKind = {
  key: 'user_termination',
  name,
  paperForms: { MNT: '第2号様式' },
  rulebookIds: ['MNT', 'KTM'],
  filers: [role('MNT', 'using_section_chief'), role('KTM', 'using_section_head')],
  fields: [
    field('staffId', 'staff', 'ユーザ', 'User', true, { ruleIds: ['MNT-11-1', 'KTM-10-1'] }),
    field('endOn', 'date', '使用終了日', 'End of use', true, { ruleIds: ['MNT-11-1'] }),
    field('declaredValidTo', 'date', '申請時に通知した使用期限', 'End date declared at application', false, { ruleIds: ['MNT-11-1'], rulebookIds: ['MNT'] }),
    reasonField(['MNT-11-1', 'KTM-10-1']),
  ],
  validate,
  route,
  effect: 'end_accounts',
  ruleIds: ['MNT-11', 'KTM-10'],
};
