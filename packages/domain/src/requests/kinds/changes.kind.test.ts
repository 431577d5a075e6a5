// Work requests, modifications, new systems, data use, retirement and procedure definitions.
import { describe, expect, it } from 'vitest';
import { previewRoute, validateContent } from '../registry.ts';
import { ctxFor, describeRoute, type ContextOverrides } from '../request-fixtures.ts';
import type { RouteContext } from '../request.types.ts';
import { dataUseConsultationKind } from './data-use-consultation.kind.ts';
import { newSystemIntroductionKind } from './new-system-introduction.kind.ts';
import { procedureDefinitionKind } from './procedure-definition.kind.ts';
import { systemModificationKind } from './system-modification.kind.ts';
import { systemRetirementKind } from './system-retirement.kind.ts';
import { workRequestKind } from './work-request.kind.ts';

const errorsOf = (errors: { path: (string | number)[]; code: string; ruleIds?: string[] }[]) =>
  errors.map((e) => [e.path.join('.'), e.code, (e.ruleIds ?? []).join(',')]);

describe('work_request (MNT-14, forms 4 and 5)', () => {
  const content = { workDescription: '障害者手帳所持者の一覧を抽出', desiredCompletionDate: '2026-05-29', changeManagementApprovalNeeded: true };
  it('with change-management approval: five stages, the information policy chief approves; the welfare section chief is told and cross-checks (MNT-4-1-6)', () => {
    const r = previewRoute(workRequestKind, ctxFor('MNT', { content }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 report inform MNT:welfare_section_chief [MNT-14-1]',
      '2 change_management approve MNT:information_policy_chief [MNT-14-2]',
      '3 perform perform contractor [MNT-14-3]',
      '4 confirm confirm requester_section_chief [MNT-14-4]',
      '5 cross_check confirm MNT:welfare_section_chief [MNT-14-6]',
    ]);
    expect(r.steps[3]!.requesterMayDecide).toBe(true);
  });
  it('without: the information policy chief is only informed; attendance noted', () => {
    const r = previewRoute(workRequestKind, ctxFor('MNT', { content: { ...content, changeManagementApprovalNeeded: false, presence: true } }));
    expect(describeRoute(r.steps)[1]).toBe('2 change_management inform MNT:information_policy_chief [MNT-14-2]');
    expect(r.steps.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5]);
    expect(r.notes.flatMap((n) => n.ruleIds)).toContain('MNT-14-5');
  });
  it('refuses a missing approval choice and a past completion date; KTM has no work request', () => {
    expect(
      errorsOf(
        validateContent(
          workRequestKind,
          ctxFor('MNT', { content: { ...content, changeManagementApprovalNeeded: undefined, desiredCompletionDate: '2026-05-01' } }),
        ),
      ),
    ).toEqual([
      ['content.changeManagementApprovalNeeded', 'REQUIRED', 'MNT-14-2'],
      ['content.desiredCompletionDate', 'INVALID_VALUE', 'MNT-14-1'],
    ]);
    expect(previewRoute(workRequestKind, ctxFor('KTM', { content })).errors[0]!.path).toEqual(['rulebookId']);
    // The システム使用課長 asks for the work (MNT-5-1-4); a user does not.
    expect(previewRoute(workRequestKind, ctxFor('MNT', { content, requester: { roleKeys: ['user'] } })).errors.map((e) => e.path[0])).toEqual(['requester']);
  });
});

