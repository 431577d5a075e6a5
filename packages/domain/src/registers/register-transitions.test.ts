// The registers' transitions: each allowed with its audit event, or refused with its code and rules.
import { describe, expect, it } from 'vitest';
import type { HeldRole } from '../roles/roles.types.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import { decideContractClause } from './contract-clauses.ts';
import { decideDocumentRegistration, documentRegisteredAudit, documentVersionRegistered } from './documents.ts';
import { fiscalQuarterOf, monthOf } from './due-dates.ts';
import { decideFormDisposal, decideLedgerEntry } from './form-ledger.ts';
import { checkSheetRecorded, decideCheckSheet, decideInspection, inspectionTargetRefusal, usingPlaceRefusal } from './inspections.ts';
import { operationsDueSummary } from './due-summary.ts';
import {
  decidePlanItemStep,
  decidePlanSubmission,
  planAlreadyReported,
  planItemStepNotice,
  planItemStepRecorded,
  planSubmittedNotice,
  type PlanSystemFact,
} from './processing-plans.ts';
import { STAFF_IN_PERSON_ONLY, registerNoticeMail, type RegisterActor, type RegisterRefusal } from './register-decision.ts';

const cal = testCalendar();
const today = cal.today;

const held = (rulebookId: HeldRole['rulebookId'], roleKey: string, positionId: string, via: HeldRole['via'] = 'position'): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via,
  onBehalfOfStaffId: via === 'deputy' ? 'principal' : null,
  deputationId: null,
  ruleIds: [],
});

/** An actor holding roles by positions of the given org units (position id → org unit id). */
const actor = (roles: HeldRole[], units: Record<string, string> = {}, registryAdmin = false): RegisterActor => ({
  staffId: 'me',
  roles,
  tenures: [],
  positionOrgUnit: (id) => units[id],
  registryAdmin,
});
const nobody = actor([]);
const admin = actor([], {}, true);

const refusal = (d: { allowed: boolean }): RegisterRefusal => {
  expect(d.allowed).toBe(false);
  return d as RegisterRefusal;
};
const fieldCodes = (d: { allowed: boolean }) => {
  const r = refusal(d);
  return r.code === 'BAD_USER_INPUT' ? r.fieldErrors.map((e) => [e.path.join('.'), e.code, e.ruleIds ?? []]) : r.code;
};

