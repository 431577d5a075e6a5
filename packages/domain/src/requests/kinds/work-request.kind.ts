// 作業の依頼 (data extraction and other work by the maintenance contractor): MNT-14, 第4号様式 (request)
// and 第5号様式 (作業確認票, confirmation).
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import {
  bi,
  contractor,
  field,
  filedOn,
  flag,
  isIsoDate,
  note,
  notDefinedIn,
  path,
  requesterSectionChief,
  result,
  role,
  staged,
  step,
} from './kind-helpers.ts';

const name = bi('作業依頼', 'Work request');

function validate(ctx: RouteContext): FieldError[] {
  const desired = ctx.content['desiredCompletionDate'];
  if (isIsoDate(desired) && desired < filedOn(ctx)) {
    return [
      fieldError(path('desiredCompletionDate'), 'INVALID_VALUE', 'The desired completion date has already passed.', '完了希望日が既に過ぎています。', [
        'MNT-14-1',
      ]),
    ];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'MNT') return notDefinedIn(name, ctx);
  const approval = flag(ctx, 'changeManagementApprovalNeeded');
  const policy = role('MNT', 'information_policy_chief');
  const steps = staged(
    step('report', 'inform', role('MNT', 'welfare_section_chief'), bi('保健福祉課長への報告（第4号様式）', 'Report to the welfare section chief (form 4)'), [
      'MNT-14-1',
    ]),
    approval
      ? step('change_management', 'approve', policy, bi('変更管理会議の承認（情報政策課長）', 'Change-management approval (information policy chief)'), [
          'MNT-14-2',
        ])
      : step('change_management', 'inform', policy, bi('情報政策課長への報告', 'Report to the information policy chief'), ['MNT-14-2']),
    step('perform', 'perform', contractor, bi('作業の実施と対応内容・作業完了日の入力', 'Do the work; record what was done and the completion date'), [
      'MNT-14-3',
    ]),
    step('confirm', 'confirm', requesterSectionChief, bi('作業確認票の作成（第5号様式）', 'Work confirmation (form 5)'), ['MNT-14-4'], {
      requesterMayDecide: true,
    }),
    step(
      'cross_check',
      'confirm',
      role('MNT', 'welfare_section_chief'),
      bi('作業依頼一覧と受託者の報告の突合', "Cross-check the work list against the contractor's report"),
      ['MNT-14-6'],
    ),
  );
  const notes = [
    approval
      ? note(
          '変更管理会議の承認を要すると判断したため、情報政策課長の承認を得てから作業に入ります。',
          'Change-management approval is needed: the information policy chief approves before the work starts.',
          ['MNT-14-2'],
        )
      : note(
          '変更管理会議の承認を要しないため、情報政策課長には報告のみ行います。',
          'No change-management approval is needed: the information policy chief is only informed.',
          ['MNT-14-2'],
        ),
    note(
      '作業完了の報告を受けたシステム使用課長が作業確認票を作成し、保健福祉課長が受託者の報告と突き合わせます。瑕疵がある場合は訂正を求めて差し戻します。',
      'On the completion report the section chief writes the confirmation; the welfare section chief cross-checks it against the contractor’s report and returns it for correction if anything is wrong.',
      ['MNT-14-4', 'MNT-14-6'],
    ),
  ];
  if (flag(ctx, 'presence')) {
    notes.push(
      note('システム使用課長が作業に立ち会います（執務時間外を含む）。', 'The section chief will attend the work, also outside office hours.', ['MNT-14-5']),
    );
  }
  return result(steps, notes);
}

export const workRequestKind: RequestKind = {
  key: 'work_request',
  name,
  paperForms: { MNT: '第4号様式・第5号様式' },
  rulebookIds: ['MNT'],
  filers: [role('MNT', 'using_section_chief')],
  fields: [
    field('workDescription', 'textarea', '作業の内容', 'Work to be done', true, { maxLength: 4000, ruleIds: ['MNT-14-1'] }),
    field('desiredCompletionDate', 'date', '完了希望日', 'Desired completion date', true, { ruleIds: ['MNT-14-1'] }),
    field('changeManagementApprovalNeeded', 'boolean', '変更管理会議の承認の要否', 'Change-management approval needed', true, { ruleIds: ['MNT-14-2'] }),
    field('presence', 'boolean', '作業への立会い', 'Attend the work', false, { ruleIds: ['MNT-14-5'] }),
  ],
  validate,
  route,
  effect: 'record_work',
  ruleIds: ['MNT-14'],
};
