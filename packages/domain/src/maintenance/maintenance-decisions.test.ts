import { describe, expect, it } from 'vitest';
import { formatWarekiDateTime } from '../wareki.ts';
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
    expect(announcementRefusal({ ...planned, cancelledAt: hours(-1) }, now, ['KTM-15-2'])).toEqual({
      allowed: false,
      code: 'CONFLICT',
      message: { ja: 'この期間は取り消されています。', en: 'The window has been cancelled.' },
      ruleIds: ['KTM-15-2'],
    });
    expect(announcementRefusal({ ...planned, announcedAt: hours(-1) }, now, ['KTM-15-2'])).toMatchObject({
      message: { en: 'The window has already been announced.' },
    });
    expect(announcementRefusal({ ...planned, endsAt: now }, now, [])).toMatchObject({ message: { ja: 'この期間はすでに終わっているため、周知できません。' } });
  });
});

describe('cancelling a maintenance window', () => {
  it('is allowed once, while the window is not over, announced or not', () => {
    expect(cancellationRefusal(planned, now)).toBeNull();
    expect(cancellationRefusal({ ...planned, announcedAt: hours(-1) }, now)).toBeNull();
    expect(cancellationRefusal({ ...planned, cancelledAt: hours(-1) }, now)).toMatchObject({
      code: 'CONFLICT',
      message: { en: 'The window has already been cancelled.' },
      ruleIds: [],
    });
    expect(cancellationRefusal({ ...planned, endsAt: hours(-1) }, now)).toMatchObject({
      message: { en: 'The window is over: it can no longer be cancelled.' },
    });
  });
  it('says why, within the limit', () => {
    expect(cancelReasonErrors('機器の納入遅延')).toEqual([]);
    expect(cancelReasonErrors('')).toMatchObject([{ code: 'REQUIRED', path: ['reason'] }]);
    expect(cancelReasonErrors('x'.repeat(MAINTENANCE_LIMITS.cancelReason + 1))).toMatchObject([
      { code: 'TOO_LONG', message: { ja: `理由は${MAINTENANCE_LIMITS.cancelReason}文字以内で入力してください。` } },
    ]);
  });
  it('tells the sections of the stop and of its cancellation', () => {
    const w = { systemName: '福祉システム', kind: 'closed' as const, from: hours(24), to: hours(30) };
    const period = `${formatWarekiDateTime(w.from)}から${formatWarekiDateTime(w.to)}まで`;
    expect(maintenanceAnnouncement({ ...w, reason: '定期保守' }, ['MNT-15-2'])).toEqual({
      subject: '福祉システム システム停止のお知らせ',
      body: `福祉システムは、${period}停止します。\n理由: 定期保守\n課内の職員へ周知してください（MNT-15-2）。`,
    });
    expect(maintenanceAnnouncement({ ...w, kind: 'open', reason: '繁忙期' }, []).body).toBe(
      `福祉システムは、${period}運用時間を延長します。\n理由: 繁忙期\n課内の職員へ周知してください。`,
    );
    expect(maintenanceCancellation(w, '延期').subject).toBe('福祉システム システム停止の取消しのお知らせ');
  });
});
