import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

const AGENDA = `# 令和8年度第1回 電子情報システム運営委員会 次第

- 日時：令和8年12月10日（木）午前10時00分〜午前11時30分　（2026年12月10日）
- 場所：本庁舎5階 庁議室

## 出席者

- 委員長
  - 管理部長　荒川 一郎
- 委員
  - 総務企画部総務企画課長　大野 修

## 議題

### １　審議事項

1. 電子情報システムの導入等の申請（電子申請受付システム）［R8-000001］
   - 説明者：デジタル推進課長
   - 資料：資料1-1　申請書、資料1-2　資料
2. 施設予約システム
   - 説明者：デジタル推進課長

## 定足数

委員7名中5名出席（過半数4名）により会議は成立（ARK-19-1）

---

荒川区　電子情報システム運営委員会　庶務：管理部デジタル推進課 \\*注\\*
`;

describe('parseMarkdown', () => {
  it('reads headings, nested lists, numbered items, paragraphs and rules', () => {
    const blocks = parseMarkdown(AGENDA);
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'list',
      'heading',
      'list',
      'heading',
      'heading',
      'list',
      'heading',
      'paragraph',
      'rule',
      'paragraph',
    ]);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, text: '令和8年度第1回 電子情報システム運営委員会 次第' });
    const attendance = blocks[3];
    expect(attendance).toMatchObject({ type: 'list', ordered: false, items: [{ text: '委員長' }, { text: '委員' }] });
    const items = blocks[6];
    if (items?.type !== 'list') throw new Error('not a list');
    expect(items.ordered).toBe(true);
    expect(items.items.map((item) => item.text)).toEqual(['電子情報システムの導入等の申請（電子申請受付システム）［R8-000001］', '施設予約システム']);
    expect(items.items[0]!.children).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          { text: '説明者：デジタル推進課長', children: [] },
          { text: '資料：資料1-1　申請書、資料1-2　資料', children: [] },
        ],
      },
    ]);
    expect(blocks[8]).toEqual({ type: 'paragraph', lines: ['委員7名中5名出席（過半数4名）により会議は成立（ARK-19-1）'] });
    expect(blocks[10]).toEqual({ type: 'paragraph', lines: ['荒川区　電子情報システム運営委員会　庶務：管理部デジタル推進課 *注*'] });
  });

  it('keeps markup in the data as text', () => {
    const blocks = parseMarkdown('- <img src=x onerror=alert(1)>\n- 1\\. 注意\n- \\# 見出しではない');
    expect(blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          { text: '<img src=x onerror=alert(1)>', children: [] },
          { text: '1. 注意', children: [] },
          { text: '# 見出しではない', children: [] },
        ],
      },
    ]);
  });
});
