// システムの廃止 (stopping use of an owner's assets in the system): KWW-7.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { otherOwnerPositions, requesterOwnsTouchedAsset } from './system-modification.kind.ts';
import { bi, field, note, notDefinedIn, result, role, staged, step, text } from './kind-helpers.ts';

const name = bi('システムの利用停止', 'System retirement');

function validate(ctx: RouteContext): FieldError[] {
  if (ctx.assets.length === 0) {
    return [
      fieldError(['assets'], 'REQUIRED', 'Name the information assets no longer to be used in the system.', '利用を停止する情報資産を指定してください。', [
        'KWW-7-1-1',
      ]),
    ];
  }
  if (!requesterOwnsTouchedAsset(ctx)) {
    return [
      fieldError(
        ['requester'],
        'INVALID_VALUE',
        'An owner decides to stop using their own assets only.',
        '情報管理責任者は、自らが管理する情報資産の利用停止についてのみ決定できます。',
        ['KWW-7-1-1'],
      ),
    ];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'KWW') return notDefinedIn(name, ctx);
  const others = otherOwnerPositions(ctx);
  const scopeKey = text(ctx, 'scope') === 'children' ? 'children' : 'health-welfare';
  const supervisor = role('KWW', 'system_supervisor', { scopeKey });
  // KWW-7-2 other owners approve first; KWW-7-1-1 prior notice to the 総括者, then consent, then the
  // owner's decision; KWW-7-1-2 the 総括者 takes the measures.
  const steps = staged(
    others.map((p) =>
      step(
        'other_owner_approval',
        'approve',
        { kind: 'asset_owners', which: 'others' },
        bi('影響を受ける情報管理責任者の事前承認', 'Prior approval of an affected owner'),
        ['KWW-7-2'],
        { perEach: true, subjectId: p },
      ),
    ),
    step('prior_notice', 'inform', supervisor, bi('システム総括者への事前通知', 'Prior notice to the supervisor'), ['KWW-7-1-1']),
    step('supervisor_consent', 'consent', supervisor, bi('システム総括者の同意', "The supervisor's consent"), ['KWW-7-1-1']),
    step(
      'owner_decision',
      'approve',
      { kind: 'asset_owners', which: 'requester_own' },
      bi('情報管理責任者による利用停止の決定', 'The owner decides to stop use'),
      ['KWW-7-1-1'],
      { requesterMayDecide: true },
    ),
    step('measures', 'perform', supervisor, bi('利用停止に関する必要な措置', 'Measures to stop use'), ['KWW-7-1-2']),
  );
  return result(steps, [
    others.length > 0
      ? note(
          `他の情報管理責任者の情報資産に影響が及ぶため、その${others.length}名の承認を先に得ます。`,
          `Assets of ${others.length} other owner(s) are affected: each approves first.`,
          ['KWW-7-2'],
        )
      : note('影響が及ぶのは申請者が管理する情報資産のみです。', 'Only the requester’s own assets are affected.', ['KWW-7-2']),
    note(
      '情報管理責任者は事前にシステム総括者に通知し、その同意を得て利用停止を決定します。総括者が通知の内容を総合的に勘案して必要な措置を講じます。',
      'The owner notifies the supervisor beforehand and decides with their consent; the supervisor then takes the measures.',
      ['KWW-7-1-1', 'KWW-7-1-2'],
    ),
    note('措置はシステム導入等事務手続要綱等に従います。', 'The measures follow the system introduction procedures.', ['KWW-7-3']),
  ]);
}

export const systemRetirementKind: RequestKind = {
  key: 'system_retirement',
  name,
  rulebookIds: ['KWW'],
  filers: [role('KWW', 'information_owner')],
  fields: [
    field('summary', 'textarea', '利用停止の内容', 'What stops', true, { maxLength: 4000, ruleIds: ['KWW-7-1-1'] }),
    field('stopOn', 'date', '利用停止予定日', 'Planned stop date', true, { ruleIds: ['KWW-7-1-1'] }),
    // KWW-7-2: the owners of the other information assets affected approve first. Naming them narrows
    // the route; unnamed, every asset the system handles counts as affected.
    field('touchedAssets', 'assetList', '影響を受ける情報資産', 'Information assets affected', false, { ruleIds: ['KWW-7-2'] }),
    field('scope', 'select', '業務の区分', 'Business scope', false, {
      ruleIds: ['KWW-3-1'],
      options: [
        { value: 'health-welfare', label: bi('健康福祉局及び共通部分に関する業務', 'Health and welfare bureau and common parts') },
        { value: 'children', label: bi('こども未来局に関する業務', "Children's future bureau") },
      ],
    }),
  ],
  validate,
  route,
  effect: 'retire_system',
  ruleIds: ['KWW-7'],
};
