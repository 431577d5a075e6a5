// システムの改修 (law changes and other modifications): MNT-13, KWW-6, KTM-13, ARK-12/ARK-13.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { ActorRule, RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { arkIntroductionFields, arkIntroductionRoute, arkIntroductionValidate } from './new-system-introduction.kind.ts';
import {
  KTM_OPERATIONS_MEETING,
  bi,
  committee,
  contractor,
  field,
  flag,
  holdsRole,
  note,
  notDefinedIn,
  requesterActor,
  requesterSectionChief,
  result,
  role,
  staged,
  step,
  type Note,
} from './kind-helpers.ts';

const name = bi('システム改修の依頼', 'System modification');

// --- MNT-13 ---

function mntRoute(ctx: RouteContext): RouteResult {
  const costly = flag(ctx, 'costly');
  const approval = flag(ctx, 'changeManagementApprovalNeeded');
  const chief = role('MNT', 'welfare_section_chief');
  const policy = role('MNT', 'information_policy_chief');
  const steps = staged(
    step('need', 'approve', chief, bi('改修の要否の判断', 'Judge whether the modification is needed'), ['MNT-13-2']),
    step('estimate', 'perform', contractor, bi('経費等の調査・見積（見積額・改修方法・工期）', 'Estimate cost, method and schedule'), ['MNT-13-3']),
    costly && step('contract', 'perform', chief, bi('契約事務', 'Contract'), ['MNT-13-4']),
    approval
      ? step('change_management', 'approve', policy, bi('変更管理会議の承認（情報政策課長）', 'Change-management approval (information policy chief)'), [
          'MNT-13-5',
        ])
      : step('change_management', 'inform', policy, bi('改修内容の情報政策課長への報告', 'Report the modification to the information policy chief'), [
          'MNT-13-5',
        ]),
    step('modify', 'perform', contractor, bi('システムの改修', 'Modify the system'), ['MNT-13-6']),
    step('confirm', 'confirm', chief, bi('改修の確認', 'Confirm the modification'), ['MNT-13-8']),
    [
      step('report', 'inform', requesterSectionChief, bi('システム使用課長への報告', 'Report to the using section chief'), ['MNT-13-8']),
      step('documents', 'perform', contractor, bi('設計書・取扱説明書等の更新', 'Update the design documents and manuals'), ['MNT-13-9', 'MNT-21-2']),
    ],
  );
  const notes: Note[] = [
    costly
      ? note(
          '改修に経費が発生するため、見積の後に保健福祉課長が契約事務を行います。',
          'The modification costs money: after the estimate the welfare section chief contracts for it.',
          ['MNT-13-3', 'MNT-13-4'],
        )
      : note('経費が発生しないため、受託者は直ちに改修します。', 'No cost arises, so the contractor modifies the system straight away.', ['MNT-13-6']),
    approval
      ? note('変更管理会議の承認を要するため、情報政策課長の承認を得ます。', 'Change-management approval is needed from the information policy chief.', [
          'MNT-13-5',
        ])
      : note(
          '変更管理会議の承認を要しないため、情報政策課長に報告します。',
          'No change-management approval is needed; the information policy chief is informed.',
          ['MNT-13-5'],
        ),
  ];
  if (flag(ctx, 'presence')) {
    notes.push(
      note('システム使用課長が改修作業に立ち会います（執務時間外を含む）。', 'The using section chief will attend the work, also outside office hours.', [
        'MNT-13-7',
      ]),
    );
  }
  return result(steps, notes);
}

// --- KWW-6 ---

const kwwScope = (ctx: RouteContext): 'health-welfare' | 'children' => (ctx.content['scope'] === 'children' ? 'children' : 'health-welfare');

/** Owner positions of the assets touched, in order of appearance, without the requester's own. */
export function otherOwnerPositions(ctx: RouteContext): string[] {
  const own = new Set(ctx.requesterPositionIds);
  const seen = new Set<string>();
  for (const a of ctx.assets) for (const p of a.ownerPositionIds) if (!own.has(p)) seen.add(p);
  return [...seen];
}

export function requesterOwnsTouchedAsset(ctx: RouteContext): boolean {
  const own = new Set(ctx.requesterPositionIds);
  return ctx.assets.some((a) => a.ownerPositionIds.some((p) => own.has(p)));
}

