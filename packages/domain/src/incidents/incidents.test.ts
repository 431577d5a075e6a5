import { describe, expect, it } from 'vitest';
import type { RulebookId } from '../model/types.ts';
import { findRole, isValidRuleId, rulebookIds } from '../rulebooks/index.ts';
import {
  INCIDENT_RULES,
  confirmerConflict,
  incidentNumber,
  incidentRules,
  incidentTransition,
  validateIncidentAnalysis,
  validateIncidentReport,
  validateIncidentResolution,
  validateIncidentUpdate,
  type IncidentFact,
} from './incidents.ts';

const mnt = INCIDENT_RULES.MNT;
const NOW = new Date('2026-11-20T10:00:00+09:00');
const fact = (over: Partial<IncidentFact> = {}): IncidentFact => ({ status: 'reported', analysisRecorded: false, resolvedBy: null, ...over });

describe('incident rules', () => {
  it('cover every rulebook, naming roles the rulebook defines and rules that exist', () => {
    for (const id of rulebookIds) {
      const r = INCIDENT_RULES[id];
      const ids = [
        ...r.reportRuleIds,
        ...r.noticeRuleIds,
        ...r.recoveryRuleIds,
        ...r.escalation.ruleIds,
        ...r.analysisRuleIds,
        ...r.confirmRuleIds,
        ...r.networkRuleIds,
        ...r.handlers.flatMap((h) => h.ruleIds),
      ];
      for (const rule of ids) expect(isValidRuleId(rule), `${id}: ${rule}`).toBe(true);
      for (const key of [...r.escalation.roleKeys, ...r.handlers.map((h) => h.roleKey)]) expect(findRole(id as RulebookId, key), `${id}: ${key}`).toBeDefined();
    }
  });
  it('sends the continuation notice under MNT-22-4 and escalates to the roles the rulebooks name', () => {
    expect(mnt.noticeRuleIds).toEqual(['MNT-22-4']);
    // The 保健福祉課長 handles incidents (MNT-4-1-10), as the 総括者 does for KWW (KWW-3-2-4).
    expect(mnt.handlers).toEqual([{ rulebookId: 'MNT', roleKey: 'welfare_section_chief', ruleIds: ['MNT-4-1-10', 'MNT-22-1'] }]);
    expect(INCIDENT_RULES.KWW.handlers.map((h) => [h.roleKey, h.ruleIds])).toContainEqual(['system_supervisor', ['KWW-3-2-4']]);
    expect(mnt.escalation).toMatchObject({ roleKeys: ['information_policy_chief'], ruleIds: ['MNT-22-2'] });
    expect(INCIDENT_RULES.KWO.escalation).toMatchObject({ roleKeys: ['asset_manager', 'citizens_bureau_director'], ruleIds: ['KWO-10-1-2'] });
    expect(INCIDENT_RULES.KTM.escalation.roleKeys).toEqual(['general_manager']);
    expect(incidentRules(null)).toBe(INCIDENT_RULES.ARK);
  });
  it('numbers incidents per fiscal year in 令和', () => {
    expect(incidentNumber(2026, 1)).toBe('INC-R8-0001');
    expect(incidentNumber(2027, 123)).toBe('INC-R9-0123');
  });
});