describe('monthly processing plans (ARK-8)', () => {
  const system: PlanSystemFact = {
    id: 's',
    rulebookId: 'ARK',
    managementType: 'digital_section',
    managingOrgUnitId: 'u.digital',
    lifecycleStatus: 'in_service',
    usingOrgUnitIds: ['u.digital', 'u.koseki'],
  };
  const chief = actor([held('ARK', 'using_section_chief', 'p.koseki')], { 'p.koseki': 'u.koseki' });
  const nextMonth = monthOf(cal.monthStart(1));
  const items = [{ job: '住民税計算', scheduledOn: cal.monthStart(1) }];

  it('the using section chief reports a month to come (ARK-8-1), with its audit event', () => {
    const d = decidePlanSubmission({ system, orgUnitId: 'u.koseki', month: nextMonth, items }, chief, today);
    expect(d).toMatchObject({ allowed: true, ruleIds: ['ARK-8-1'], late: false, onBehalfOfStaffId: null });
    expect(d.allowed && d.audit).toEqual({
      action: 'processing_plan.submit',
      after: { system: 's', orgUnit: 'u.koseki', month: nextMonth, items: 1, via: 'role' },
      ruleIds: ['ARK-8-1'],
      onBehalfOfStaffId: null,
    });
  });

  it('reported after the due date is late', () => {
    const d = decidePlanSubmission({ system, orgUnitId: 'u.koseki', month: monthOf(today), items: [{ job: 'x', scheduledOn: cal.monthEnd(0) }] }, chief, today);
    expect(d).toMatchObject({ allowed: true, late: true });
  });

  it('is refused for systems デジタル推進課 does not manage, for sections not using it, for others than the chief, for a month over', () => {
    expect(
      fieldCodes(
        decidePlanSubmission({ system: { ...system, managementType: 'managing_section' }, orgUnitId: 'u.koseki', month: nextMonth, items }, chief, today),
      ),
    ).toEqual([['input.systemId', 'INVALID_VALUE', ['ARK-8-1']]]);
    expect(fieldCodes(decidePlanSubmission({ system, orgUnitId: 'u.digital', month: nextMonth, items }, chief, today))).toEqual([
      ['input.orgUnitId', 'INVALID_VALUE', ['ARK-8-1']],
    ]);
    expect(decidePlanSubmission({ system, orgUnitId: 'u.koseki', month: nextMonth, items }, nobody, today)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: ['ARK-8-1'],
    });
    expect(decidePlanSubmission({ system, orgUnitId: 'u.koseki', month: nextMonth, items }, null, today)).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      message: STAFF_IN_PERSON_ONLY,
      ruleIds: [],
    });
    expect(fieldCodes(decidePlanSubmission({ system, orgUnitId: 'u.koseki', month: monthOf(cal.monthStart(-1)), items }, chief, today))).toContainEqual([
      'input.month',
      'INVALID_VALUE',
      ['ARK-8-1'],
    ]);
    expect(planAlreadyReported()).toMatchObject({ code: 'CONFLICT', ruleIds: ['ARK-8-2', 'ARK-8-6'] });
  });

  it('the digital section chief is told, in Japanese', () => {
    expect(planSubmittedNotice({ systemName: '住記', orgUnitName: '戸籍課', month: nextMonth, items: 2, late: true }).body).toContain(
      '（2件）が報告されました（期限後）',
    );
  });

  const step = (
    s: 'handover' | 'return' | 'output_check',
    progress: { inputSentAt: string | null; inputReturnedAt?: string | null },
    extra: { note?: string; result?: 'normal' | 'abnormal' } = {},
  ) => ({
    planId: 'plan',
    orgUnitId: 'u.koseki',
    job: '住民税計算',
    step: s,
    progress: { inputReturnedAt: null, outputCheckedAt: null, ...progress },
    ...extra,
  });
  const sent = cal.at(today).toISOString();

  it('the section sends the input (ARK-8-3), デジタル推進課長 returns it (ARK-8-4), the section checks the output (ARK-8-5)', () => {
    expect(decidePlanItemStep(step('handover', { inputSentAt: null }, { note: ' 送付書 ' }), chief)).toMatchObject({
      allowed: true,
      note: '送付書',
      ruleIds: ['ARK-8-3', 'ARK-8-1'],
      audit: { action: 'processing_plan.input_sent', after: { plan: 'plan', job: '住民税計算', note: '送付書', result: null, via: 'role' } },
    });
    const digital = actor([held('ARK', 'digital_section_chief', 'p.digital')], { 'p.digital': 'u.digital' });
    expect(decidePlanItemStep(step('return', { inputSentAt: sent }), digital)).toMatchObject({
      allowed: true,
      ruleIds: ['ARK-8-4'],
      audit: { action: 'processing_plan.input_returned' },
    });
    expect(decidePlanItemStep(step('return', { inputSentAt: sent }), chief)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['ARK-8-4'] });
    expect(decidePlanItemStep(step('output_check', { inputSentAt: sent }, { result: 'normal' }), chief)).toMatchObject({
      allowed: true,
      ruleIds: ['ARK-8-5', 'ARK-8-1'],
    });
  });

  it('refuses a step out of order, and an abnormal output without the action taken', () => {
    expect(decidePlanItemStep(step('handover', { inputSentAt: sent }), chief)).toMatchObject({ allowed: false, code: 'CONFLICT', ruleIds: ['ARK-8-3'] });
    expect(decidePlanItemStep(step('output_check', { inputSentAt: null }, { result: 'normal' }), chief)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
      ruleIds: ['ARK-8-5'],
    });
    expect(fieldCodes(decidePlanItemStep(step('output_check', { inputSentAt: sent }, { result: 'abnormal' }), chief))).toEqual([
      ['note', 'REQUIRED', ['ARK-8-5']],
    ]);
    expect(fieldCodes(decidePlanItemStep(step('handover', { inputSentAt: null }, { note: 'x'.repeat(501) }), chief))).toEqual([['note', 'TOO_LONG', []]]);
    expect(planItemStepRecorded('return')).toMatchObject({ code: 'CONFLICT', ruleIds: ['ARK-8-4'] });
  });

  it('an abnormal output is told to the digital section chief by mail too; a return to the section head', () => {
    const p = { systemName: '住記', orgUnitName: '戸籍課', month: nextMonth, job: '住民税計算', note: '帳票欠落' };
    expect(planItemStepNotice('output_check', { ...p, result: 'abnormal' })).toMatchObject({
      to: 'digital_section_chief',
      mail: true,
      kind: 'processing_plan.output_checked',
    });
    expect(planItemStepNotice('return', p)).toMatchObject({ to: 'section_head', mail: false });
    expect(registerNoticeMail({ subject: '件名', body: '本文' }).subject).toBe('【司】件名');
  });
});

