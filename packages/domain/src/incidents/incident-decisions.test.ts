import { describe, expect, it } from 'vitest';
import { formatWarekiDateTime } from '../wareki.ts';
import {
  escalationNote,
  incidentEscalationNotice,
  incidentReportNote,
  incidentSectionNotice,
  incidentUpdateStatusError,
  type IncidentNoticeFacts,
} from './incident-decisions.ts';

const now = new Date();
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe('incidents', () => {
  it('an update moves the incident to RECOVERING at most', () => {
    expect(incidentUpdateStatusError(null)).toBeNull();
    expect(incidentUpdateStatusError('recovering')).toBeNull();
    expect(incidentUpdateStatusError('resolved')).toMatchObject({ path: ['input', 'status'], code: 'INVALID_VALUE' });
  });
  const i: IncidentNoticeFacts = {
    systemName: '福祉システム',
    number: 'INC-1',
    title: '画面が開かない',
    description: 'ログイン後に停止',
    occurredAt: hours(-2),
    degradedOperation: '紙で受付',
    recoveryEta: null,
    resolvedAt: hours(-1),
    cause: null,
  };
  it('tells the using sections at occurrence and at resolution (MNT-22-4)', () => {
    const o = incidentSectionNotice(i, 'occurrence', ['MNT-22-4']);
    expect(o.subject).toBe('【障害発生】福祉システム 画面が開かない');
    expect(o.body.split('\n')).toEqual([
      '福祉システムで障害が発生しました（INC-1）。',
      '件名: 画面が開かない',
      `発生日時: ${formatWarekiDateTime(i.occurredAt)}`,
      '内容: ログイン後に停止',
      '縮退運転: 紙で受付',
      '課内の職員へ周知してください（MNT-22-4）。',
    ]);
    expect(incidentSectionNotice(i, 'resolution', ['MNT-22-4']).body).toBe(
      `福祉システムの障害（INC-1 画面が開かない）は解消しました。\n解消日時: ${formatWarekiDateTime(i.resolvedAt!)}\n課内の職員へ周知してください（MNT-22-4）。`,
    );
  });
  it('escalates and notes whom it told', () => {
    const label = { ja: '統括管理者へ報告', en: 'Reported' };
    expect(incidentEscalationNotice(i, { label, ruleIds: ['KTM-14-1'] }).subject).toBe('【市民への影響あり】福祉システム 画面が開かない');
    expect(escalationNote(label, [])).toBe('統括管理者へ報告: 該当者なし');
    expect(escalationNote(label, ['情報政策課長', '副市長'])).toBe('統括管理者へ報告: 情報政策課長、副市長');
    expect(incidentReportNote('major', true)).toMatch(/・市民への影響あり$/);
  });
});
