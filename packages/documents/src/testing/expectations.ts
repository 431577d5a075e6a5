// What a reader must find on the sample papers, written out by hand (not derived from the layout code), in
// reading order. Shared by the Markdown, DOCX and PDF tests, which compare with whitespace removed.

import { expect } from 'vitest';

/** Removes all whitespace (ASCII and full-width) so that line wrapping and column gaps do not matter. */
export function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, '');
}

/** Asserts that every expected string occurs in `text`, each after the previous one. */
export function expectInOrder(text: string, expected: readonly string[]): void {
  const haystack = normalize(text);
  let from = 0;
  for (const e of expected) {
    const needle = normalize(e);
    const at = haystack.indexOf(needle, from);
    expect(at, `"${e}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

export function expectAbsent(text: string, unexpected: readonly string[]): void {
  const haystack = normalize(text);
  for (const u of unexpected) expect(haystack, `"${u}" should not appear`).not.toContain(normalize(u));
}

const arakawaHeader = ['日時', '令和8年12月10日（木）午前10時00分〜午前11時30分', '（2026年12月10日）', '場所', '荒川区役所本庁舎4階 庁議室'];

export const ARAKAWA_FOOTER = ['荒川区 電子情報システム運営委員会', '事務局：管理部デジタル推進課', '根拠：ARK-15-1、ARK-19-1'];

export const ARAKAWA_AGENDA_CONTENT = [
  '令和8年度第3回 電子情報システム運営委員会 次第',
  ...arakawaHeader,
  // The agenda lists all the expected attendees.
  '出席者',
  '委員長',
  '総務企画部長 西川 達也',
  '委員',
  '総務企画部総務企画課長 大野 修',
  '管理部デジタル推進課長 鈴木 一郎',
  '管理部経理課長 高橋 美穂',
  '区民部戸籍住民課長 伊藤 健二',
  '福祉部福祉推進課長 小林 直子',
  '臨時委員',
  '健康部健康推進課長 中村 恵',
  '委員外出席者',
  'CIO補佐官 渡辺 浩',
  '事務局',
  '管理部デジタル推進課 情報システム係長 加藤 誠',
  '管理部デジタル推進課 主任 吉田 彩',
  '議題',
  '１ 審議事項',
  '（１）新規導入等申請「福祉総合相談システム」の導入について（R8-0012）',
  '説明者',
  '福祉部福祉推進課長',
  '資料',
  '資料1 新規導入等申請書（R8-0012）',
  '資料2 福祉総合相談システム概要書',
  '根拠',
  'ARK-12-4、ARK-16-1-2',
  '（２）変更申請「住民記録システム」のガバメントクラウド移行について（R8-0015）',
  '説明者',
  '区民部戸籍住民課 住民記録係長',
  '資料',
  '資料3 変更申請書（R8-0015）',
  '（３）庁内ネットワーク機器の更新について（R8-0018）',
  '説明者',
  '管理部デジタル推進課長',
  '資料',
  '資料4 庁内ネットワーク機器更新計画',
  '２ 報告事項',
  '（４）令和8年度情報セキュリティ内部監査の結果について',
  '説明者',
  '管理部デジタル推進課長',
  '資料',
  '資料5 情報セキュリティ内部監査報告書',
  '備考',
  '資料は当日持参してください。',
];

export const ARAKAWA_AGENDA_ABSENT = ['会議録', '欠席者', '定足数', '承認', '継続審議', '反対意見', '代理出席'];

export const ARAKAWA_MINUTES_CONTENT = [
  '令和8年度第3回 電子情報システム運営委員会 会議録',
  ...arakawaHeader,
  '出席者',
  '委員長',
  '総務企画部長 西川 達也',
  '委員',
  '管理部デジタル推進課長 鈴木 一郎',
  '管理部経理課長 高橋 美穂',
  '福祉部福祉推進課長 小林 直子',
  '臨時委員',
  '健康部健康推進課長 中村 恵',
  '代理出席',
  '総務企画部総務企画課 総務係長 佐藤 花子（総務企画部総務企画課長代理）',
  '委員外出席者',
  'CIO補佐官 渡辺 浩',
  '事務局',
  '管理部デジタル推進課 情報システム係長 加藤 誠',
  '欠席者',
  '区民部戸籍住民課長 伊藤 健二',
  '定足数',
  '委員6名中5名出席（過半数4名）により会議は成立（ARK-19-1）',
  '議題',
  '１ 審議事項',
  '（１）新規導入等申請「福祉総合相談システム」の導入について（R8-0012）',
  '説明者',
  '福祉部福祉推進課長',
  '資料',
  '資料1 新規導入等申請書（R8-0012）',
  '根拠',
  'ARK-12-4、ARK-16-1-2',
  '結果',
  '条件付き承認（条件：稼働前に特定個人情報保護評価の完了を委員会に報告すること）',
  '反対意見',
  '管理部経理課長',
  '（２）変更申請「住民記録システム」のガバメントクラウド移行について（R8-0015）',
  '説明者',
  '区民部戸籍住民課 住民記録係長',
  '資料',
  '資料3 変更申請書（R8-0015）',
  '結果',
  '継続審議',
  '備考',
  '移行経費の比較資料を添えて次回再審議とする',
  '（３）庁内ネットワーク機器の更新について（R8-0018）',
  '説明者',
  '管理部デジタル推進課長',
  '資料',
  '資料4 庁内ネットワーク機器更新計画',
  '結果',
  '承認',
  '２ 報告事項',
  '（４）令和8年度情報セキュリティ内部監査の結果について',
  '備考',
  '次回開催予定：令和9年1月14日（木）午前10時',
];

/** The member who sent a substitute is neither listed as present nor as absent. */
export const ARAKAWA_MINUTES_ABSENT = ['次第', '大野 修', '不成立', '否認'];

export const KAWASAKI_CIRCULATION_CONTENT = [
  '令和8年度第2回 福祉総合情報システム運用管理会議 会議録',
  '決定日',
  '令和8年11月20日（金）',
  '（2026年11月20日）',
  '方法',
  '持回りにより決定（KWW-12-2）',
  '回答者',
  '議長',
  '健康福祉局総務部長 森田 聡',
  '構成員',
  'こども未来局児童家庭支援・虐待対策室長 井上 大輔',
  '事務局',
  '健康福祉局総務部企画課',
  '定足数',
  '構成員6名中6名回答（過半数4名）により決定は成立（KWW-11-1）',
  '議題',
  '１ 審議事項',
  '（１）福祉総合情報システムの運用保守事業者の変更について',
  '説明者',
  '健康福祉局総務部企画課長',
  '資料',
  '資料1 運用保守事業者変更届',
  '結果',
  '承認',
  '（２）障害者福祉システムの帳票改修について',
  '結果',
  '否認',
  '備考',
  '改修範囲を精査のうえ再申請すること',
];

export const KAWASAKI_CIRCULATION_ABSENT = ['場所', '出席者', '欠席者', '会議は成立'];

export const KAWASAKI_FOOTER = ['川崎市 福祉総合情報システム運用管理会議', '事務局：健康福祉局総務部企画課', '根拠：KWW-5-1、KWW-12-2'];

/** Markdown numbers the items as an ordered list: （１）title becomes 1. title. */
export function forMarkdown(expected: readonly string[]): string[] {
  return expected.map((e) => e.replace(/^（([０-９]+)）/, (_, digits: string) => `${digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))}. `));
}