describe('system documents (MNT-21, ARK-5, ARK-11)', () => {
  const ark = { id: 's', rulebookId: 'ARK', managingOrgUnitId: 'u.digital', usingOrgUnitIds: ['u.koseki'] };
  const draft = { title: '設計書', versionLabel: ' 第2版 ' };
  const managing = actor([held('ARK', 'digital_section_chief', 'p.digital')], { 'p.digital': 'u.digital' });

  it('the managing chief registers a design document (ARK-5-1), citing the rule that keeps it current (ARK-5-2)', () => {
    const d = decideDocumentRegistration({ ...draft, system: ark, kind: 'design', orgUnitId: null }, managing);
    expect(d).toMatchObject({ allowed: true, versionLabel: '第2版', ruleIds: ['ARK-5-1', 'ARK-5-2'] });
    if (d.allowed)
      expect(documentRegisteredAudit(d, { systemId: 's', kind: 'design', orgUnitId: null, stale: false })).toMatchObject({
        action: 'document.register',
        after: { versionLabel: '第2版', stale: false, via: 'role' },
      });
  });

  it('an operating manual is per using section (ARK-11-1); other documents are not', () => {
    expect(fieldCodes(decideDocumentRegistration({ ...draft, system: ark, kind: 'operating_manual', orgUnitId: null }, managing))).toEqual([
      ['input.orgUnitId', 'REQUIRED', ['ARK-11-1']],
    ]);
    expect(fieldCodes(decideDocumentRegistration({ ...draft, system: ark, kind: 'operating_manual', orgUnitId: 'u.other' }, managing))).toEqual([
      ['input.orgUnitId', 'INVALID_VALUE', ['ARK-11-1']],
    ]);
    expect(fieldCodes(decideDocumentRegistration({ ...draft, system: ark, kind: 'design', orgUnitId: 'u.koseki' }, managing))).toEqual([
      ['input.orgUnitId', 'INVALID_VALUE', ['ARK-5-1']],
    ]);
    expect(decideDocumentRegistration({ ...draft, system: ark, kind: 'design', orgUnitId: null }, nobody)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: ['ARK-5-1'],
    });
    expect(fieldCodes(documentVersionRegistered())).toEqual([['input.versionLabel', 'DUPLICATE', []]]);
  });

  it('where no rule assigns the documents, registry administrators alone register them', () => {
    const kww = { ...ark, rulebookId: 'KWW' };
    expect(decideDocumentRegistration({ ...draft, system: kww, kind: 'design', orgUnitId: null }, managing)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
      ruleIds: [],
    });
    expect(decideDocumentRegistration({ ...draft, system: kww, kind: 'design', orgUnitId: null }, admin)).toMatchObject({
      allowed: true,
      via: 'registry_admin',
      ruleIds: [],
    });
  });
});