describe('system_modification', () => {
  describe('MNT-13', () => {
    const content = { lawChangeSummary: '障害者総合支援法改正', referenceMaterials: '厚労省通知', costly: true, changeManagementApprovalNeeded: true };
    it('costly, with approval: need → estimate → contract → approval → modify → confirm → report and documents (MNT-4-1-5)', () => {
      const r = previewRoute(systemModificationKind, ctxFor('MNT', { content }));
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual([
        '1 need approve MNT:welfare_section_chief [MNT-13-2]',
        '2 estimate perform contractor [MNT-13-3]',
        '3 contract perform MNT:welfare_section_chief [MNT-13-4]',
        '4 change_management approve MNT:information_policy_chief [MNT-13-5]',
        '5 modify perform contractor [MNT-13-6]',
        '6 confirm confirm MNT:welfare_section_chief [MNT-13-8]',
        '7 report inform requester_section_chief [MNT-13-8]',
        '7 documents perform contractor [MNT-13-9,MNT-21-2]',
      ]);
    });
    it('no cost, no approval: no contract, the information policy chief informed', () => {
      const r = previewRoute(systemModificationKind, ctxFor('MNT', { content: { ...content, costly: false, changeManagementApprovalNeeded: false } }));
      expect(describeRoute(r.steps).slice(0, 4)).toEqual([
        '1 need approve MNT:welfare_section_chief [MNT-13-2]',
        '2 estimate perform contractor [MNT-13-3]',
        '3 change_management inform MNT:information_policy_chief [MNT-13-5]',
        '4 modify perform contractor [MNT-13-6]',
      ]);
      // The using section chief attends the work when they see the need (MNT-13-7).
      const attended = previewRoute(
        systemModificationKind,
        ctxFor('MNT', { content: { ...content, costly: false, changeManagementApprovalNeeded: false, presence: true } }),
      );
      expect(attended.notes.flatMap((n) => n.ruleIds)).toContain('MNT-13-7');
    });
    it('requires the law change summary and the materials (MNT-13-1), from a システム使用課長 (MNT-5-1-3)', () => {
      expect(errorsOf(validateContent(systemModificationKind, ctxFor('MNT', { content: {} }))).map((e) => e[0])).toEqual([
        'content.lawChangeSummary',
        'content.referenceMaterials',
      ]);
      expect(previewRoute(systemModificationKind, ctxFor('MNT', { content, requester: { roleKeys: ['user'] } })).errors.map((e) => e.path[0])).toEqual([
        'requester',
      ]);
    });
  });

  describe('KWW-6', () => {
    const assets = [
      { id: 'kaigo', ownerPositionIds: ['pos-kaigo', 'pos-koureisha'] },
      { id: 'seiho', ownerPositionIds: ['pos-seiho'] },
      { id: 'mine', ownerPositionIds: ['pos-me'] },
    ];
    const kww = (over: ContextOverrides = {}) => ctxFor('KWW', { assets, requesterPositionIds: ['pos-me'], content: { summary: '帳票追加' }, ...over });

    it('other owners approve first (stage 1, one step each); then consent, the owner’s decision and the overall decision', () => {
      const r = previewRoute(systemModificationKind, kww());
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual([
        '1 other_owner_approval approve owners:others [KWW-6-2] for pos-kaigo',
        '1 other_owner_approval approve owners:others [KWW-6-2] for pos-koureisha',
        '1 other_owner_approval approve owners:others [KWW-6-2] for pos-seiho',
        '2 supervisor_consent consent KWW:system_supervisor#health-welfare [KWW-6-1-1]',
        '3 owner_decision approve owners:requester_own [KWW-6-1-1]',
        '4 overall_decision approve KWW:system_supervisor#health-welfare [KWW-6-1-3]',
      ]);
      expect(r.steps.filter((s) => s.stage === 1).every((s) => s.perEach)).toBe(true);
    });
    it('only own assets: the route starts with the consent; the children’s scope goes to its supervisor', () => {
      const r = previewRoute(systemModificationKind, kww({ assets: [assets[2]!], content: { summary: 's', scope: 'children' } }));
      expect(describeRoute(r.steps)).toEqual([
        '1 supervisor_consent consent KWW:system_supervisor#children [KWW-6-1-1]',
        '2 owner_decision approve owners:requester_own [KWW-6-1-1]',
        '3 overall_decision approve KWW:system_supervisor#children [KWW-6-1-3]',
      ]);
    });
    it('common parts: the supervisor decides after coordinating with the owners concerned (KWW-6-1-2)', () => {
      const r = previewRoute(
        systemModificationKind,
        kww({ requesterPositionIds: [], requester: { roleKeys: ['system_administrator'] }, content: { summary: 's', commonPart: true } }),
      );
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual([
        '1 owner_coordination consent owners:all [KWW-6-1-2] for pos-kaigo',
        '1 owner_coordination consent owners:all [KWW-6-1-2] for pos-koureisha',
        '1 owner_coordination consent owners:all [KWW-6-1-2] for pos-seiho',
        '1 owner_coordination consent owners:all [KWW-6-1-2] for pos-me',
        '2 supervisor_decision approve KWW:system_supervisor#health-welfare [KWW-6-1-2,KWW-6-1-3]',
      ]);
    });
    it('refuses an owner deciding on assets that are not theirs', () => {
      expect(errorsOf(validateContent(systemModificationKind, kww({ assets: [assets[1]!] })))).toEqual([['requester', 'INVALID_VALUE', 'KWW-6-1-1']]);
    });
  });

  describe('KTM-13', () => {
    it('minor: the managers are consulted, then the general manager decides', () => {
      const r = previewRoute(systemModificationKind, ctxFor('KTM', { content: { summary: '案内文修正', major: false } }));
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual([
        '1 coordinate_sections inform KTM:manager [KTM-13-1-1,KTM-5-1-2]',
        '2 decide approve KTM:general_manager [KTM-13-1-1]',
      ]);
    });
    it('major: the operations meeting, then the general manager decides; a business change is carried out by the manager', () => {
      const r = previewRoute(
        systemModificationKind,
        ctxFor('KTM', { content: { summary: '連携仕様変更', major: true, businessChange: true }, requester: { roleKeys: ['manager'] } }),
      );
      expect(describeRoute(r.steps)).toEqual([
        '1 operations_meeting approve committee:ktm.committee.one-stop [KTM-13-1-2,KTM-3-7]',
        '2 decide approve KTM:general_manager [KTM-13-1-2]',
        '3 implement perform KTM:manager@requester_unit [KTM-13-2]',
      ]);
    });
  });

  describe('ARK-13 / ARK-12', () => {
    it('minor change of a digital-managed system: the digital section chief decides and notifies (ARK-13-1, 13-2)', () => {
      const r = previewRoute(systemModificationKind, ctxFor('ARK', { content: { summary: '新帳票の設定', minor: true } }));
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual(['1 decide approve ARK:digital_section_chief [ARK-13-1]', '2 notify_result inform requester [ARK-13-2]']);
    });
    it('minor change of another system: its system-managing chief decides and keeps a record (ARK-13-3)', () => {
      const ctx = ctxFor('ARK', { content: { summary: '様式変更', minor: true } });
      ctx.system = { ...ctx.system!, managementType: 'system_section' };
      expect(describeRoute(previewRoute(systemModificationKind, ctx).steps)).toEqual([
        '1 decide approve ARK:system_managing_chief@system_managing_unit [ARK-13-3]',
        '2 record perform ARK:system_managing_chief@system_managing_unit [ARK-13-3]',
        '2 notify_result inform requester [ARK-13-3,ARK-13-2]',
      ]);
    });
    it('not minor: the new-introduction route, with the committee deciding a change (ARK-16-1-3)', () => {
      const content = { summary: '機能追加', minor: false, welfare: true, efficiency: true, privacy: true, targetFiscalYear: 2027 };
      const r = previewRoute(systemModificationKind, ctxFor('ARK', { content, requester: { roleKeys: ['using_department_head'] } }));
      expect(r.errors).toEqual([]);
      expect(describeRoute(r.steps)).toEqual([
        '1 collect_materials perform ARK:information_controller [ARK-12-4]',
        '2 steering_committee approve committee:ark.committee.steering [ARK-12-4,ARK-16-1-3]',
        '3 notify_result inform requester [ARK-12-5]',
      ]);
      expect(r.dueOn).toBe('2026-08-31');
    });
    it('a minor change is filed by a using section chief; a major one needs the criteria', () => {
      expect(
        errorsOf(
          validateContent(
            systemModificationKind,
            ctxFor('ARK', { content: { summary: 's', minor: true }, requester: { roleKeys: ['using_department_head'] } }),
          ),
        ),
      ).toEqual([['requester', 'INVALID_VALUE', 'ARK-13-1,ARK-13-3']]);
      const major = errorsOf(
        validateContent(systemModificationKind, ctxFor('ARK', { content: { summary: 's' }, requester: { roleKeys: ['using_department_head'] } })),
      );
      expect(major.map((e) => e[2])).toEqual(['ARK-12-1-1', 'ARK-12-1-2', 'ARK-12-1-3', 'ARK-12-2']);
    });
  });
});

