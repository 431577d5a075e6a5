// 使用制限 (usage suspension) and its lifting: MNT-16; KTM-10-4, KTM-10-5 (and KTM-10-1..3 for an
// ordinary revocation or re-designation).
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { ComputedStep, RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import {
  bi,
  field,
  flag,
  holdsRole,
  note,
  notDefinedIn,
  path,
  reasonField,
  result,
  role,
  staged,
  step,
  text,
  type Note,
  type StepDraft,
} from './kind-helpers.ts';
import type { RuleId } from '../../rulebooks/rule-id.ts';

const suspensionName = bi('使用停止', 'Usage suspension');
const reinstatementName = bi('使用再開', 'Usage reinstatement');

/** KTM: who is told. The section head of the user's section; when the head filed, that is their own. */
function ktmSectionHead(ctx: RouteContext, ruleIds: RuleId[]): StepDraft {
  const filedByHead = holdsRole(ctx, 'using_section_head') && !holdsRole(ctx, 'general_manager');
  const userUnit = text(ctx, 'userOrgUnitId');
  return filedByHead || !userUnit
    ? step('notify', 'inform', role('KTM', 'using_section_head', { where: 'requester_unit' }), bi('所属長への通知', 'Notice to the section head'), ruleIds)
    : step('notify', 'inform', role('KTM', 'using_section_head'), bi('所属長への通知', 'Notice to the section head'), ruleIds, { subjectId: userUnit });
}

/** KTM: the 統括管理者 files on their own finding, so the user's section must be named. */
function ktmValidate(ctx: RouteContext): FieldError[] {
  if (ctx.rulebookId === 'KTM' && holdsRole(ctx, 'general_manager') && !text(ctx, 'userOrgUnitId')) {
    return [
      fieldError(path('userOrgUnitId'), 'REQUIRED', "Name the user's section: its head is notified.", '通知先となるシステム使用課を選択してください。', [
        'KTM-10-5',
        'KTM-10-3',
      ]),
    ];
  }
  return [];
}

/** MNT-16: the 保健福祉課長 decides; when someone else asks, the decision is a step of its own. */
function mntSteps(ctx: RouteContext, action: 'suspend' | 'reinstate'): ComputedStep[] {
  const ownDecision = holdsRole(ctx, 'welfare_section_chief');
  const label = action === 'suspend' ? bi('使用の停止', 'Suspend use') : bi('使用の再開', 'Reinstate use');
  return staged(
    !ownDecision && step('judge', 'approve', role('MNT', 'welfare_section_chief'), bi('必要性の判断', 'Judge whether it is needed'), ['MNT-16-1']),
    step(action, 'perform', role('MNT', 'welfare_section_chief'), label, ['MNT-16-1']),
  );
}

function suspensionRoute(ctx: RouteContext): RouteResult {
  switch (ctx.rulebookId) {
    case 'MNT':
      return result(mntSteps(ctx, 'suspend'), [
        note(
          '保健福祉課長は、適正な運用のために必要と認めたときに特定のユーザの使用を停止できます。',
          'The welfare section chief may suspend a user when proper operation requires it.',
          ['MNT-16-1'],
        ),
      ]);
    case 'KTM': {
      const breach = flag(ctx, 'privacyBreach');
      const notes: Note[] = breach
        ? [
            note(
              '個人情報の保護に関する法律第69条第1項に抵触すると判断されたため、統括管理者はユーザーID又は操作権限を解除しなければなりません（義務）。解除後、所属長に通知します。',
              'A breach of the Act on the Protection of Personal Information (art. 69(1)) makes revocation mandatory for the general manager; the section head is then notified.',
              ['KTM-10-4', 'KTM-10-5'],
            ),
          ]
        : [
            note(
              '所属長の申請により、統括管理者が操作権限を解除して所属長に通知します。',
              'On the section head’s application the general manager revokes the authority and notifies the section head.',
              ['KTM-10-1', 'KTM-10-2', 'KTM-10-3'],
            ),
          ];
      const ruleIds: RuleId[] = breach ? ['KTM-10-4'] : ['KTM-10-3'];
      return result(
        staged(
          step('suspend', 'perform', role('KTM', 'general_manager'), bi('ユーザーID又は操作権限の解除', 'Revoke the user ID or authority'), ruleIds),
          ktmSectionHead(ctx, breach ? ['KTM-10-5'] : ['KTM-10-3']),
        ),
        notes,
      );
    }
    default:
      return notDefinedIn(suspensionName, ctx);
  }
}

function reinstatementRoute(ctx: RouteContext): RouteResult {
  switch (ctx.rulebookId) {
    case 'MNT':
      return result(mntSteps(ctx, 'reinstate'), [
        note(
          '使用停止は保健福祉課長の判断によるため、再開も保健福祉課長が判断します。',
          'Suspension is the welfare section chief’s decision, so is lifting it.',
          ['MNT-16-1'],
        ),
      ]);
    case 'KTM':
      return result(
        staged(
          step('reinstate', 'perform', role('KTM', 'general_manager'), bi('ユーザーID及び操作権限の再登録', 'Register the user ID and authority again'), [
            'KTM-10-3',
          ]),
          ktmSectionHead(ctx, ['KTM-10-3']),
        ),
        [
          note(
            '解除された操作権限の再開は、新たな指定として所属長が申請し、統括管理者が登録して通知します。',
            'Reinstating a revoked authority is a new designation: the section head applies, the general manager registers it and notifies them.',
            ['KTM-10-1', 'KTM-10-2', 'KTM-10-3'],
          ),
        ],
      );
    default:
      return notDefinedIn(reinstatementName, ctx);
  }
}

const commonFields = [
  field('staffId', 'staff', 'ユーザ', 'User', true, { ruleIds: ['MNT-16-1', 'KTM-10-4'] }),
  field('userOrgUnitId', 'orgUnit', 'ユーザの所属課', "User's section", false, { ruleIds: ['KTM-10-5'], rulebookIds: ['KTM'] }),
];

export const usageSuspensionKind: RequestKind = {
  key: 'usage_suspension',
  name: suspensionName,
  rulebookIds: ['MNT', 'KTM'],
  filers: [role('MNT', 'welfare_section_chief'), role('MNT', 'using_section_chief'), role('KTM', 'general_manager'), role('KTM', 'using_section_head')],
  fields: [
    ...commonFields,
    field('privacyBreach', 'boolean', '個人情報保護法違反', 'Breach of the privacy law', false, { ruleIds: ['KTM-10-4'], rulebookIds: ['KTM'] }),
    reasonField(['MNT-16-1', 'KTM-10-4']),
  ],
  validate: ktmValidate,
  route: suspensionRoute,
  effect: 'suspend_accounts',
  ruleIds: ['MNT-16', 'KTM-10-4', 'KTM-10-5'],
};

export const usageReinstatementKind: RequestKind = {
  key: 'usage_reinstatement',
  name: reinstatementName,
  rulebookIds: ['MNT', 'KTM'],
  filers: [role('MNT', 'welfare_section_chief'), role('MNT', 'using_section_chief'), role('KTM', 'general_manager'), role('KTM', 'using_section_head')],
  fields: [...commonFields, reasonField(['MNT-16-1', 'KTM-10-3'])],
  validate: ktmValidate,
  route: reinstatementRoute,
  effect: 'reinstate_accounts',
  ruleIds: ['MNT-16', 'KTM-10'],
};
