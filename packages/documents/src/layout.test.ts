import { describe, expect, it } from 'vitest';
import { documentFileName, documentTitle } from './index.ts';
import { buildLayout, formatJapaneseTime, formatMeetingDate, formatTimeRange, toFullWidthDigits, weekdayOf } from './layout.ts';
import type { MeetingDocument } from './meeting-document.types.ts';
import { arakawaAgenda, arakawaMinutes, kawasakiCirculationMinutes } from './samples.ts';

describe('dates and times', () => {
  it('computes the Japanese weekday', () => {
    expect(weekdayOf('2026-12-10')).toBe('木');
    expect(weekdayOf('2026-11-20')).toBe('金');
    expect(weekdayOf('2027-01-03')).toBe('日');
    expect(() => weekdayOf('2026/12/10')).toThrow(RangeError);
  });

  it('writes times as 午前 / 午後, noon as 午後0時', () => {
    expect(formatJapaneseTime('10:00')).toBe('午前10時00分');
    expect(formatJapaneseTime('14:30')).toBe('午後2時30分');
    expect(formatJapaneseTime('12:00')).toBe('午後0時00分');
    expect(formatJapaneseTime('0:05')).toBe('午前0時05分');
    expect(formatTimeRange('10:00', '11:30')).toBe('午前10時00分〜午前11時30分');
    expect(formatTimeRange('13:30', null)).toBe('午後1時30分から');
    expect(formatTimeRange(null, undefined)).toBe('');
  });

  it('prints the date in 和暦 with weekday, time range and the Western date', () => {
    expect(formatMeetingDate(arakawaAgenda)).toBe('令和8年12月10日（木）午前10時00分〜午前11時30分　（2026年12月10日）');
    expect(formatMeetingDate({ date: '2019-05-01' })).toBe('令和元年5月1日（水）　（2019年5月1日）');
  });

  it('numbers headings with full-width digits', () => {
    expect(toFullWidthDigits(12)).toBe('１２');
  });
});

describe('title and file name', () => {
  it('adds 次第 or 会議録 to the meeting title', () => {
    expect(documentTitle(arakawaAgenda)).toBe('令和8年度第3回 電子情報システム運営委員会 次第');
    expect(documentTitle(arakawaMinutes)).toBe('令和8年度第3回 電子情報システム運営委員会 会議録');
  });

  it('gives an ASCII file name from the kind and the date', () => {
    expect(documentFileName(arakawaAgenda, 'pdf')).toBe('agenda-2026-12-10.pdf');
    expect(documentFileName(arakawaMinutes, 'docx')).toBe('minutes-2026-12-10.docx');
    expect(documentFileName(kawasakiCirculationMinutes, 'md')).toBe('minutes-2026-11-20.md');
    expect(documentFileName({ ...arakawaAgenda, date: '令和8年/12/10' }, 'md')).toMatch(/^agenda-[\x21-\x7e]+\.md$/);
  });
});

describe('buildLayout', () => {
  it('groups the attendees by role, a substitute with the member they stand in for', () => {
    const layout = buildLayout(arakawaMinutes);
    expect(layout.attendance.map((g) => g.label)).toEqual(['委員長', '委員', '臨時委員', '代理出席', '委員外出席者', '事務局']);
    expect(layout.attendance.find((g) => g.label === '代理出席')?.values).toEqual(['総務企画部総務企画課 総務係長　佐藤 花子（総務企画部総務企画課長代理）']);
    // The substituted member is not absent; the member who did not come is.
    expect(layout.absence).toEqual({ label: '欠席者', values: ['区民部戸籍住民課長　伊藤 健二'] });
  });

  it('prints the quorum as met or not met, 過半数 only when the requirement is a majority', () => {
    expect(buildLayout(arakawaMinutes).quorum?.values).toEqual(['委員6名中5名出席（過半数4名）により会議は成立（ARK-19-1）']);
    const notMet: MeetingDocument = { ...arakawaMinutes, quorum: { members: 6, present: 3, required: 4, met: false, ruleIds: ['ARK-19-1'] } };
    expect(buildLayout(notMet).quorum?.values).toEqual(['委員6名中3名出席（過半数4名）により会議は不成立（ARK-19-1）']);
    const twoThirds: MeetingDocument = { ...arakawaMinutes, quorum: { members: 9, present: 6, required: 6, met: true, ruleIds: [] } };
    expect(buildLayout(twoThirds).quorum?.values).toEqual(['委員9名中6名出席（定足数6名）により会議は成立']);
    expect(buildLayout(arakawaAgenda).quorum).toBeNull();
  });

  it('numbers the groups in the order of their first item', () => {
    const shuffled: MeetingDocument = { ...arakawaAgenda, items: [...arakawaAgenda.items].reverse() };
    const layout = buildLayout(shuffled);
    expect(layout.groups.map((g) => g.heading)).toEqual(['１　審議事項', '２　報告事項']);
    expect(layout.groups[0]?.items.map((i) => i.heading[1])).toEqual(['１', '２', '３']);
  });

  it('prints 持回りにより決定 instead of the place for a decision by circulation', () => {
    const layout = buildLayout(kawasakiCirculationMinutes);
    expect(layout.fields).toEqual([
      { label: '決定日', values: ['令和8年11月20日（金）', '（2026年11月20日）'], separator: '　' },
      { label: '方法', values: ['持回りにより決定（KWW-12-2）'] },
    ]);
    expect(layout.attendanceHeading).toBe('回答者');
    expect(layout.footer).toBe('川崎市 福祉総合情報システム運用管理会議　事務局：健康福祉局総務部企画課　根拠：KWW-5-1、KWW-12-2');
  });

  it('leaves decisions out of an agenda', () => {
    const withDecisions: MeetingDocument = { ...arakawaMinutes, kind: 'agenda', quorum: null };
    const labels = buildLayout(withDecisions).groups.flatMap((g) => g.items.flatMap((i) => i.details.map((d) => d.label)));
    expect(labels).not.toContain('結果');
  });
});
