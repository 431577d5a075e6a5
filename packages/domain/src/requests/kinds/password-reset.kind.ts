// パスワードの初期化: KTM-10-6, on the user's own request.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, note, notDefinedIn, path, requesterActor, result, role, staged, step, text } from './kind-helpers.ts';

const name = bi('パスワード初期化', 'Password reset');

function validate(ctx: RouteContext): FieldError[] {
  const staffId = text(ctx, 'staffId');
  if (staffId && staffId !== ctx.requester.staffId) {
    return [
      fieldError(
        path('staffId'),
        'INVALID_VALUE',
        'Only the user themself may ask for their password to be reset.',
        'パスワードの初期化は、システム使用者本人のみ求めることができます。',
        ['KTM-10-6'],
      ),
    ];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'KTM') return notDefinedIn(name, ctx);
  return result(staged(step('reset', 'perform', role('KTM', 'general_manager'), bi('パスワードの初期化', 'Reset the password'), ['KTM-10-6'])), [
    note('システム使用者本人の求めに応じ、統括管理者がパスワードを初期化します。', 'The general manager resets the password at the user’s own request.', [
      'KTM-10-6',
    ]),
  ]);
}

export const passwordResetKind: RequestKind = {
  key: 'password_reset',
  name,
  rulebookIds: ['KTM'],
  filers: [requesterActor],
  fields: [field('staffId', 'staff', 'システム使用者（本人）', 'User (yourself)', true, { ruleIds: ['KTM-10-6'] })],
  validate,
  route,
  effect: 'reset_password',
  ruleIds: ['KTM-10-6'],
};