describe('ARK-6-1 contract clauses', () => {
  const system = { id: 's', rulebookId: 'ARK', contractorId: 'c', managingOrgUnitId: 'u.digital' };
  const managing = actor([held('ARK', 'system_managing_chief', 'p.m')], { 'p.m': 'u.digital' });

  it('the managing chief records an item; the audit cites the item and the duty', () => {
    expect(decideContractClause({ system, clause: 'ARK-6-1-7', checked: true, note: ' 第12条 ' }, managing)).toMatchObject({
      allowed: true,
      note: '第12条',
      audit: { action: 'contract_clause.set', ruleIds: ['ARK-6-1-7', 'ARK-6-1'], after: { clause: 'ARK-6-1-7', checked: true, via: 'role' } },
    });
  });

  it('refuses systems without a contractor, items ARK-6-1 lacks, and others than the managing chief', () => {
    expect(fieldCodes(decideContractClause({ system: { ...system, contractorId: null }, clause: 'ARK-6-1-7', checked: true }, managing))).toEqual([
      ['systemId', 'INVALID_VALUE', ['ARK-6-1']],
    ]);
    expect(fieldCodes(decideContractClause({ system, clause: 'ARK-6-1-x', checked: true }, managing))).toEqual([['clause', 'INVALID_VALUE', ['ARK-6-1']]]);
    expect(
      decideContractClause({ system, clause: 'ARK-6-1-7', checked: true }, actor([held('ARK', 'system_managing_chief', 'p.m')], { 'p.m': 'u.other' })),
    ).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['ARK-6-1'] });
  });
});

describe('inspections (ARK-29) and check sheets (KWO-5-3)', () => {
  const entry = {
    kind: 'self_inspection' as const,
    rulebookIds: ['ARK'],
    orgUnitId: 'u.koseki',
    orgUnitFound: true,
    scope: '端末管理',
    conductedOn: cal.day(-1),
    result: 'satisfactory' as const,
  };
  const chief = actor([held('ARK', 'using_section_chief', 'p.k')], { 'p.k': 'u.koseki' });

  it('a chief inspects their own section (ARK-29-2)', () => {
    expect(decideInspection(entry, chief, today)).toMatchObject({
      allowed: true,
      rulebookId: 'ARK',
      fiscalYear: testCalendar(cal.at(cal.day(-1))).fiscalYear,
      ruleIds: ['ARK-29-2'],
      audit: { action: 'inspection.self_inspection' },
    });
    expect(decideInspection({ ...entry, orgUnitId: 'u.other' }, chief, today)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['ARK-29-2'] });
  });

  it('refuses a kind the rulebooks lack, a self-inspection naming no section, an unknown section, a future date', () => {
    expect(fieldCodes(decideInspection({ ...entry, rulebookIds: ['KWO'] }, chief, today))).toEqual([['input.kind', 'INVALID_VALUE', ['ARK-29-2']]]);
    expect(fieldCodes(inspectionTargetRefusal({ ...entry, orgUnitId: null })!)).toEqual([['input.orgUnitId', 'REQUIRED', ['ARK-29-2']]]);
    expect(fieldCodes(inspectionTargetRefusal({ ...entry, orgUnitFound: false })!)).toEqual([['input.orgUnitId', 'NOT_FOUND', []]]);
    expect(fieldCodes(inspectionTargetRefusal({ ...entry, orgUnitIdMalformed: true })!)).toEqual([['input.orgUnitId', 'INVALID_VALUE', []]]);
    expect(fieldCodes(decideInspection({ ...entry, conductedOn: cal.day(1) }, chief, today))).toEqual([['input.conductedOn', 'INVALID_VALUE', []]]);
  });

  const q = fiscalQuarterOf(today);
  const sheet = { orgUnitId: 'u.place', fiscalYear: q.fiscalYear, quarter: q.quarter, checkedOn: today, result: 'satisfactory' as const };
  const manager = actor([held('KWO', 'system_usage_manager', 'p.u')], { 'p.u': 'u.place' });

  it('the システム利用責任者 records the quarter’s check sheet (KWO-5-3); late after the quarter ends', () => {
    const d = decideCheckSheet(sheet, manager, today);
    expect(d).toMatchObject({ allowed: true, ruleIds: ['KWO-5-3'], audit: { action: 'inspection.check_sheet', after: { late: false } } });
    expect(d.allowed && d.scope).toContain(`${q.fiscalYear}年度`);
    const previous = fiscalQuarterOf(cal.plusDays(q.from, -1));
    expect(decideCheckSheet({ ...sheet, fiscalYear: previous.fiscalYear, quarter: previous.quarter }, manager, today)).toMatchObject({
      allowed: true,
      audit: { after: { late: true } },
    });
  });

  it('refuses others, a date in the future, a second sheet of the quarter, a place that is not a using place', () => {
    expect(decideCheckSheet(sheet, nobody, today)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-5-3'] });
    expect(fieldCodes(decideCheckSheet({ ...sheet, checkedOn: cal.day(1) }, manager, today))).toEqual([['input.checkedOn', 'INVALID_VALUE', []]]);
    const d = decideCheckSheet(sheet, manager, today);
    if (d.allowed) expect(checkSheetRecorded(sheet.fiscalYear, d.quarter)).toMatchObject({ code: 'CONFLICT', ruleIds: ['KWO-5-3'] });
    expect(usingPlaceRefusal('u.place', ['u.place'], ['KWO-5-3'])).toBeNull();
    expect(fieldCodes(usingPlaceRefusal('u.x', ['u.place'], ['KWO-5-3'])!)).toEqual([['input.orgUnitId', 'INVALID_VALUE', ['KWO-2-4', 'KWO-5-3']]]);
  });
});

