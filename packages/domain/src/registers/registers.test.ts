import { describe, expect, it } from 'vitest';
import { isValidRuleId } from '../rulebooks/index.ts';
import { testCalendar } from '../testing/test-calendar.ts';
import type { HeldRole } from '../roles/roles.types.ts';
import { CONTRACT_CLAUSES, contractClausesApply, missingContractClauses } from './contract-clauses.ts';
import { DOCUMENT_RULES, documentRule, documentStaleness } from './documents.ts';
import { addMonths, dueState, fiscalQuarter, fiscalQuarterOf, fiscalQuarters, processingPlanWindow, recentQuarters, retentionEndOn } from './due-dates.ts';
import { ledgerEntryState, validateDisposal, validateLedgerEntry } from './form-ledger.ts';
import {
  IMPROVEMENT_REQUEST_RULES,
  INSPECTION_KINDS,
  checkSheetSchedule,
  decideImprovementRequest,
  findingOverdue,
  findingStepConflict,
  validateCheckSheet,
} from './inspections.ts';
import { planItemStepConflict, processingPlanStatus, validateOutputCheck, validateProcessingPlan } from './processing-plans.ts';
import { REGISTER_DUTIES, decideRegisterDuty } from './registers.ts';

describe('every rule the registers cite exists', () => {
  it('duties, documents, inspections, improvement requests and contract clauses', () => {
    const ids = [
      ...Object.values(REGISTER_DUTIES).flatMap((rules) => rules.flatMap((r) => r.ruleIds)),
      ...DOCUMENT_RULES.flatMap((r) => [...r.currentRuleIds, ...r.keepers.flatMap((k) => k.ruleIds)]),
      ...Object.values(INSPECTION_KINDS).flatMap((k) => k.ruleIds),
      ...IMPROVEMENT_REQUEST_RULES.flatMap((r) => [...r.ruleIds, ...r.raisers.flatMap((x) => x.ruleIds)]),
      ...CONTRACT_CLAUSES.map((c) => c.ruleId),
      'ARK-8-1',
      'ARK-8-3',
      'ARK-8-4',
      'ARK-8-5',
      'KWO-9-2',
      'KWO-9-3',
      'KWO-9-4',
    ];
    for (const id of ids) expect(isValidRuleId(id), id).toBe(true);
  });
});

describe('months (ARK-8-1: 毎月末までに翌月の月間処理予定)', () => {
  it.each<[string, number, string]>([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -15, '2024-12'],
  ])('%s %+d → %s', (m, n, expected) => expect(addMonths(m, n)).toBe(expected));

  it.each<[string, string, string]>([
    ['2026-12', '2026-11-01', '2026-11-30'],
    ['2027-01', '2026-12-01', '2026-12-31'],
    ['2027-03', '2027-02-01', '2027-02-28'],
    ['2028-03', '2028-02-01', '2028-02-29'], // leap year
  ])('the plan for %s is asked for from %s and due on %s', (month, opensOn, dueOn) => {
    expect(processingPlanWindow(month)).toEqual({ opensOn, dueOn });
  });

  const o = { systemId: 's', orgUnitId: 'u' };
  it.each<[string, string | null, string]>([
    ['2026-10-31', null, 'upcoming'],
    ['2026-11-01', null, 'due'],
    ['2026-11-30', null, 'due'], // the last day of the month is still in time
    ['2026-12-01', null, 'overdue'],
    ['2026-12-01', '2026-11-30', 'done'],
    ['2026-12-05', '2026-12-02', 'done_late'],
  ])('the December 2026 plan on %s (reported %s) is %s', (today, submittedOn, state) => {
    const s = processingPlanStatus(o, '2026-12', today, submittedOn);
    expect(s).toMatchObject({ state, dueOn: '2026-11-30', ruleIds: ['ARK-8-1'] });
    expect(s.message.ja).toContain('2026年12月分');
  });

  it('dueState: a deadline is the day itself', () => {
    expect(dueState({ opensOn: '2026-01-01', dueOn: '2026-01-31', doneOn: null }, '2026-01-31')).toBe('due');
    expect(dueState({ opensOn: '2026-01-01', dueOn: '2026-01-31', doneOn: null }, '2026-02-01')).toBe('overdue');
  });
});

