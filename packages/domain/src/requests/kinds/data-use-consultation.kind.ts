// データ利用の協議: ARK-14. Also part of the ARK-12 route when a new system uses other sections' data.
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, note, notDefinedIn, requesterSectionChief, result, role, staged, step, type Note, type StepDraft } from './kind-helpers.ts';

const name = bi('データ利用の協議', 'Data-use consultation');

/** 住民基本台帳法第7条第1号から第8号 (name, date of birth, sex, household head …): exempt by ARK-14-1 ただし書. */
export const isBasicResidentItem = (item: number | null): boolean => item !== null && Number.isInteger(item) && item >= 1 && item <= 8;

/**
 * The ARK-14 part of a route: one approval per section whose data is used, unless every item used
 * from it is a basic resident item; nothing for the requester's own section; and the privacy-law
 * procedure when any item is personal information.
 */
export function dataUseSteps(ctx: RouteContext): { steps: StepDraft[]; notes: Note[] } {
  const own = ctx.requester.orgUnitId;
  const byUnit = new Map<string, RouteContext['dataUse']>();
  for (const d of ctx.dataUse) byUnit.set(d.managingOrgUnitId, [...(byUnit.get(d.managingOrgUnitId) ?? []), d]);
  const steps: StepDraft[] = [];
  const notes: Note[] = [];
  for (const unit of [...byUnit.keys()].sort()) {
    const items = byUnit.get(unit) ?? [];
    const names = items.map((d) => d.name).join('、');
    if (unit === own) {
      notes.push(
        note(`自課が管理するデータ（${names}）の利用には承認は不要です。`, `Data of the applying section itself (${names}) needs no approval.`, ['ARK-14-1']),
      );
      continue;
    }
    const needing = items.filter((d) => !isBasicResidentItem(d.basicResidentItem));
    for (const d of items.filter((x) => isBasicResidentItem(x.basicResidentItem))) {
      notes.push(
        note(
          `「${d.name}」は住民基本台帳法第7条第${d.basicResidentItem}号の事項のため、管理する課の長の承認は不要です。`,
          `"${d.name}" is item ${d.basicResidentItem} of article 7 of the Basic Resident Registration Act: no approval of its managing section is needed.`,
          ['ARK-14-1'],
        ),
      );
    }
    if (needing.length === 0) continue;
    steps.push(
      step(
        'data_owner_approval',
        'approve',
        { kind: 'data_managing_chiefs' },
        bi('データを管理する課の長の承認', 'Approval of the chief managing the data'),
        ['ARK-14-1'],
        {
          perEach: true,
          subjectId: unit,
        },
      ),
    );
    notes.push(
      note(
        `${needing.map((d) => `「${d.name}」`).join('')}は住民基本台帳法第7条第1号から第8号の事項以外のため、管理する課の長の承認が必要です。`,
        `${needing.map((d) => `"${d.name}"`).join(', ')} ${needing.length === 1 ? 'is' : 'are'} not among items 1–8 of article 7 of the Basic Resident Registration Act: the managing chief must approve.`,
        ['ARK-14-1'],
      ),
    );
  }
  const personal = ctx.dataUse.filter((d) => d.personal && d.managingOrgUnitId !== own);
  if (personal.length > 0) {
    steps.push(
      step('privacy_procedure', 'perform', requesterSectionChief, bi('個人情報保護法上の手続', 'Procedures under the personal information protection law'), [
        'ARK-14-2',
      ]),
    );
    notes.push(
      note(
        `${personal.map((d) => `「${d.name}」`).join('')}は個人情報のため、申請課長が保護法の定めに従い必要な手続を行います。`,
        `${personal.map((d) => `"${d.name}"`).join(', ')}: personal information, so the applying chief completes the procedures the protection law requires.`,
        ['ARK-14-2'],
      ),
    );
  }
  return { steps, notes };
}

function validate(ctx: RouteContext): FieldError[] {
  if (ctx.dataUse.length === 0) {
    return [fieldError(['content', 'dataItems'], 'REQUIRED', 'Name the data items to be used.', '利用するデータ項目を指定してください。', ['ARK-14-1'])];
  }
  return [];
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'ARK') return notDefinedIn(name, ctx);
  const { steps, notes } = dataUseSteps(ctx);
  if (steps.length === 0) {
    notes.push(note('承認を要するデータ利用はありません。', 'No data use here needs approval.', ['ARK-14-1']));
  }
  return result(staged(steps), notes);
}

export const dataUseConsultationKind: RequestKind = {
  key: 'data_use_consultation',
  name,
  rulebookIds: ['ARK'],
  filers: [
    role('ARK', 'applicant_section_chief'),
    role('ARK', 'using_section_chief'),
    role('ARK', 'system_managing_chief'),
    role('ARK', 'digital_section_chief'),
  ],
  fields: [
    field('purpose', 'textarea', '利用目的', 'Purpose of use', true, { maxLength: 2000, ruleIds: ['ARK-14-1'] }),
    field('dataItems', 'dataItems', '利用するデータ項目', 'Data items to be used', true, { ruleIds: ['ARK-14-1'] }),
  ],
  validate,
  route,
  effect: 'record_data_use',
  ruleIds: ['ARK-14'],
};
