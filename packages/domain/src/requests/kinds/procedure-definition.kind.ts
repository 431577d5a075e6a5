// 行政手続の定義の設定依頼: KTM-7 (definition contents per KTM-7-2, setting by the 副統括管理者 per KTM-7-4).
import { procedureContentErrors } from '../../procedures/procedures.ts';
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, note, notDefinedIn, path, result, role, staged, step } from './kind-helpers.ts';
import type { RuleId } from '../../rulebooks/rule-id.ts';

const name = bi('行政手続の定義の設定依頼', 'Procedure definition setting');

function validate(ctx: RouteContext): FieldError[] {
  // The structured conditions (KTM-7-2-2) and routing (KTM-7-2-3) are refused here, at definition
  // time, with the path of the offending part — never when a resident's situation is evaluated.
  const errors = procedureContentErrors(ctx.content);
  if (ctx.content['rightsCleared'] !== true) {
    errors.push(
      fieldError(
        path('rightsCleared'),
        'INVALID_VALUE',
        'Confirm that the contents infringe no copyright or other rights.',
        '設定内容が著作権等他者の権利を侵害していないことを確認してください。',
        ['KTM-7-5'],
      ),
    );
  }
  return errors;
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'KTM') return notDefinedIn(name, ctx);
  return result(
    staged(
      step('set_definition', 'perform', role('KTM', 'deputy_general_manager'), bi('設定作業の取りまとめと実施', 'Compile and set the definition'), [
        'KTM-7-4',
        'KTM-3-3-5',
      ]),
    ),
    [
      note(
        '管理者（業務所管課の長）の依頼に基づき、副統括管理者が設定作業を取りまとめて実施します。',
        'On the manager’s request the deputy general manager compiles and sets the definition.',
        ['KTM-7-4', 'KTM-4-3-1'],
      ),
      note(
        '定義内容が複数の業務所管課に関係するときは、関係課で相互に調整してください。',
        'When the definition concerns several business sections, they coordinate with one another.',
        ['KTM-5-1-2'],
      ),
    ],
  );
}

const t = (key: string, ja: string, en: string, ruleId: RuleId, required: boolean) =>
  field(key, 'textarea', ja, en, required, { maxLength: 4000, ruleIds: [ruleId] });

export const procedureDefinitionKind: RequestKind = {
  key: 'procedure_definition',
  name,
  rulebookIds: ['KTM'],
  filers: [role('KTM', 'manager')],
  fields: [
    field('procedureName', 'text', '行政手続の名称', 'Procedure name', true, { maxLength: 200, ruleIds: ['KTM-7-1'] }),
    field('procedureCategory', 'select', '行政手続の区分', 'Category', true, {
      ruleIds: ['KTM-7-1'],
      options: [
        { value: 'address_name_household', label: bi('住所、氏名及び世帯の変更に関する届出', 'Change of address, name or household') },
        { value: 'related', label: bi('前号に関連して必要となる届出及び申請', 'Related notifications and applications') },
        { value: 'frequent', label: bi('市民の利用頻度の高い個別の届出及び申請', 'Frequently used notifications and applications') },
        { value: 'certificate', label: bi('証明書等の交付請求', 'Certificate requests') },
        { value: 'other', label: bi('その他市民サービスの向上に資するもの', 'Other service improvements') },
      ],
    }),
    t('overview', '行政手続の概要及び案内文', 'Overview and guidance text', 'KTM-7-2-1', true),
    t('conditions', '必要性を案内するための条件', 'Conditions that make it necessary', 'KTM-7-2-2', true),
    t('routingPattern', '業務権限に応じた窓口対応方法の振り分けパターン', 'Routing pattern by authority', 'KTM-7-2-3', true),
    t('confirmationItems', '受付事務に係る確認事項', 'Items to confirm at reception', 'KTM-7-2-4', true),
    t('outputForms', '出力帳票様式及びシステム印字項目', 'Output forms and printed fields', 'KTM-7-2-5', true),
    t('other', 'その他受付事務に必要な情報', 'Other information for reception', 'KTM-7-2-6', false),
    field('conditionRules', 'textarea', '案内の条件（システムが判定する形式、JSON）', 'Conditions the system evaluates (JSON)', false, {
      maxLength: 8000,
      ruleIds: ['KTM-7-2-2'],
      help: bi(
        '例：{"all":[{"fact":"event","op":"in","value":["moving_in"]},{"fact":"members","where":{"group":"school_age"},"op":"gte","value":1}]}。事由（event）、世帯員の数（members：group・minAge・maxAge・各種の該当）、飼い犬（dogs）、原付（mopeds）、印鑑登録の希望（sealRegistrationWanted）を all・any・not で組み合わせます。省略すると自動では案内しません。',
        'E.g. {"all":[{"fact":"event","op":"in","value":["moving_in"]},{"fact":"members","where":{"group":"school_age"},"op":"gte","value":1}]}. Combine the event, counts of members (members: group, minAge, maxAge, flags), dogs, mopeds and sealRegistrationWanted with all, any and not. Without it the procedure is never proposed automatically.',
      ),
    }),
    field('routingRules', 'textarea', '振り分けパターン（システムが判定する形式、JSON）', 'Routing patterns the system applies (JSON)', false, {
      maxLength: 4000,
      ruleIds: ['KTM-7-2-3'],
      help: bi(
        '例：{"handlingSection":"保険医療課","patterns":[{"authority":"保険医療課","action":"handle"},{"authority":"窓口課","action":"accept_and_hand_over"},{"authority":"*","action":"refer"}]}。課はキー又は名称で指定します。省略すると業務所管課が処理し、他の課は案内します。',
        'E.g. {"handlingSection":"保険医療課","patterns":[{"authority":"保険医療課","action":"handle"},{"authority":"窓口課","action":"accept_and_hand_over"},{"authority":"*","action":"refer"}]}. Sections by key or name. Without it the business section handles it and the others refer.',
      ),
    }),
    field('displayOrder', 'number', '案内の順序（区分内）', 'Order within its category', false, { min: 1, max: 999, ruleIds: ['KTM-7-3'] }),
    field('rightsCleared', 'boolean', '著作権等他者の権利を侵害していないことの確認', 'No rights of others infringed', true, { ruleIds: ['KTM-7-5'] }),
  ],
  validate,
  route,
  effect: 'set_procedure_definition',
  ruleIds: ['KTM-7'],
};