describe('plan content', () => {
  it('jobs fall in the month; a month over is refused; field paths point at the item', () => {
    const errors = validateProcessingPlan(
      '2026-12',
      [
        { job: '住民税当初課税バッチ', scheduledOn: '2026-12-10', scheduledTime: '18:00', inputData: '課税資料（紙）' },
        { job: '', scheduledOn: '2027-01-05', scheduledTime: '25:00' },
      ],
      '2026-11-21',
    );
    expect(errors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.items.1.job', 'REQUIRED'],
      ['input.items.1.scheduledOn', 'INVALID_VALUE'],
      ['input.items.1.scheduledTime', 'INVALID_VALUE'],
    ]);
    expect(validateProcessingPlan('2026-10', [{ job: 'x', scheduledOn: '2026-10-01' }], '2026-11-21').map((e) => e.path.join('.'))).toEqual(['input.month']);
    expect(validateProcessingPlan('2026-12', [], '2026-11-21')[0]).toMatchObject({ path: ['input', 'items'], code: 'REQUIRED' });
  });

  it('input data is sent, then returned; the output is checked after it was sent, once (ARK-8-3–8-5)', () => {
    const fresh = { inputSentAt: null, inputReturnedAt: null, outputCheckedAt: null };
    expect(planItemStepConflict(fresh, 'handover')).toBeNull();
    expect(planItemStepConflict(fresh, 'return')?.ruleIds).toEqual(['ARK-8-4']);
    expect(planItemStepConflict(fresh, 'output_check')?.ruleIds).toEqual(['ARK-8-5']);
    const sent = { ...fresh, inputSentAt: '2026-12-09T09:00:00Z' };
    expect(planItemStepConflict(sent, 'handover')).not.toBeNull();
    expect(planItemStepConflict(sent, 'return')).toBeNull();
    expect(planItemStepConflict(sent, 'output_check')).toBeNull();
    expect(validateOutputCheck('abnormal', ' ')[0]).toMatchObject({ path: ['note'], ruleIds: ['ARK-8-5'] });
    expect(validateOutputCheck('normal', null)).toEqual([]);
  });
});

describe('document staleness (MNT-13-9, MNT-21-2, ARK-5-2, ARK-11-2)', () => {
  it('which rule covers which kind', () => {
    expect(documentRule('MNT', 'design')?.currentRuleIds).toEqual(['MNT-13-9', 'MNT-21-2']);
    expect(documentRule('MNT', 'operating_manual')?.keptBy).toBe('managing');
    expect(documentRule('ARK', 'manual')?.currentRuleIds).toEqual(['ARK-5-2']);
    expect(documentRule('ARK', 'operating_manual')).toMatchObject({ currentRuleIds: ['ARK-11-2'], keptBy: 'using_section' });
    expect(documentRule('KWW', 'design')).toBeUndefined();
  });

  const latest = { registeredAt: '2026-10-01T01:00:00.000Z', versionLabel: '第2版' };
  it('stale from the first modification completed after the latest version', () => {
    const s = documentStaleness(documentRule('MNT', 'design'), latest, [
      { requestNumber: 'R8-000002', decidedAt: '2026-11-20T03:00:00.000Z' },
      { requestNumber: 'R8-000001', decidedAt: '2026-11-10T03:00:00.000Z' },
      { requestNumber: 'R8-000000', decidedAt: '2026-09-01T03:00:00.000Z' },
    ]);
    expect(s).toMatchObject({ stale: true, staleSince: '2026-11-10T03:00:00.000Z', ruleIds: ['MNT-13-9', 'MNT-21-2'] });
    expect(s.pending.map((p) => p.requestNumber)).toEqual(['R8-000001', 'R8-000002']);
    expect(s.reason!.ja).toContain('第2版');
  });
  it('current when the latest version came after every modification; never flagged where no rule requires it', () => {
    expect(documentStaleness(documentRule('ARK', 'design'), latest, [{ requestNumber: 'R8-1', decidedAt: '2026-09-30T00:00:00.000Z' }])).toMatchObject({
      stale: false,
      staleSince: null,
    });
    expect(documentStaleness(undefined, latest, [{ requestNumber: 'R8-1', decidedAt: '2026-12-01T00:00:00.000Z' }])).toMatchObject({
      stale: false,
      ruleIds: [],
    });
  });
});