describe('new_system_introduction (ARK-12)', () => {
  const content = { systemName: '窓口予約システム', summary: '来庁予約', welfare: true, efficiency: true, privacy: true, targetFiscalYear: 2027 };
  const ark = (over: ContextOverrides = {}, c: Record<string, unknown> = {}) =>
    ctxFor('ARK', { system: null, content: { ...content, ...c }, requester: { roleKeys: ['using_department_head'], orgUnitId: 'dept-kumin' }, ...over });

  it('on time: the CIO gathers the papers, the steering committee decides, the department head is notified', () => {
    const r = previewRoute(newSystemIntroductionKind, ark());
    expect(r.errors).toEqual([]);
    expect(r.dueOn).toBe('2026-08-31');
    expect(describeRoute(r.steps)).toEqual([
      '1 collect_materials perform ARK:information_controller [ARK-12-4]',
      '2 steering_committee approve committee:ark.committee.steering [ARK-12-4,ARK-16-1-2]',
      '3 notify_result inform requester [ARK-12-5]',
    ]);
  });

  it('ARK-12-2: filed 2026-09-01 for FY2027 and not urgent → refused, with the deadline', () => {
    const r = previewRoute(newSystemIntroductionKind, ark({ filedAt: '2026-09-01T09:00:00+09:00' }));
    expect(errorsOf(r.errors)).toEqual([['content.targetFiscalYear', 'INVALID_VALUE', 'ARK-12-2']]);
    expect(r.dueOn).toBe('2026-08-31');
    expect(r.errors[0]!.message.ja).toContain('2026-08-31');
  });

  it('ARK-12-2 proviso: the same filing when urgent by a law change → accepted with a note', () => {
    const r = previewRoute(
      newSystemIntroductionKind,
      ark({ filedAt: '2026-09-01T09:00:00+09:00' }, { urgentByLawChange: true, urgencyReason: '法改正により令和9年4月施行' }),
    );
    expect(r.errors).toEqual([]);
    expect(r.notes[0]!.ruleIds).toEqual(['ARK-12-2']);
    expect(r.notes[0]!.message.ja).toContain('緊急');
  });

  it('the deadline is a date in Japan time: 2026-08-31 23:00 JST (14:00 UTC) is on time, 2026-08-31 15:30 UTC is not', () => {
    expect(previewRoute(newSystemIntroductionKind, ark({ filedAt: '2026-08-31T23:00:00+09:00' })).errors).toEqual([]);
    expect(previewRoute(newSystemIntroductionKind, ark({ filedAt: '2026-08-31T15:30:00Z' })).errors.map((e) => e.ruleIds)).toEqual([['ARK-12-2']]);
  });

  it('urgency needs its reason; all three criteria must be confirmed (ARK-12-1-1..3)', () => {
    expect(errorsOf(validateContent(newSystemIntroductionKind, ark({}, { urgentByLawChange: true, welfare: false, privacy: undefined })))).toEqual([
      ['content.privacy', 'REQUIRED', 'ARK-12-1-3'],
      ['content.welfare', 'INVALID_VALUE', 'ARK-12-1-1'],
      ['content.urgencyReason', 'REQUIRED', 'ARK-12-2'],
    ]);
  });

  it('ARK-12-1: the filer matches the management type', () => {
    expect(errorsOf(validateContent(newSystemIntroductionKind, ark({ requester: { roleKeys: ['system_managing_director'] } })))).toEqual([
      ['requester', 'INVALID_VALUE', 'ARK-12-1'],
    ]);
    expect(
      validateContent(newSystemIntroductionKind, ark({ requester: { roleKeys: ['system_managing_director'] } }, { managementType: 'system_section' })),
    ).toEqual([]);
    expect(validateContent(newSystemIntroductionKind, ark({ requester: { roleKeys: ['digital_section_chief'] } }))).toEqual([]);
  });

  it('data of other sections adds the ARK-14 approvals before anything else', () => {
    const r = previewRoute(
      newSystemIntroductionKind,
      ark({ dataUse: [{ name: '課税情報', managingOrgUnitId: 'unit-zeimu', basicResidentItem: null, personal: true }] }),
    );
    expect(describeRoute(r.steps)).toEqual([
      '1 data_owner_approval approve data_managing_chiefs [ARK-14-1] for unit-zeimu',
      '1 privacy_procedure perform requester_section_chief [ARK-14-2]',
      '2 collect_materials perform ARK:information_controller [ARK-12-4]',
      '3 steering_committee approve committee:ark.committee.steering [ARK-12-4,ARK-16-1-2]',
      '4 notify_result inform requester [ARK-12-5]',
    ]);
  });
});

