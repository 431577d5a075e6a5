// ユーザの追加 / システム使用者の指定 / 情報を取り扱うことができる者の指定:
// MNT-10 (第1号様式), KTM-10, KWO-6.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import {
  bi,
  field,
  filedOn,
  flag,
  isIsoDate,
  note,
  notDefinedIn,
  path,
  reasonField,
  requesterActor,
  result,
  role,
  staged,
  step,
  text,
  validPeriodErrors,
} from './kind-helpers.ts';
import type { RuleId } from '../../rulebooks/rule-id.ts';

const name = bi('ユーザ追加申請', 'User addition');

/** The rule behind a user's period of use, per rulebook. */
const periodRule: Record<string, RuleId> = { MNT: 'MNT-11-1', KTM: 'KTM-11-1', KWO: 'KWO-6-1' };

function validate(ctx: RouteContext): FieldError[] {
  const periodRuleIds: RuleId[] = [periodRule[ctx.rulebookId] ?? 'MNT-11-1'];
  const errors: FieldError[] = [...validPeriodErrors(ctx, 'validFrom', 'validTo', periodRuleIds)];
  const validTo = ctx.content['validTo'];
  if (isIsoDate(validTo) && validTo < filedOn(ctx)) {
    errors.push(fieldError(path('validTo'), 'INVALID_VALUE', 'The end date has already passed.', '使用期限が既に過ぎています。', periodRuleIds));
  }
  // MNT-10-1: the システム使用課長 applies for staff of their own section only. The caller may pass the
  // staff member's section as staffOrgUnitId; without it the check is left to the 保健福祉課長's judgement.
  const staffUnit = text(ctx, 'staffOrgUnitId');
  if (ctx.rulebookId === 'MNT' && staffUnit && ctx.requester.orgUnitId && staffUnit !== ctx.requester.orgUnitId) {
    errors.push(
      fieldError(
        path('staffId'),
        'INVALID_VALUE',
        'The staff member does not belong to the applying section; their own section chief applies.',
        '申請する課に所属していない職員です。所属する課のシステム使用課長が申請してください。',
        ['MNT-10-1'],
      ),
    );
  }
  return errors;
}

function route(ctx: RouteContext): RouteResult {
  const validTo = text(ctx, 'validTo');
  switch (ctx.rulebookId) {
    case 'MNT': {
      // MNT-10-2: the 保健福祉課長 judges whether use is warranted and, if so, adds the user.
      const steps = staged(
        step('judge', 'approve', role('MNT', 'welfare_section_chief'), bi('使用の妥当性の判断', 'Judge whether use is warranted'), ['MNT-10-2']),
        step('create', 'perform', role('MNT', 'welfare_section_chief'), bi('ユーザの追加', 'Add the user'), ['MNT-10-2', 'MNT-4-1-3']),
      );
      const notes = [
        note(
          'システム使用課長が第1号様式により保健福祉課長に申請し、保健福祉課長が妥当性を判断してユーザを追加します。',
          'The using section chief applies on form 1; the welfare section chief judges the need and adds the user.',
          ['MNT-10-1', 'MNT-10-2'],
        ),
        validTo
          ? note(
              `使用期限（${validTo}）を申請時に通知しているため、期限の到来により使用は自動的に終了し、使用終了通知（第2号様式）は不要です。`,
              `An end date (${validTo}) is declared now, so use ends automatically on that date and no termination notice (form 2) is needed.`,
              ['MNT-11-1', 'MNT-11-2'],
            )
          : note(
              '使用期限を指定しない場合、使用が不要になったときに使用終了通知（第2号様式）が必要です。',
              'Without an end date, a termination notice (form 2) is needed when use is no longer needed.',
              ['MNT-11-1'],
            ),
      ];
      return result(steps, notes);
    }
    case 'KTM': {
      // KTM-10-2/3: the section head applies; the 統括管理者 registers the user ID and authority and
      // notifies the section head.
      const steps = staged(
        step('register', 'perform', role('KTM', 'general_manager'), bi('ユーザーID及び操作権限の登録', 'Register the user ID and authority'), [
          'KTM-10-3',
          'KTM-3-3-7',
        ]),
        step('notify', 'inform', role('KTM', 'using_section_head', { where: 'requester_unit' }), bi('登録の通知', 'Notice of the registration'), ['KTM-10-3']),
      );
      const notes = [
        note(
          'システム使用課の所属長が操作権限を指定して統括管理者に申請し、統括管理者がユーザーID及び操作権限を登録して所属長に通知します。',
          'The section head designates the authority and applies; the general manager registers the user ID and authority and notifies the section head.',
          ['KTM-10-1', 'KTM-10-2', 'KTM-10-3'],
        ),
        note(
          '操作権限の有効期間は、担当する事務に従事している期間です（異動等で自動的に失効します）。',
          'The authority is valid while the user is assigned to the work (it lapses on transfer).',
          ['KTM-11-1'],
        ),
      ];
      return result(steps, notes);
    }
    case 'KWO': {
      // KWO-6: the システム利用責任者 designates their own staff; anyone else only with the
      // 情報資産管理責任者's prior permission, which therefore comes before the designation.
      const outside = flag(ctx, 'outsideSupervision');
      const steps = staged(
        outside &&
          step('prior_permission', 'approve', role('KWO', 'asset_manager'), bi('情報資産管理責任者の事前の許可', "Asset manager's prior permission"), [
            'KWO-6-1',
            'KWO-3-2',
          ]),
        step('designate', 'perform', requesterActor, bi('情報を取り扱うことができる者の指定', 'Designate the handler'), ['KWO-6-1', 'KWO-5-1']),
      );
      const notes = [
        outside
          ? note(
              '管理監督する職員以外の者を指定するため、事前に情報資産管理責任者の許可が必要です。許可の後に指定します。',
              "The handler is not among the chief's own staff: the asset manager's prior permission comes first, then the designation.",
              ['KWO-6-1'],
            )
          : note('システム利用責任者が管理監督する職員を指定します。', 'The usage manager designates a member of their own staff.', ['KWO-6-1']),
      ];
      return result(steps, notes);
    }
    default:
      return notDefinedIn(name, ctx);
  }
}

export const userAdditionKind: RequestKind = {
  key: 'user_addition',
  name,
  paperForms: { MNT: '第1号様式' },
  rulebookIds: ['MNT', 'KTM', 'KWO'],
  filers: [role('MNT', 'using_section_chief'), role('KTM', 'using_section_head'), role('KWO', 'system_usage_manager')],
  fields: [
    field('staffId', 'staff', '職員', 'Staff member', true, { ruleIds: ['MNT-10-1', 'KTM-10-1', 'KWO-6-1'] }),
    field('authorityProfile', 'text', '操作権限', 'Authority profile', true, { maxLength: 200, ruleIds: ['MNT-17-1', 'KTM-10-1'] }),
    field('validFrom', 'date', '使用開始日', 'Valid from', true),
    field('validTo', 'date', '使用期限', 'Valid to (end date)', false, {
      ruleIds: ['MNT-11-1'],
      help: bi('指定すると、期限の到来により使用が自動的に終了します。', 'When given, use ends automatically on this date.'),
    }),
    field('outsideSupervision', 'boolean', '管理監督する職員以外の者', 'Not among the chief’s own staff', false, {
      ruleIds: ['KWO-6-1'],
      rulebookIds: ['KWO'],
    }),
    reasonField(['MNT-10-2']),
  ],
  validate,
  route,
  effect: 'create_accounts',
  ruleIds: ['MNT-10', 'MNT-11-1', 'KTM-10', 'KWO-6'],
};
