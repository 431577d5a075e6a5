// Sample meeting papers, used by the tests and by cli/sample.ts: a sitting of 荒川区's 電子情報システム運営委員会
// (agenda and minutes) and a decision by circulation (持回り) of 川崎市's 福祉総合情報システム運用管理会議.
// Names of persons are fictitious.

import type { DocumentAttendee, DocumentItem, MeetingDocument } from './meeting-document.types.ts';

const arakawaAttendees: DocumentAttendee[] = [
  { title: '総務企画部長', name: '西川 達也', role: 'chair' },
  { title: '総務企画部総務企画課長', name: '大野 修', role: 'member' },
  { title: '管理部デジタル推進課長', name: '鈴木 一郎', role: 'member' },
  { title: '管理部経理課長', name: '高橋 美穂', role: 'member' },
  { title: '区民部戸籍住民課長', name: '伊藤 健二', role: 'member' },
  { title: '福祉部福祉推進課長', name: '小林 直子', role: 'member' },
  { title: '健康部健康推進課長', name: '中村 恵', role: 'temporary_member' },
  { title: '管理部デジタル推進課 情報システム係長', name: '加藤 誠', role: 'secretariat' },
  { title: '管理部デジタル推進課 主任', name: '吉田 彩', role: 'secretariat' },
];

const arakawaItems: DocumentItem[] = [
  {
    number: 1,
    group: '審議事項',
    title: '新規導入等申請「福祉総合相談システム」の導入について（R8-0012）',
    presenter: '福祉部福祉推進課長',
    documents: [
      { label: '資料1', title: '新規導入等申請書（R8-0012）' },
      { label: '資料2', title: '福祉総合相談システム概要書' },
    ],
    ruleIds: ['ARK-12-4', 'ARK-16-1-2'],
  },
  {
    number: 2,
    group: '審議事項',
    title: '変更申請「住民記録システム」のガバメントクラウド移行について（R8-0015）',
    presenter: '区民部戸籍住民課 住民記録係長',
    documents: [{ label: '資料3', title: '変更申請書（R8-0015）' }],
    ruleIds: ['ARK-12-4'],
  },
  {
    number: 3,
    group: '審議事項',
    title: '庁内ネットワーク機器の更新について（R8-0018）',
    presenter: '管理部デジタル推進課長',
    documents: [{ label: '資料4', title: '庁内ネットワーク機器更新計画' }],
    ruleIds: ['ARK-16-1-2'],
  },
  {
    number: 4,
    group: '報告事項',
    title: '令和8年度情報セキュリティ内部監査の結果について',
    presenter: '管理部デジタル推進課長',
    documents: [{ label: '資料5', title: '情報セキュリティ内部監査報告書' }],
    ruleIds: [],
  },
];

const arakawaBase = {
  municipalityName: '荒川区',
  committeeName: '電子情報システム運営委員会',
  meetingTitle: '令和8年度第3回 電子情報システム運営委員会',
  date: '2026-12-10',
  startTime: '10:00',
  endTime: '11:30',
  place: '荒川区役所本庁舎4階 庁議室',
  mode: 'meeting',
  secretariat: '管理部デジタル推進課',
  ruleIds: ['ARK-15-1', 'ARK-19-1'],
} as const satisfies Partial<MeetingDocument>;

export const arakawaAgenda: MeetingDocument = {
  ...arakawaBase,
  kind: 'agenda',
  attendees: [...arakawaAttendees, { title: 'CIO補佐官', name: '渡辺 浩', role: 'invited' }],
  items: arakawaItems,
  notes: ['資料は当日持参してください。'],
};

export const arakawaMinutes: MeetingDocument = {
  ...arakawaBase,
  kind: 'minutes',
  attendees: [
    ...arakawaAttendees.map((a): DocumentAttendee => {
      // 総務企画課長 sent a substitute; 戸籍住民課長 was absent.
      const absent = a.title === '総務企画部総務企画課長' || a.title === '区民部戸籍住民課長';
      return { ...a, present: !absent };
    }),
    { title: '総務企画部総務企画課 総務係長', name: '佐藤 花子', role: 'substitute', substituteFor: '総務企画部総務企画課長', present: true },
    { title: 'CIO補佐官', name: '渡辺 浩', role: 'invited', present: true },
  ],
  items: arakawaItems.map((item): DocumentItem => {
    switch (item.number) {
      case 1:
        return {
          ...item,
          decision: {
            outcome: 'approved_with_conditions',
            conditions: '稼働前に特定個人情報保護評価の完了を委員会に報告すること',
            dissent: ['管理部経理課長'],
          },
        };
      case 2:
        return { ...item, decision: { outcome: 'deferred', note: '移行経費の比較資料を添えて次回再審議とする' } };
      case 3:
        return { ...item, decision: { outcome: 'approved' } };
      default:
        return { ...item, decision: null };
    }
  }),
  quorum: { members: 6, present: 5, required: 4, met: true, ruleIds: ['ARK-19-1'] },
  notes: ['次回開催予定：令和9年1月14日（木）午前10時'],
};

export const kawasakiCirculationMinutes: MeetingDocument = {
  kind: 'minutes',
  municipalityName: '川崎市',
  committeeName: '福祉総合情報システム運用管理会議',
  meetingTitle: '令和8年度第2回 福祉総合情報システム運用管理会議',
  date: '2026-11-20',
  place: '',
  mode: 'circulation',
  circulationRuleIds: ['KWW-12-2'],
  roleLabels: { chair: '議長', member: '構成員' },
  attendees: [
    { title: '健康福祉局総務部長', name: '森田 聡', role: 'chair', present: true },
    { title: '健康福祉局地域包括ケア推進室長', name: '石井 由美', role: 'member', present: true },
    { title: '健康福祉局高齢者事業推進課長', name: '山本 浩二', role: 'member', present: true },
    { title: '健康福祉局障害計画課長', name: '松本 佳子', role: 'member', present: true },
    { title: 'こども未来局児童家庭支援・虐待対策室長', name: '井上 大輔', role: 'member', present: true },
    { title: '総務企画局ＤＸ推進課長', name: '木村 拓也', role: 'member', present: true },
    { title: '健康福祉局総務部企画課', name: null, role: 'secretariat', present: true },
  ],
  secretariat: '健康福祉局総務部企画課',
  items: [
    {
      number: 1,
      group: '審議事項',
      title: '福祉総合情報システムの運用保守事業者の変更について',
      presenter: '健康福祉局総務部企画課長',
      documents: [{ label: '資料1', title: '運用保守事業者変更届' }],
      ruleIds: ['KWW-8-3'],
      decision: { outcome: 'approved' },
    },
    {
      number: 2,
      group: '審議事項',
      title: '障害者福祉システムの帳票改修について',
      presenter: '健康福祉局障害計画課長',
      documents: [{ label: '資料2', title: '帳票改修概要' }],
      ruleIds: ['KWW-8-3'],
      decision: { outcome: 'rejected', note: '改修範囲を精査のうえ再申請すること' },
    },
  ],
  quorum: { members: 6, present: 6, required: 4, met: true, ruleIds: ['KWW-11-1'] },
  ruleIds: ['KWW-5-1', 'KWW-12-2'],
};