describe('data_use_consultation (ARK-14)', () => {
  const item = (name: string, unit: string, basic: number | null, personal = true) => ({ name, managingOrgUnitId: unit, basicResidentItem: basic, personal });
  const ark = (dataUse: RouteContext['dataUse']) => ctxFor('ARK', { dataUse, content: { purpose: '高齢者見守り', dataItems: dataUse.map((d) => d.name) } });

  it('only basic resident items 1–8 from a section → no step for that section, each exemption explained', () => {
    const r = previewRoute(dataUseConsultationKind, ark([item('氏名', 'unit-koseki', 1), item('住所', 'unit-koseki', 7)]));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual(['1 privacy_procedure perform requester_section_chief [ARK-14-2]']);
    expect(r.notes.filter((n) => n.message.ja.includes('住民基本台帳法第7条')).map((n) => n.message.ja)).toEqual([
      '「氏名」は住民基本台帳法第7条第1号の事項のため、管理する課の長の承認は不要です。',
      '「住所」は住民基本台帳法第7条第7号の事項のため、管理する課の長の承認は不要です。',
    ]);
  });

  it('one item outside 1–8 from that section → an approval step for it', () => {
    const r = previewRoute(
      dataUseConsultationKind,
      ark([item('氏名', 'unit-koseki', 1), item('住民票コード', 'unit-koseki', 13), item('介護度', 'unit-kaigo', null, false)]),
    );
    expect(describeRoute(r.steps)).toEqual([
      '1 data_owner_approval approve data_managing_chiefs [ARK-14-1] for unit-kaigo',
      '1 data_owner_approval approve data_managing_chiefs [ARK-14-1] for unit-koseki',
      '1 privacy_procedure perform requester_section_chief [ARK-14-2]',
    ]);
  });

  it("the requester's own data needs nothing; no personal data → no privacy step", () => {
    const r = previewRoute(dataUseConsultationKind, ark([item('台帳', 'unit-requester', null), item('施設一覧', 'unit-x', null, false)]));
    expect(describeRoute(r.steps)).toEqual(['1 data_owner_approval approve data_managing_chiefs [ARK-14-1] for unit-x']);
    const none = previewRoute(dataUseConsultationKind, ark([item('台帳', 'unit-requester', null)]));
    expect(none.steps).toEqual([]);
    expect(none.notes.at(-1)!.ruleIds).toEqual(['ARK-14-1']);
  });

  it('refuses a consultation without data items', () => {
    expect(errorsOf(validateContent(dataUseConsultationKind, ark([])))).toEqual([['content.dataItems', 'REQUIRED', 'ARK-14-1']]);
  });
});