function kwwRoute(ctx: RouteContext): RouteResult {
  const others = otherOwnerPositions(ctx);
  if (flag(ctx, 'commonPart')) {
    // KWW-6-1-2: common parts are decided by the 総括者 (健康福祉局総務部長, KWW-3-1) after coordinating
    // with the owners concerned; that decision and the overall one (KWW-6-1-3) are the same person's,
    // recorded as one step.
    const which: ActorRule = { kind: 'asset_owners', which: ctx.requesterPositionIds.length > 0 ? 'others' : 'all' };
    const steps = staged(
      others.map((p) =>
        step('owner_coordination', 'consent', which, bi('関係する情報管理責任者との調整', 'Coordination with the owner concerned'), ['KWW-6-1-2'], {
          perEach: true,
          subjectId: p,
        }),
      ),
      step(
        'supervisor_decision',
        'approve',
        role('KWW', 'system_supervisor', { scopeKey: 'health-welfare' }),
        bi('システム総括者による改修の決定', 'The supervisor decides the modification'),
        ['KWW-6-1-2', 'KWW-6-1-3'],
      ),
    );
    return result(steps, [
      note(
        '共通部分の改修は、関係する情報管理責任者と調整したうえでシステム総括者（健康福祉局総務部長）が決定します。',
        'A common part is decided by the system supervisor (health and welfare) after coordinating with the owners concerned.',
        ['KWW-6-1-2', 'KWW-3-1'],
      ),
      note('改修はシステム導入等事務手続要綱等に基づき行います。', 'The modification follows the system introduction procedures.', ['KWW-6-3']),
    ]);
  }
  const scopeKey = kwwScope(ctx);
  const supervisor = role('KWW', 'system_supervisor', { scopeKey });
  // KWW-6-2: other owners approve before the filing owner decides; then the owner decides with the
  // 総括者's consent (KWW-6-1-1) and the 総括者 decides overall (KWW-6-1-3).
  const steps = staged(
    others.map((p) =>
      step(
        'other_owner_approval',
        'approve',
        { kind: 'asset_owners', which: 'others' },
        bi('他の情報管理責任者の事前承認', 'Prior approval of another owner'),
        ['KWW-6-2'],
        { perEach: true, subjectId: p },
      ),
    ),
    step('supervisor_consent', 'consent', supervisor, bi('システム総括者の同意', "The supervisor's consent"), ['KWW-6-1-1']),
    step(
      'owner_decision',
      'approve',
      { kind: 'asset_owners', which: 'requester_own' },
      bi('情報管理責任者による改修内容の決定', 'The owner decides the modification'),
      ['KWW-6-1-1'],
      {
        requesterMayDecide: true,
      },
    ),
    step('overall_decision', 'approve', supervisor, bi('システム総括者による改修の決定', "The supervisor's overall decision"), ['KWW-6-1-3']),
  );
  const notes: Note[] = [
    others.length > 0
      ? note(
          `他の情報管理責任者が管理する情報資産に改修が及ぶため、その${others.length}名の承認を先に得ます。`,
          `The change touches assets of ${others.length} other owner(s): each approves first.`,
          ['KWW-6-2'],
        )
      : note('改修が及ぶ情報資産は申請者が管理するもののみです。', 'The change touches only the requester’s own assets.', ['KWW-6-2']),
    note(
      `情報管理責任者がシステム総括者（${scopeKey === 'children' ? 'こども未来局総務部長' : '健康福祉局総務部長'}）の同意を得て改修内容を決定し、総括者が総合的に勘案して改修を決定します。`,
      `The owner decides with the consent of the system supervisor (${scopeKey}); the supervisor then decides overall.`,
      ['KWW-6-1-1', 'KWW-6-1-3', 'KWW-3-1'],
    ),
    note('改修はシステム導入等事務手続要綱等に基づき行います。', 'The modification follows the system introduction procedures.', ['KWW-6-3']),
  ];
  return result(steps, notes);
}

// --- KTM-13 ---

