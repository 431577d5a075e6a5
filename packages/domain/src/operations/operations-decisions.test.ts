import { describe, expect, it } from 'vitest';
import { formatWarekiDateTime } from '../wareki.ts';
import { escalationNote, incidentEscalationNotice, incidentReportNote, incidentSectionNotice, incidentUpdateStatusError, type IncidentNoticeFacts } from './incident-decisions.ts';
import { announcementRefusal, cancellationRefusal, cancelReasonErrors, maintenanceAnnouncement, maintenanceCancellation } from './maintenance-decisions.ts';
import { MAINTENANCE_LIMITS } from './maintenance.ts';

const now = new Date();
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const planned = { announcedAt: null, cancelledAt: null, endsAt: hours(5) };

describe('announcing a maintenance window (MNT-15-2, KTM-15-2)', () => {
  it('is allowed once, for a window neither cancelled nor over', () => {
    expect(announcementRefusal(planned, now, ['KTM-15-2'])).toBeNull();
  });
  it('refuses a cancelled, an announced or a finished window, citing the notice rules', () => {
    expect(announcementRefusal({ ...planned, cancelledAt: hours(-1) }, now, ['KTM-15-2'])).toEqual({ allowed: false, code: 'CONFLICT', message: { ja: 'この期間は取り消されています。', en: 'The window has been cancelled.' }, ruleIds: ['KTM-15-2'] });
    expect(announcementRefusal({ ...planned, announcedAt: hours(-1) }, now, ['KTM-15-2'])).toMatchObject({ message: { en: 'The window has already been announced.' } });
    expect(announcementRefusal({ ...planned, endsAt: now }, now, [])).toMatchObject({ message: { ja: 'この期間はすでに終わっているため、周知できません。' } });
  });
});

describe('cancelling a maintenance window', () => {
  it('is allowed once, while the window is not over, announced or not', () => {
    expect(cancellationRefusal(planned, now)).toBeNull();
    expect(cancellationRefusal({ ...planned, announcedAt: hours(-1) }, now)).toBeNull();
    expect(cancellationRefusal({ ...planned, cancelledAt: hours(-1) }, now)).toMatchObject({ code: 'CONFLICT', message: { en: 'The window has already been cancelled.' }, ruleIds: [] });
    expect(cancellationRefusal({ ...planned, endsAt: hours(-1) }, now)).toMatchObject({ message: { en: 'The window is over: it can no longer be cancelled.' } });
  });
  it('says why, within the limit', () => {
    expect(cancelReasonErrors('機器の納入遅延')).toEqual([]);
    expect(cancelReasonErrors('')).toMatchObject([{ code: 'REQUIRED', path: ['reason'] }]);
    expect(cancelReasonErrors('x'.repeat(MAINTENANCE_LIMITS.cancelReason + 1))).toMatchObject([{ code: 'TOO_LONG', message: { ja: `理由は${MAINTENANCE_LIMITS.cancelReason}文字以内で入力してください。` } }]);
  });
  it('tells the sections of the stop and of its cancellation', () => {
    const w = { systemName: '福祉システム', kind: 'closed' as const, from: hours(24), to: hours(30) };
    const period = `${formatWarekiDateTime(w.from)}から${formatWarekiDateTime(w.to)}まで`;
    expect(maintenanceAnnouncement({ ...w, reason: '定期保守' }, ['MNT-15-2'])).toEqual({
      subject: '福祉システム システム停止のお知らせ',
      body: `福祉システムは、${period}停止します。\n理由: 定期保守\n課内の職員へ周知してください（MNT-15-2）。`,
    });
    expect(maintenanceAnnouncement({ ...w, kind: 'open', reason: '繁忙期' }, []).body).toBe(`福祉システムは、${period}運用時間を延長します。\n理由: 繁忙期\n課内の職員へ周知してください。`);
    expect(maintenanceCancellation(w, '延期').subject).toBe('福祉システム システム停止の取消しのお知らせ');
  });
});

describe('incidents', () => {
  it('an update moves the incident to RECOVERING at most', () => {
    expect(incidentUpdateStatusError(null)).toBeNull();
    expect(incidentUpdateStatusError('recovering')).toBeNull();
    expect(incidentUpdateStatusError('resolved')).toMatchObject({ path: ['input', 'status'], code: 'INVALID_VALUE' });
  });
  const i: IncidentNoticeFacts = {
    systemName: '福祉システム', number: 'INC-1', title: '画面が開かない', description: 'ログイン後に停止', occurredAt: hours(-2), degradedOperation: '紙で受付', recoveryEta: null, resolvedAt: hours(-1), cause: null,
  };
  it('tells the using sections at occurrence and at resolution (MNT-22-4)', () => {
    const o = incidentSectionNotice(i, 'occurrence', ['MNT-22-4']);
    expect(o.subject).toBe('【障害発生】福祉システム 画面が開かない');
    expect(o.body.split('\n')).toEqual(['福祉システムで障害が発生しました（INC-1）。', '件名: 画面が開かない', `発生日時: ${formatWarekiDateTime(i.occurredAt)}`, '内容: ログイン後に停止', '縮退運転: 紙で受付', '課内の職員へ周知してください（MNT-22-4）。']);
    expect(incidentSectionNotice(i, 'resolution', ['MNT-22-4']).body).toBe(`福祉システムの障害（INC-1 画面が開かない）は解消しました。\n解消日時: ${formatWarekiDateTime(i.resolvedAt!)}\n課内の職員へ周知してください（MNT-22-4）。`);
  });
  it('escalates and notes whom it told', () => {
    const label = { ja: '統括管理者へ報告', en: 'Reported' };
    expect(incidentEscalationNotice(i, { label, ruleIds: ['KTM-14-1'] }).subject).toBe('【市民への影響あり】福祉システム 画面が開かない');
    expect(escalationNote(label, [])).toBe('統括管理者へ報告: 該当者なし');
    expect(escalationNote(label, ['情報政策課長', '副市長'])).toBe('統括管理者へ報告: 情報政策課長、副市長');
    expect(incidentReportNote('major', true)).toMatch(/・市民への影響あり$/);
  });
});