describe('the state machine: reported → recovering → resolved → confirmed', () => {
  it('updates an open incident, moving it to recovering', () => {
    expect(incidentTransition(mnt, fact(), 'update')).toMatchObject({ ok: true, to: 'reported' });
    expect(incidentTransition(mnt, fact(), 'update', { recovering: true })).toMatchObject({ ok: true, to: 'recovering' });
    expect(incidentTransition(mnt, fact({ status: 'recovering' }), 'update')).toMatchObject({ ok: true, to: 'recovering' });
    expect(incidentTransition(mnt, fact({ status: 'resolved' }), 'update')).toMatchObject({ ok: false, refusal: 'CLOSED' });
  });
  it('resolves once', () => {
    expect(incidentTransition(mnt, fact({ status: 'recovering' }), 'resolve')).toMatchObject({
      ok: true,
      to: 'resolved',
      ruleIds: ['MNT-22-1', 'MNT-22-3', 'MNT-22-4'],
    });
    expect(incidentTransition(mnt, fact(), 'resolve')).toMatchObject({ ok: true, to: 'resolved' });
    expect(incidentTransition(mnt, fact({ status: 'resolved' }), 'resolve')).toMatchObject({ ok: false, refusal: 'ALREADY_RESOLVED' });
    expect(incidentTransition(mnt, fact({ status: 'confirmed' }), 'resolve')).toMatchObject({ ok: false, refusal: 'ALREADY_CONFIRMED' });
  });
  it('records the analysis only after recovery and before confirmation (KWO-10-1-2 ウ)', () => {
    const kwo = INCIDENT_RULES.KWO;
    expect(incidentTransition(kwo, fact({ status: 'recovering' }), 'record_analysis')).toMatchObject({
      ok: false,
      refusal: 'NOT_RESOLVED',
      ruleIds: ['KWO-10-1-2'],
    });
    expect(incidentTransition(kwo, fact({ status: 'resolved' }), 'record_analysis')).toMatchObject({ ok: true, to: 'resolved' });
    expect(incidentTransition(kwo, fact({ status: 'confirmed' }), 'record_analysis')).toMatchObject({ ok: false, refusal: 'ALREADY_CONFIRMED' });
    // The investigation of the situation, cause and impact (KTM-14-2-3), and the 総括者's incident response (KWW-3-2-4).
    expect(incidentTransition(INCIDENT_RULES.KTM, fact({ status: 'recovering' }), 'record_analysis')).toMatchObject({ ok: false, ruleIds: ['KTM-14-2-3'] });
    expect(incidentTransition(INCIDENT_RULES.KWW, fact({ status: 'recovering' }), 'record_analysis')).toMatchObject({ ok: false, ruleIds: ['KWW-3-2-4'] });
  });
  it('confirms (MNT-22-3) only a resolved incident whose analysis is recorded', () => {
    expect(incidentTransition(mnt, fact({ status: 'recovering' }), 'confirm')).toMatchObject({ ok: false, refusal: 'NOT_RESOLVED', ruleIds: ['MNT-22-3'] });
    expect(incidentTransition(mnt, fact({ status: 'resolved' }), 'confirm')).toMatchObject({ ok: false, refusal: 'NO_ANALYSIS' });
    expect(incidentTransition(mnt, fact({ status: 'resolved', analysisRecorded: true }), 'confirm')).toEqual({
      ok: true,
      to: 'confirmed',
      ruleIds: ['MNT-22-3'],
    });
    expect(incidentTransition(mnt, fact({ status: 'confirmed', analysisRecorded: true }), 'confirm')).toMatchObject({
      ok: false,
      refusal: 'ALREADY_CONFIRMED',
    });
  });
  it('the person who recorded the resolution, or a deputy acting for them, does not confirm it', () => {
    const resolved = fact({ status: 'resolved', analysisRecorded: true, resolvedBy: 's-admin' });
    expect(confirmerConflict(resolved, 's-admin', null)).not.toBeNull();
    expect(confirmerConflict(resolved, 's-deputy', 's-admin')).not.toBeNull();
    expect(confirmerConflict(resolved, 's-chief', null)).toBeNull();
  });
});

describe('input', () => {
  const report = {
    title: '福祉総合システムの帳票出力障害',
    description: '課税証明の帳票が出力できない',
    occurredAt: '2026-11-20T09:00:00+09:00',
    detectedAt: '2026-11-20T09:10:00+09:00',
    severity: 'major' as const,
    residentsAffected: true,
  };
  const paths = (errors: { path: (string | number)[]; code: string }[]) => errors.map((e) => [e.path.join('.'), e.code]);

  it('accepts a complete report', () => {
    expect(validateIncidentReport(report, NOW)).toEqual([]);
  });
  it('refuses missing fields, future instants, detection before occurrence, over-long text', () => {
    expect(paths(validateIncidentReport({ ...report, title: ' ', description: '' }, NOW))).toEqual([
      ['input.title', 'REQUIRED'],
      ['input.description', 'REQUIRED'],
    ]);
    expect(paths(validateIncidentReport({ ...report, occurredAt: '2026-11-21T09:00:00+09:00', detectedAt: null }, NOW))).toEqual([
      ['input.occurredAt', 'INVALID_VALUE'],
    ]);
    expect(paths(validateIncidentReport({ ...report, detectedAt: '2026-11-20T08:00:00+09:00' }, NOW))).toEqual([['input.detectedAt', 'INVALID_VALUE']]);
    expect(paths(validateIncidentReport({ ...report, title: 'あ'.repeat(201) }, NOW))).toEqual([['input.title', 'TOO_LONG']]);
    expect(paths(validateIncidentReport({ ...report, occurredAt: '2026-11-20 09:00' }, NOW))).toEqual([['input.occurredAt', 'INVALID_VALUE']]);
  });
  it('an update records something; an ETA comes after the occurrence', () => {
    expect(paths(validateIncidentUpdate({}, report.occurredAt))).toEqual([['input', 'REQUIRED']]);
    expect(validateIncidentUpdate({ recovering: true }, report.occurredAt)).toEqual([]);
    expect(paths(validateIncidentUpdate({ recoveryEta: '2026-11-20T08:00:00+09:00' }, report.occurredAt))).toEqual([['input.recoveryEta', 'INVALID_VALUE']]);
  });
  it('a resolution lies between the occurrence and now; the analysis needs both parts', () => {
    expect(validateIncidentResolution({ resolvedAt: '2026-11-20T09:30:00+09:00' }, report.occurredAt, NOW)).toEqual([]);
    expect(paths(validateIncidentResolution({ resolvedAt: '2026-11-20T08:30:00+09:00' }, report.occurredAt, NOW))).toEqual([
      ['input.resolvedAt', 'INVALID_VALUE'],
    ]);
    expect(paths(validateIncidentResolution({ resolvedAt: '2026-11-21T08:30:00+09:00' }, report.occurredAt, NOW))).toEqual([
      ['input.resolvedAt', 'INVALID_VALUE'],
    ]);
    expect(paths(validateIncidentAnalysis({ analysis: '原因はバッチの競合', preventiveMeasures: '' }))).toEqual([['input.preventiveMeasures', 'REQUIRED']]);
  });
});