describe('the form ledger (KWO-5-2) and disposal (KWO-9-3, KWO-9-4)', () => {
  const manager = actor([held('KWO', 'system_usage_manager', 'p.u')], { 'p.u': 'u.place' });
  const input = {
    orgUnitId: 'u.place',
    formName: ' 住民票写し交付請求書 ',
    information: '氏名・住所',
    storagePlace: '書庫',
    createdOn: today,
    retentionYears: 1,
  };

  it('the システム利用責任者 enters a form', () => {
    expect(decideLedgerEntry(input, manager, today)).toMatchObject({
      allowed: true,
      ruleIds: ['KWO-5-2'],
      audit: { action: 'form_ledger.add', after: { formName: '住民票写し交付請求書', retentionYears: 1 } },
    });
    expect(decideLedgerEntry(input, nobody, today)).toMatchObject({ allowed: false, code: 'FORBIDDEN', ruleIds: ['KWO-5-2'] });
    expect(fieldCodes(decideLedgerEntry({ ...input, createdOn: cal.day(1) }, manager, today))).toEqual([['input.createdOn', 'INVALID_VALUE', []]]);
  });

  const kept = { orgUnitId: 'u.place', createdOn: cal.yearsAfter(today, -2), retentionYears: 1, disposedOn: null };

  it('forms past their retention are disposed of once', () => {
    expect(decideFormDisposal(kept, { method: 'shredding', disposedOn: today }, manager, today)).toMatchObject({
      allowed: true,
      audit: { action: 'form_ledger.dispose', ruleIds: ['KWO-5-2', 'KWO-9-3'] },
    });
    expect(decideFormDisposal({ ...kept, disposedOn: cal.day(-1) }, { method: 'shredding', disposedOn: today }, manager, today)).toMatchObject({
      allowed: false,
      code: 'CONFLICT',
      ruleIds: ['KWO-9-3'],
    });
    expect(fieldCodes(decideFormDisposal({ ...kept, createdOn: today }, { method: 'shredding', disposedOn: today }, manager, today))).toEqual([
      ['input.disposedOn', 'INVALID_VALUE', ['KWO-9-4']],
    ]);
    expect(fieldCodes(decideFormDisposal(kept, { method: 'other', disposedOn: today }, manager, today))).toEqual([['input.note', 'REQUIRED', ['KWO-9-3']]]);
  });
});

describe('the dashboard', () => {
  const counts = {
    processingPlans: { due: 1, overdue: 2 },
    checkSheets: { due: 0, overdue: 1 },
    staleDocuments: [],
    findings: [{ ruleIds: ['KWO-3-3' as const] }],
    overdueFindings: 1,
    formsPastRetention: 3,
    contractsMissingClauses: 0,
  };

  it('shows the registers the municipality’s rulebooks keep, with their rules', () => {
    const kwo = operationsDueSummary(counts, ['KWO']);
    expect(kwo.map((l) => l.key)).toEqual(['check_sheets', 'findings', 'form_ledger']);
    expect(kwo.find((l) => l.key === 'findings')).toMatchObject({ due: 0, overdue: 1, ruleIds: ['KWO-3-3'] });
    expect(kwo.find((l) => l.key === 'form_ledger')).toMatchObject({ overdue: 3, ruleIds: ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'] });
    expect(operationsDueSummary(counts, ['ARK']).map((l) => l.key)).toEqual(['processing_plans', 'stale_documents', 'findings', 'contract_clauses']);
  });
});