describe('contract clauses (ARK-6-1)', () => {
  it('are the ten items of ARK-6-1, in order, with the regulation’s text', () => {
    // One line each: confidentiality (ARK-6-1-1), no other use (ARK-6-1-2), handover, custody, disposal and return (ARK-6-1-3),
    // copying (ARK-6-1-4), subcontracting (ARK-6-1-5), on-site inspection (ARK-6-1-6), incident reports (ARK-6-1-7),
    // protection against unauthorised access (ARK-6-1-8), ownership of the products (ARK-6-1-9), other protection (ARK-6-1-10).
    expect(CONTRACT_CLAUSES.map((c) => c.ruleId)).toEqual(Array.from({ length: 10 }, (_, i) => `ARK-6-1-${i + 1}`));
    expect(CONTRACT_CLAUSES[0]!.text).toBe('データの秘密保持に関すること。');
    expect(CONTRACT_CLAUSES.every((c) => c.textEn !== c.ruleId)).toBe(true);
  });
  it('apply to outsourced ARK systems; missing ones are listed in order', () => {
    expect(contractClausesApply({ rulebookId: 'ARK', contractorId: 'c' })).toBe(true);
    expect(contractClausesApply({ rulebookId: 'ARK', contractorId: null })).toBe(false);
    expect(contractClausesApply({ rulebookId: 'KWW', contractorId: 'c' })).toBe(false);
    const all = CONTRACT_CLAUSES.map((c) => ({ ruleId: c.ruleId, checked: true }));
    expect(missingContractClauses(all)).toEqual([]);
    expect(missingContractClauses([...all.slice(0, 4), { ruleId: 'ARK-6-1-5', checked: false }, ...all.slice(5, 9)])).toEqual(['ARK-6-1-5', 'ARK-6-1-10']);
  });
});