function ktmRoute(ctx: RouteContext): RouteResult {
  const gm = role('KTM', 'general_manager');
  const businessChange = flag(ctx, 'businessChange');
  if (!flag(ctx, 'major')) {
    return result(
      staged(
        step('coordinate_sections', 'inform', role('KTM', 'manager'), bi('関係する業務所管課との調整', 'Coordination with the business sections concerned'), [
          'KTM-13-1-1',
          'KTM-5-1-2',
        ]),
        step('decide', 'approve', gm, bi('統括管理者による決定', 'The general manager decides'), ['KTM-13-1-1']),
      ),
      [
        note(
          '軽微な改修は、統括管理者が関係する業務所管課と調整を行ったうえで決定します。',
          'A minor modification is decided by the general manager after coordinating with the business sections concerned.',
          ['KTM-13-1-1'],
        ),
      ],
    );
  }
  const notes: Note[] = [
    note(
      '重大な改修は、統括管理者が運用会議を開催したうえで決定します。',
      'A major modification is decided by the general manager after the operations meeting.',
      ['KTM-13-1-2', 'KTM-3-7'],
    ),
  ];
  if (businessChange) {
    notes.push(
      note(
        '業務所管課の事務の変更に伴い軽微な改修の範囲を超えるため、管理者が改修を実施します（統括管理者に調整を依頼できます）。',
        'Beyond a minor modification because of a change in the section’s work: the manager carries it out (and may ask the general manager to coordinate).',
        ['KTM-13-2', 'KTM-13-3'],
      ),
    );
  }
  return result(
    staged(
      step('operations_meeting', 'approve', committee(KTM_OPERATIONS_MEETING), bi('運用会議での協議', 'Operations meeting'), ['KTM-13-1-2', 'KTM-3-7']),
      step('decide', 'approve', gm, bi('統括管理者による決定', 'The general manager decides'), ['KTM-13-1-2']),
      businessChange &&
        step(
          'implement',
          'perform',
          role('KTM', 'manager', { where: 'requester_unit' }),
          bi('管理者による改修の実施', 'The manager carries out the modification'),
          ['KTM-13-2'],
        ),
    ),
    notes,
  );
}

// --- ARK-13 (minor) or ARK-12 ---

function arkRoute(ctx: RouteContext): RouteResult {
  if (!flag(ctx, 'minor')) {
    const r = arkIntroductionRoute(ctx, { change: true });
    r.notes.unshift(
      note(
        '軽易な変更ではないため、新規導入と同じく情報統括責任者への申請と運営委員会の決定を要します。',
        'Not a minor change: it goes to the CIO and the steering committee like a new system.',
        ['ARK-12-1', 'ARK-16-1-3'],
      ),
    );
    return r;
  }
  const docs = note('変更はドキュメント及び操作手引書に反映します。', 'Reflect the change in the documents and the operating manual.', ['ARK-5-2', 'ARK-11-2']);
  if (ctx.system?.managementType === 'system_section') {
    const chief = role('ARK', 'system_managing_chief', { where: 'system_managing_unit' });
    return result(
      staged(step('decide', 'approve', chief, bi('システム管理課長による可否の決定', 'The system-managing chief decides'), ['ARK-13-3']), [
        step('record', 'perform', chief, bi('変更の記録の保管', 'Keep the record of the change'), ['ARK-13-3']),
        step('notify_result', 'inform', requesterActor, bi('申請した課長への結果の通知', 'Result notified to the applying chief'), ['ARK-13-3', 'ARK-13-2']),
      ]),
      [
        note(
          'デジタル推進課以外が管理するシステムの軽易な変更は、システム管理課長が可否を決定し、変更の記録を保管します。',
          'A minor change of a system managed by another section is decided by its system-managing chief, who keeps a record of it.',
          ['ARK-13-3'],
        ),
        docs,
      ],
    );
  }
  return result(
    staged(
      step('decide', 'approve', role('ARK', 'digital_section_chief'), bi('デジタル推進課長による可否の決定', 'The digital section chief decides'), [
        'ARK-13-1',
      ]),
      step('notify_result', 'inform', requesterActor, bi('申請した課長への結果の通知', 'Result notified to the applying chief'), ['ARK-13-2']),
    ),
    [
      note(
        '新たな入出力帳票の設定・様式の変更等の軽易な変更は、デジタル推進課長が可否を決定し、結果を申請した課長に通知します。',
        'A minor change (new forms and the like) is decided by the digital section chief, who notifies the applying chief.',
        ['ARK-13-1', 'ARK-13-2'],
      ),
      docs,
    ],
  );
}

function validate(ctx: RouteContext): FieldError[] {
  switch (ctx.rulebookId) {
    case 'KWW': {
      if (flag(ctx, 'commonPart')) return [];
      if (ctx.assets.length === 0) {
        return [
          fieldError(['assets'], 'REQUIRED', 'Name the information assets the modification touches.', '改修が及ぶ情報資産を指定してください。', ['KWW-6-1-1']),
        ];
      }
      if (!requesterOwnsTouchedAsset(ctx)) {
        return [
          fieldError(
            ['requester'],
            'INVALID_VALUE',
            'An owner decides modifications of the system for their own assets only.',
            '情報管理責任者は、自らが管理する情報資産を取り扱う改修についてのみ決定できます。',
            ['KWW-6-1-1'],
          ),
        ];
      }
      return [];
    }
    case 'ARK': {
      const errors: FieldError[] = [];
      if (!ctx.system)
        errors.push(fieldError(['system'], 'REQUIRED', 'Choose the system to change.', '変更するシステムを選択してください。', ['ARK-12-1', 'ARK-13-1']));
      if (flag(ctx, 'minor')) {
        if (!holdsRole(ctx, 'using_section_chief')) {
          errors.push(
            fieldError(
              ['requester'],
              'INVALID_VALUE',
              'A minor change is applied for by the chief of a section using the system.',
              '軽易な変更は、システムを利用する課の長が申請します。',
              ['ARK-13-1', 'ARK-13-3'],
            ),
          );
        }
        return errors;
      }
      return [...errors, ...arkIntroductionValidate(ctx)];
    }
    default:
      return [];
  }
}

