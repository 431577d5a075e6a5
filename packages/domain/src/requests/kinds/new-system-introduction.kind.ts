// 新規導入等の申請: ARK-12 (and ARK-14 for data of other sections, ARK-16 for the committee's remit).
// ARK-12-1 covers changes as well (既存の電子情報システム若しくは電子情報処理の変更), so the
// system_modification kind sends non-minor ARK changes down this same route.
import { arkApplicationDeadline, isArkApplicationOnTime } from '../../calendar/deadlines.ts';
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { FormField, RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { dataUseSteps } from './data-use-consultation.kind.ts';
import {
  ARK_STEERING_COMMITTEE,
  bi,
  committee,
  field,
  filedOn,
  flag,
  holdsRole,
  note,
  notDefinedIn,
  num,
  path,
  requesterActor,
  result,
  role,
  staged,
  step,
  text,
  type Note,
} from './kind-helpers.ts';

const name = bi('電子情報システムの導入等の申請', 'New system introduction');

/** ARK-4: managed by the デジタル推進課, or by a system-managing section. A new system says which it will be. */
export function arkManagementType(ctx: RouteContext): 'digital_section' | 'system_section' {
  if (ctx.system) return ctx.system.managementType;
  return ctx.content['managementType'] === 'system_section' ? 'system_section' : 'digital_section';
}

/** ARK-12-1: the デジタル推進課長 or the using department head (digital-managed), else the システム管理部長. */
export function arkIntroductionFilerErrors(ctx: RouteContext): FieldError[] {
  const digital = arkManagementType(ctx) === 'digital_section';
  const ok = digital ? holdsRole(ctx, 'digital_section_chief') || holdsRole(ctx, 'using_department_head') : holdsRole(ctx, 'system_managing_director');
  if (ok) return [];
  return [
    digital
      ? fieldError(
          ['requester'],
          'INVALID_VALUE',
          'For a system managed by the digital section, the digital section chief or the head of the using department applies.',
          'デジタル推進課が管理するシステムは、デジタル推進課長又は利用する部の長が申請します。',
          ['ARK-12-1'],
        )
      : fieldError(
          ['requester'],
          'INVALID_VALUE',
          'For a system managed by another section, its system-managing department head applies.',
          'デジタル推進課以外が管理するシステムは、システム管理部長が申請します。',
          ['ARK-12-1'],
        ),
  ];
}

const CRITERIA = [
  { key: 'welfare', ruleId: 'ARK-12-1-1', ja: '区民福祉の増進に寄与すること', en: 'It contributes to residents’ welfare' },
  { key: 'efficiency', ruleId: 'ARK-12-1-2', ja: '行財政運営の効率化に寄与すること', en: 'It makes administration and finances more efficient' },
  { key: 'privacy', ruleId: 'ARK-12-1-3', ja: '保護法に定める個人情報の保護に適合すること', en: 'It conforms to the protection of personal information' },
] as const;

export const arkIntroductionFields: FormField[] = [
  ...CRITERIA.map((c) => field(c.key, 'boolean', c.ja, c.en, true, { ruleIds: [c.ruleId], rulebookIds: ['ARK'] })),
  field('targetFiscalYear', 'number', '導入等の予定年度', 'Target fiscal year', true, { min: 2000, max: 2200, ruleIds: ['ARK-12-2'], rulebookIds: ['ARK'] }),
  field('urgentByLawChange', 'boolean', '法令改正等による緊急の必要', 'Urgent (law change etc.)', false, { ruleIds: ['ARK-12-2'], rulebookIds: ['ARK'] }),
  field('urgencyReason', 'textarea', '緊急に行う必要がある理由', 'Why it is urgent', false, { maxLength: 2000, ruleIds: ['ARK-12-2'], rulebookIds: ['ARK'] }),
  field('necessity', 'textarea', '必要性', 'Necessity', false, { maxLength: 4000, ruleIds: ['ARK-12-4'], rulebookIds: ['ARK'] }),
  field('cost', 'textarea', '費用', 'Cost', false, { maxLength: 4000, ruleIds: ['ARK-12-4'], rulebookIds: ['ARK'] }),
  field('effect', 'textarea', '効果', 'Effect', false, { maxLength: 4000, ruleIds: ['ARK-12-4'], rulebookIds: ['ARK'] }),
  field('alternatives', 'textarea', '代替手段等の有無', 'Alternatives', false, { maxLength: 4000, ruleIds: ['ARK-12-4'], rulebookIds: ['ARK'] }),
];

export function arkIntroductionValidate(ctx: RouteContext): FieldError[] {
  const errors: FieldError[] = [...arkIntroductionFilerErrors(ctx)];
  for (const c of CRITERIA) {
    if (ctx.content[c.key] !== true) {
      errors.push(
        fieldError(
          path(c.key),
          'INVALID_VALUE',
          `Confirm the criterion before applying: ${c.en}.`,
          `申請前に基準「${c.ja}」に該当することを確認してください。`,
          [c.ruleId],
        ),
      );
    }
  }
  const fy = num(ctx, 'targetFiscalYear');
  if (fy === undefined) {
    errors.push(
      fieldError(path('targetFiscalYear'), 'REQUIRED', 'Give the fiscal year of the introduction or change.', '導入等の予定年度を入力してください。', [
        'ARK-12-2',
      ]),
    );
  } else if (!Number.isInteger(fy)) {
    errors.push(
      fieldError(path('targetFiscalYear'), 'INVALID_VALUE', 'The fiscal year is a whole number, e.g. 2027.', '予定年度は2027のような整数で入力してください。', [
        'ARK-12-2',
      ]),
    );
  }
  if (flag(ctx, 'urgentByLawChange') && !text(ctx, 'urgencyReason')) {
    errors.push(fieldError(path('urgencyReason'), 'REQUIRED', 'Say why it is urgent.', '緊急に行う必要がある理由を入力してください。', ['ARK-12-2']));
  }
  return errors;
}

/** The ARK-12 route: data-use approvals (ARK-14) → the CIO gathers the papers → 運営委員会 → notice. */
export function arkIntroductionRoute(ctx: RouteContext, opts: { change: boolean }): RouteResult {
  const notes: Note[] = [];
  const errors: FieldError[] = [];
  let dueOn: string | undefined;
  const fy = num(ctx, 'targetFiscalYear');
  if (fy !== undefined && Number.isInteger(fy)) {
    dueOn = arkApplicationDeadline(fy);
    const on = filedOn(ctx);
    const urgent = flag(ctx, 'urgentByLawChange');
    if (!isArkApplicationOnTime(on, fy)) {
      if (urgent) {
        notes.push(
          note(
            `申請期限（${dueOn}）を過ぎていますが、法令改正等により緊急に行う必要があるため受け付けます。`,
            `Past the deadline (${dueOn}), accepted because it is urgent (law change etc.).`,
            ['ARK-12-2'],
          ),
        );
      } else {
        errors.push(
          fieldError(
            path('targetFiscalYear'),
            'INVALID_VALUE',
            `Applications for fiscal year ${fy} were due by ${dueOn}. Only urgent cases (law changes etc.) are accepted later.`,
            `${fy}年度の導入等の申請期限（${dueOn}）を過ぎています。法令改正等緊急に行う必要がある場合に限り受け付けます。`,
            ['ARK-12-2'],
          ),
        );
      }
    } else {
      notes.push(note(`${fy}年度の申請期限は${dueOn}です。`, `The deadline for fiscal year ${fy} is ${dueOn}.`, ['ARK-12-2']));
    }
  }
  const dataUse = dataUseSteps(ctx);
  notes.push(...dataUse.notes);
  const steps = staged(
    dataUse.steps,
    step(
      'collect_materials',
      'perform',
      role('ARK', 'information_controller'),
      bi('必要性・費用・効果・代替手段等の資料の徴取', 'Gather the papers on necessity, cost, effect and alternatives'),
      ['ARK-12-4'],
    ),
    step('steering_committee', 'approve', committee(ARK_STEERING_COMMITTEE), bi('電子情報システム運営委員会の可否の決定', 'Steering committee decides'), [
      'ARK-12-4',
      opts.change ? 'ARK-16-1-3' : 'ARK-16-1-2',
    ]),
    step('notify_result', 'inform', requesterActor, bi('申請した部長への結果の通知', 'Result notified to the applying department head'), ['ARK-12-5']),
  );
  notes.push(
    note(
      '情報統括責任者が必要性・費用・効果・代替手段等に関する資料を徴し、運営委員会に付議します。可否の決定の結果は申請した部長に通知されます。',
      'The chief information officer gathers the papers on necessity, cost, effect and alternatives and refers the application to the steering committee; its decision is notified to the applying department head.',
      ['ARK-12-4', 'ARK-12-5'],
    ),
  );
  return result(steps, notes, errors, dueOn);
}

export const newSystemIntroductionKind: RequestKind = {
  key: 'new_system_introduction',
  name,
  // ARK-12 names no numbered form: the application goes with the papers the 情報統括責任者 asks for
  // (ARK-12-4), the procedure being theirs to set (ARK-12-3).
  paperForms: { ARK: '申請書及び必要性・費用・効果・代替手段等の資料' },
  rulebookIds: ['ARK'],
  filers: [role('ARK', 'digital_section_chief'), role('ARK', 'using_department_head'), role('ARK', 'system_managing_director')],
  fields: [
    field('systemName', 'text', 'システム名（事務名）', 'System (or work) name', true, { maxLength: 200, ruleIds: ['ARK-12-1'] }),
    field('summary', 'textarea', '導入等の概要', 'Summary', true, { maxLength: 4000, ruleIds: ['ARK-12-1'] }),
    field('managementType', 'select', '管理区分', 'Managed by', false, {
      ruleIds: ['ARK-4-1', 'ARK-4-2'],
      options: [
        { value: 'digital_section', label: bi('デジタル推進課が管理', 'The digital section') },
        { value: 'system_section', label: bi('システム管理課が管理', 'A system-managing section') },
      ],
    }),
    ...arkIntroductionFields,
  ],
  validate: arkIntroductionValidate,
  route: (ctx) => (ctx.rulebookId === 'ARK' ? arkIntroductionRoute(ctx, { change: ctx.system !== null }) : notDefinedIn(name, ctx)),
  effect: 'introduce_system',
  ruleIds: ['ARK-12', 'ARK-14', 'ARK-16-1-2'],
};