describe('quarters and check sheets (KWO-5-3: 年4回)', () => {
  it('the quarters of the fiscal year: April–June … January–March of the next calendar year', () => {
    expect(fiscalQuarters(2026).map((q) => [q.quarter, q.from, q.to])).toEqual([
      [1, '2026-04-01', '2026-06-30'],
      [2, '2026-07-01', '2026-09-30'],
      [3, '2026-10-01', '2026-12-31'],
      [4, '2027-01-01', '2027-03-31'],
    ]);
    expect(fiscalQuarterOf('2027-03-31')).toMatchObject({ fiscalYear: 2026, quarter: 4 });
    expect(fiscalQuarterOf('2026-04-01')).toMatchObject({ fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterOf('2026-03-31')).toMatchObject({ fiscalYear: 2025, quarter: 4 });
  });

  it('a rolling year of quarters crosses the fiscal year end', () => {
    expect(recentQuarters('2026-05-10', 4).map((q) => [q.fiscalYear, q.quarter])).toEqual([
      [2025, 2],
      [2025, 3],
      [2025, 4],
      [2026, 1],
    ]);
    expect(recentQuarters('2027-01-01', 2).map((q) => [q.fiscalYear, q.quarter])).toEqual([
      [2026, 3],
      [2026, 4],
    ]);
  });

  it('four a year: done, late, overdue, due and upcoming around the boundaries', () => {
    const recorded = [
      { quarter: 1, checkedOn: '2026-06-30' },
      { quarter: 2, checkedOn: '2026-10-02' },
    ];
    expect(checkSheetSchedule(2026, '2026-12-31', recorded).map((s) => s.state)).toEqual(['done', 'done_late', 'due', 'upcoming']);
    expect(checkSheetSchedule(2026, '2027-01-01', recorded).map((s) => s.state)).toEqual(['done', 'done_late', 'overdue', 'due']);
    expect(checkSheetSchedule(2026, '2026-10-01', []).map((s) => s.state)).toEqual(['overdue', 'overdue', 'due', 'upcoming']);
    expect(checkSheetSchedule(2026, '2026-10-01', [])[0]!.ruleIds).toEqual(['KWO-5-3']);
  });

  it('a sheet belongs to a quarter that has begun, is not dated in the future, and says the measures when improvement is needed', () => {
    expect(validateCheckSheet({ fiscalYear: 2026, quarter: 3, checkedOn: '2026-11-20', result: 'satisfactory' }, '2026-11-21')).toEqual([]);
    expect(
      validateCheckSheet({ fiscalYear: 2026, quarter: 4, checkedOn: '2026-11-20', result: 'satisfactory' }, '2026-11-21').map((e) => e.path.join('.')),
    ).toEqual(['input.checkedOn']);
    expect(
      validateCheckSheet({ fiscalYear: 2026, quarter: 3, checkedOn: '2026-11-22', result: 'satisfactory' }, '2026-11-21').map((e) => e.path.join('.')),
    ).toEqual(['input.checkedOn']);
    expect(
      validateCheckSheet({ fiscalYear: 2026, quarter: 5, checkedOn: '2026-11-20', result: 'needs_improvement' }, '2026-11-21').map((e) => e.path.join('.')),
    ).toEqual(['input.quarter', 'input.measures']);
    expect(fiscalQuarter(2026, 4).label.ja).toBe('第4四半期（1月〜3月）');
  });
});

describe('check sheets at the end of each quarter of this fiscal year, from the clock (KWO-5-3)', () => {
  const cal = testCalendar();
  const fy = cal.fiscalYear;
  // 30 June, 30 September, 31 December and 31 March after the first day of this fiscal year.
  const fyStart = cal.lastMonthDay('04-01');
  const lastDays = ['06-30', '09-30', '12-31', '03-31'].map((monthDay) => cal.nextMonthDay(monthDay, fyStart));

  it.each([1, 2, 3, 4] as const)('Q%i: due on its last day, overdue the next; a sheet of that last day is on time, of the next day late', (q) => {
    const lastDay = lastDays[q - 1]!;
    const next = cal.plusDays(lastDay, 1);
    expect(checkSheetSchedule(fy, lastDay, [])[q - 1]).toMatchObject({ quarter: q, to: lastDay, state: 'due' });
    expect(checkSheetSchedule(fy, next, [])[q - 1]!.state).toBe('overdue');
    expect(validateCheckSheet({ fiscalYear: fy, quarter: q, checkedOn: lastDay, result: 'satisfactory' }, lastDay)).toEqual([]);
    expect(checkSheetSchedule(fy, next, [{ quarter: q, checkedOn: lastDay }])[q - 1]!.state).toBe('done');
    expect(checkSheetSchedule(fy, next, [{ quarter: q, checkedOn: next }])[q - 1]!.state).toBe('done_late');
    // The next quarter begins the day after: after the fourth, in the next fiscal year.
    expect(fiscalQuarterOf(next)).toMatchObject(q === 4 ? { fiscalYear: fy + 1, quarter: 1, from: next } : { fiscalYear: fy, quarter: q + 1, from: next });
    if (q < 4) expect(checkSheetSchedule(fy, next, [])[q]!.state).toBe('due');
    else expect(checkSheetSchedule(fy + 1, next, [])[0]!.state).toBe('due');
  });
});

const held = (rulebookId: HeldRole['rulebookId'], roleKey: string, positionId = 'p', via: HeldRole['via'] = 'position'): HeldRole => ({
  rulebookId,
  roleKey,
  positionId,
  scopeKey: null,
  via,
  onBehalfOfStaffId: via === 'deputy' ? 'principal' : null,
  deputationId: null,
  ruleIds: [],
});

describe('improvement requests (KWW-10-2, KWO-3-3)', () => {
  const kwwOwner = [{ rulebookId: 'KWW', roleKey: 'information_owner' }];
  const kwoPlace = [{ rulebookId: 'KWO', roleKey: 'system_usage_manager' }];
  const both = ['KWW', 'KWO'];
  it('the システム総括者 (or the システム管理者 for them) asks an owner or usage manager; the 情報資産管理責任者 asks a システム利用責任者', () => {
    expect(decideImprovementRequest([held('KWW', 'system_supervisor')], kwwOwner, both)).toMatchObject({ allowed: true, ruleIds: ['KWW-10-2'] });
    expect(decideImprovementRequest([held('KWW', 'system_administrator')], kwwOwner, both)).toMatchObject({ allowed: true, ruleIds: ['KWW-10-2', 'KWW-4-1'] });
    expect(decideImprovementRequest([held('KWO', 'asset_manager')], kwoPlace, both)).toMatchObject({ allowed: true, ruleIds: ['KWO-3-3'] });
  });
  it('not to the wrong addressee, and not by anyone else', () => {
    expect(decideImprovementRequest([held('KWO', 'asset_manager')], kwwOwner, both)).toMatchObject({
      allowed: false,
      reason: 'NOT_AN_ADDRESSEE',
      ruleIds: ['KWO-3-3'],
    });
    expect(decideImprovementRequest([held('KWW', 'information_owner')], kwwOwner, both)).toMatchObject({
      allowed: false,
      reason: 'NOT_A_RAISER',
      ruleIds: ['KWW-10-2', 'KWO-3-3'],
    });
    expect(decideImprovementRequest([held('KWW', 'system_supervisor')], kwwOwner, ['ARK'])).toMatchObject({ allowed: false, ruleIds: [] });
  });
  it('a registry administrator records a request any rule allows, to an addressee that rule names', () => {
    expect(decideImprovementRequest([], kwoPlace, both, true)).toMatchObject({ allowed: true, role: null, ruleIds: ['KWO-3-3'] });
    const wrong = decideImprovementRequest([], [{ rulebookId: 'KWW', roleKey: 'user' }], both, true);
    expect(wrong).toMatchObject({ allowed: false, reason: 'NOT_AN_ADDRESSEE', ruleIds: ['KWW-10-2', 'KWO-3-3'] });
  });
  it('open → responded → closed; unanswered after the due date is overdue', () => {
    expect(findingStepConflict('open', 'respond')).toBeNull();
    expect(findingStepConflict('open', 'close')?.en).toContain('answered');
    expect(findingStepConflict('responded', 'close')).toBeNull();
    expect(findingStepConflict('closed', 'note')).not.toBeNull();
    expect(findingOverdue({ status: 'open', dueOn: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(findingOverdue({ status: 'open', dueOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(findingOverdue({ status: 'responded', dueOn: '2026-11-30' }, '2026-12-01')).toBe(false);
  });
});

describe('the form ledger (KWO-5-2, KWO-9)', () => {
  it.each<[string, number | null, string | null]>([
    ['2026-05-10', 1, '2028-03-31'], // 翌年度4月1日起算
    ['2027-03-31', 1, '2028-03-31'],
    ['2027-04-01', 1, '2029-03-31'],
    ['2026-05-10', 5, '2032-03-31'],
    ['2026-05-10', null, null], // 常用
  ])('made %s, kept %s years: until %s', (createdOn, years, end) => expect(retentionEndOn(createdOn, years)).toBe(end));

  it('flags an entry past its retention not disposed of', () => {
    const e = { createdOn: '2024-06-01', retentionYears: 1, disposedOn: null };
    expect(ledgerEntryState(e, '2026-03-31')).toMatchObject({ retentionEndsOn: '2026-03-31', pastRetention: false });
    expect(ledgerEntryState(e, '2026-04-01')).toMatchObject({ pastRetention: true, ruleIds: ['KWO-5-2', 'KWO-9-3', 'KWO-9-4'] });
    expect(ledgerEntryState({ ...e, disposedOn: '2026-04-10' }, '2026-05-01').pastRetention).toBe(false);
    expect(ledgerEntryState({ ...e, retentionYears: null }, '2099-01-01').pastRetention).toBe(false);
  });

  it('refuses disposal before the retention ends, in the future, or by another method without saying how', () => {
    const e = { createdOn: '2024-06-01', retentionYears: 1, disposedOn: null };
    expect(validateDisposal(e, { method: 'shredding', disposedOn: '2026-03-31' }, '2026-05-01')[0]).toMatchObject({
      path: ['input', 'disposedOn'],
      ruleIds: ['KWO-9-4'],
    });
    expect(validateDisposal(e, { method: 'shredding', disposedOn: '2026-05-02' }, '2026-05-01')[0]!.path).toEqual(['input', 'disposedOn']);
    expect(validateDisposal(e, { method: 'other', disposedOn: '2026-04-01' }, '2026-05-01')[0]).toMatchObject({
      path: ['input', 'note'],
      ruleIds: ['KWO-9-3'],
    });
    expect(validateDisposal(e, { method: 'dissolving', disposedOn: '2026-04-01' }, '2026-05-01')).toEqual([]);
    expect(
      validateLedgerEntry(
        { formName: '住民票の写し等交付請求書', information: '請求者の氏名・住所', storagePlace: '', createdOn: '2026-04-01', retentionYears: 0 },
        '2026-11-21',
      ).map((e) => e.path.join('.')),
    ).toEqual(['input.storagePlace', 'input.retentionYears']);
  });
});

describe('who records what', () => {
  const units: Record<string, string> = { koseki: 'u.koseki', digital: 'u.digital', kaigo: 'u.kaigo' };
  const at = (p: string) => units[p];
  it('own_unit: a using section chief for their own section only (ARK-8-1)', () => {
    const roles = [held('ARK', 'using_section_chief', 'koseki')];
    expect(decideRegisterDuty(REGISTER_DUTIES.processing_plan, roles, { orgUnitId: 'u.koseki' }, at, false)).toMatchObject({
      allowed: true,
      via: 'role',
      ruleIds: ['ARK-8-1'],
    });
    const no = decideRegisterDuty(REGISTER_DUTIES.processing_plan, roles, { orgUnitId: 'u.kaigo' }, at, false);
    expect(no).toMatchObject({ allowed: false, ruleIds: ['ARK-8-1'] });
    expect(no.allowed ? '' : no.message.ja).toContain('利用する課の長');
  });
  it('managing_unit: the chief managing the system (ARK-6-1); a deputy acts for the principal', () => {
    const roles = [held('ARK', 'digital_section_chief', 'digital', 'deputy')];
    expect(decideRegisterDuty(REGISTER_DUTIES.contract_clause, roles, { managingOrgUnitId: 'u.digital' }, at, false)).toMatchObject({
      allowed: true,
      onBehalfOfStaffId: 'principal',
    });
    expect(decideRegisterDuty(REGISTER_DUTIES.contract_clause, roles, { managingOrgUnitId: 'u.kaigo' }, at, false).allowed).toBe(false);
  });
  it('registry administrators keep the registers too, under the same rules', () => {
    expect(decideRegisterDuty(REGISTER_DUTIES.check_sheet, [], { orgUnitId: 'x' }, at, true)).toMatchObject({
      allowed: true,
      via: 'registry_admin',
      ruleIds: ['KWO-5-3'],
    });
  });
});