function route(ctx: RouteContext): RouteResult {
  switch (ctx.rulebookId) {
    case 'MNT':
      return mntRoute(ctx);
    case 'KWW':
      return kwwRoute(ctx);
    case 'KTM':
      return ktmRoute(ctx);
    case 'ARK':
      return arkRoute(ctx);
    default:
      return notDefinedIn(name, ctx);
  }
}

export const systemModificationKind: RequestKind = {
  key: 'system_modification',
  name,
  rulebookIds: ['MNT', 'KWW', 'KTM', 'ARK'],
  filers: [
    role('MNT', 'using_section_chief'),
    role('KWW', 'information_owner'),
    role('KWW', 'system_administrator'),
    role('KTM', 'manager'),
    role('KTM', 'using_section_head'),
    role('ARK', 'using_section_chief'),
    role('ARK', 'digital_section_chief'),
    role('ARK', 'using_department_head'),
    role('ARK', 'system_managing_director'),
  ],
  fields: [
    // MNT-13-1: the summary of the law change and the national materials.
    field('lawChangeSummary', 'textarea', '法改正等の内容', 'Summary of the law change', true, {
      maxLength: 4000,
      ruleIds: ['MNT-13-1'],
      rulebookIds: ['MNT'],
    }),
    field('referenceMaterials', 'textarea', '国等の資料', 'National and other reference materials', true, {
      maxLength: 4000,
      ruleIds: ['MNT-13-1'],
      rulebookIds: ['MNT'],
    }),
    field('costly', 'boolean', '経費の発生', 'Costs money', false, { ruleIds: ['MNT-13-3', 'MNT-13-4'], rulebookIds: ['MNT'] }),
    field('changeManagementApprovalNeeded', 'boolean', '変更管理会議の承認の要否', 'Change-management approval needed', false, {
      ruleIds: ['MNT-13-5'],
      rulebookIds: ['MNT'],
    }),
    field('presence', 'boolean', '作業への立会い', 'Attend the work', false, { ruleIds: ['MNT-13-7'], rulebookIds: ['MNT'] }),
    field('summary', 'textarea', '改修内容', 'What changes', true, { maxLength: 4000, rulebookIds: ['KWW', 'KTM', 'ARK'] }),
    // KWW-6-2: the owners of the other information assets the change touches approve first. Naming them
    // narrows the route; unnamed, every asset the system handles counts as touched (every owner is asked).
    field('touchedAssets', 'assetList', '改修が及ぶ情報資産', 'Information assets the change touches', false, { ruleIds: ['KWW-6-2'], rulebookIds: ['KWW'] }),
    field('commonPart', 'boolean', '共通部分の改修', 'Common part of the system', false, { ruleIds: ['KWW-6-1-2'], rulebookIds: ['KWW'] }),
    field('scope', 'select', '業務の区分', 'Business scope', false, {
      ruleIds: ['KWW-3-1'],
      rulebookIds: ['KWW'],
      options: [
        { value: 'health-welfare', label: bi('健康福祉局及び共通部分に関する業務', 'Health and welfare bureau and common parts') },
        { value: 'children', label: bi('こども未来局に関する業務', "Children's future bureau") },
      ],
    }),
    field('major', 'boolean', '重大な改修', 'Major modification', false, { ruleIds: ['KTM-13-1-1', 'KTM-13-1-2'], rulebookIds: ['KTM'] }),
    field('businessChange', 'boolean', '業務所管課の事務の変更に伴う改修', 'Caused by a change in the section’s work', false, {
      ruleIds: ['KTM-13-2'],
      rulebookIds: ['KTM'],
    }),
    field('minor', 'boolean', '軽易な変更（帳票の設定・様式の変更等）', 'Minor change (new forms etc.)', false, {
      ruleIds: ['ARK-13-1'],
      rulebookIds: ['ARK'],
    }),
    // The ARK-12 criteria are required only for a non-minor change; the kind's validate enforces them.
    ...arkIntroductionFields.map((f) => ({ ...f, required: false })),
  ],
  validate,
  route,
  effect: 'modify_system',
  ruleIds: ['MNT-13', 'KWW-6', 'KTM-13', 'ARK-12', 'ARK-13'],
};
