import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './index.ts';
import { arakawaAgenda, arakawaMinutes, kawasakiCirculationMinutes } from './samples.ts';
import {
  ARAKAWA_AGENDA_ABSENT,
  ARAKAWA_AGENDA_CONTENT,
  ARAKAWA_FOOTER,
  ARAKAWA_MINUTES_ABSENT,
  ARAKAWA_MINUTES_CONTENT,
  KAWASAKI_CIRCULATION_ABSENT,
  KAWASAKI_CIRCULATION_CONTENT,
  KAWASAKI_FOOTER,
  expectAbsent,
  expectInOrder,
  forMarkdown,
} from './testing/expectations.ts';

describe('renderMarkdown', () => {
  it('renders the agenda as headings and numbered items', () => {
    const md = renderMarkdown(arakawaAgenda);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 令和8年度第3回 電子情報システム運営委員会 次第');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## 出席者', '## 議題', '## 備考']);
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(['### １　審議事項', '### ２　報告事項']);
    expect(lines.filter((l) => /^\d+\. /.test(l))).toEqual([
      '1. 新規導入等申請「福祉総合相談システム」の導入について（R8-0012）',
      '2. 変更申請「住民記録システム」のガバメントクラウド移行について（R8-0015）',
      '3. 庁内ネットワーク機器の更新について（R8-0018）',
      '4. 令和8年度情報セキュリティ内部監査の結果について',
    ]);
    expect(md).toContain('- 日時：令和8年12月10日（木）午前10時00分〜午前11時30分　（2026年12月10日）\n- 場所：荒川区役所本庁舎4階 庁議室\n');
    expect(md).toContain(
      '1. 新規導入等申請「福祉総合相談システム」の導入について（R8-0012）\n' +
        '   - 説明者：福祉部福祉推進課長\n' +
        '   - 資料：資料1　新規導入等申請書（R8-0012）、資料2　福祉総合相談システム概要書\n' +
        '   - 根拠：ARK-12-4、ARK-16-1-2\n',
    );
    expect(md).toContain('- 委員長\n  - 総務企画部長　西川 達也\n- 委員\n  - 総務企画部総務企画課長　大野 修\n');
    expectInOrder(md, [...forMarkdown(ARAKAWA_AGENDA_CONTENT), '---', ...ARAKAWA_FOOTER]);
    expectAbsent(md, ARAKAWA_AGENDA_ABSENT);
  });

  it('renders the minutes with absentees, quorum and decisions', () => {
    const md = renderMarkdown(arakawaMinutes);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 令和8年度第3回 電子情報システム運営委員会 会議録');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## 出席者', '## 欠席者', '## 定足数', '## 議題', '## 備考']);
    expect(md).toContain('## 定足数\n\n委員6名中5名出席（過半数4名）により会議は成立（ARK-19-1）\n');
    expect(md).toContain('   - 結果：条件付き承認（条件：稼働前に特定個人情報保護評価の完了を委員会に報告すること）\n   - 反対意見：管理部経理課長\n');
    expect(md).toContain('   - 結果：継続審議\n   - 備考：移行経費の比較資料を添えて次回再審議とする\n');
    expectInOrder(md, [...forMarkdown(ARAKAWA_MINUTES_CONTENT), ...ARAKAWA_FOOTER]);
    expectAbsent(md, ARAKAWA_MINUTES_ABSENT);
  });

  it('renders a decision by circulation without a place', () => {
    const md = renderMarkdown(kawasakiCirculationMinutes);
    expect(md).toContain('- 方法：持回りにより決定（KWW-12-2）\n');
    expectInOrder(md, [...forMarkdown(KAWASAKI_CIRCULATION_CONTENT), ...KAWASAKI_FOOTER]);
    expectAbsent(md, KAWASAKI_CIRCULATION_ABSENT);
  });

  it('escapes Markdown in the data', () => {
    const md = renderMarkdown({ ...arakawaAgenda, place: '第1会議室 *仮* [別館]', notes: ['1. 注意', '# 見出しではない'] });
    expect(md).toContain('- 場所：第1会議室 \\*仮\\* \\[別館\\]');
    expect(md).toContain('- 1\\. 注意');
    expect(md).toContain('- \\# 見出しではない');
  });
});