describe('system_retirement (KWW-7)', () => {
  const assets = [
    { id: 'a', ownerPositionIds: ['pos-me'] },
    { id: 'b', ownerPositionIds: ['pos-other'] },
  ];
  it('affected owners approve first, prior notice, consent, the owner decides, the supervisor takes the measures', () => {
    const r = previewRoute(
      systemRetirementKind,
      ctxFor('KWW', { assets, requesterPositionIds: ['pos-me'], content: { summary: '廃止', stopOn: '2027-03-31' } }),
    );
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual([
      '1 other_owner_approval approve owners:others [KWW-7-2] for pos-other',
      '2 prior_notice inform KWW:system_supervisor#health-welfare [KWW-7-1-1]',
      '3 supervisor_consent consent KWW:system_supervisor#health-welfare [KWW-7-1-1]',
      '4 owner_decision approve owners:requester_own [KWW-7-1-1]',
      '5 measures perform KWW:system_supervisor#health-welfare [KWW-7-1-2]',
    ]);
  });
  it('refuses a retirement of assets the requester does not own', () => {
    expect(
      errorsOf(
        validateContent(
          systemRetirementKind,
          ctxFor('KWW', { assets: [assets[1]!], requesterPositionIds: ['pos-me'], content: { summary: 's', stopOn: '2027-03-31' } }),
        ),
      ),
    ).toEqual([['requester', 'INVALID_VALUE', 'KWW-7-1-1']]);
  });
});

describe('procedure_definition (KTM-7)', () => {
  const content = {
    procedureName: '転入届',
    procedureCategory: 'address_name_household',
    overview: '転入の届出',
    conditions: '市外からの転入',
    routingPattern: '市民課→保険年金課',
    confirmationItems: '本人確認',
    outputForms: '転入届（印字：氏名・住所）',
    rightsCleared: true,
  };
  it('the manager requests; the deputy general manager compiles and sets it (KTM-7-4)', () => {
    const r = previewRoute(procedureDefinitionKind, ctxFor('KTM', { content, requester: { roleKeys: ['manager'] } }));
    expect(r.errors).toEqual([]);
    expect(describeRoute(r.steps)).toEqual(['1 set_definition perform KTM:deputy_general_manager [KTM-7-4,KTM-3-3-5]']);
  });
  it('requires the KTM-7-2 contents, a known category and the rights confirmation; only the manager files (KTM-4-3-1)', () => {
    const errors = previewRoute(
      procedureDefinitionKind,
      ctxFor('KTM', { content: { ...content, procedureCategory: 'tax', routingPattern: '', rightsCleared: false } }),
    );
    expect(errorsOf(errors.errors)).toEqual([
      ['requester', 'INVALID_VALUE', 'KTM-7'],
      ['content.procedureCategory', 'INVALID_VALUE', 'KTM-7-1'],
      ['content.routingPattern', 'REQUIRED', 'KTM-7-2-3'],
      ['content.rightsCleared', 'INVALID_VALUE', 'KTM-7-5'],
    ]);
  });
});
