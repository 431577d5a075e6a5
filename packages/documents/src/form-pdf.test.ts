import { formatWareki } from '@tsukasa/domain';
import { testCalendar } from '@tsukasa/domain/testing';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINATO_FORMS, minatoForm, minatoFormsOfKind, renderFormPdf, type FormApproval, type PrescribedForm } from './index.ts';
import { expectInOrder } from './testing/expectations.ts';

const cal = testCalendar();
const filedOn = cal.day(-10);
const decidedAt = cal.at(cal.day(-8), '14:30');

function western(date: Date | string): string {
  const both = formatWareki(date, { withWestern: true });
  return both.slice(formatWareki(date).length);
}

/** A form of MNT filled as the gateway fills it: the definition, an applicant, content and one decided box. */
function sample(number: number): PrescribedForm {
  const def = minatoForm(number)!;
  const approvals: FormApproval[] = [
    { role: '保健福祉課長', step: '使用の妥当性の判断', decision: '承認', decidedBy: '佐藤 一郎', onBehalfOf: null, decidedAt },
    { role: '保健福祉課長', step: 'ユーザの追加', decision: null, decidedBy: null, decidedAt: null },
  ];
  return {
    municipalityName: '港区',
    rulebookTitle: '福祉総合システム運用要領',
    formNumber: def.formNumber,
    article: def.article,
    title: def.title,
    number: `R8-00${10 + number}`,
    date: cal.at(filedOn, '09:15'),
    addressee: def.addressee ?? '',
    applicant: { section: '芝地区総合支所区民課', title: '芝地区総合支所区民課長', name: '山本 花子' },
    applicantLabel: def.applicantLabel,
    lead: def.lead,
    entries: [
      { label: '職員', values: ['田中 次郎'] },
      { label: '使用開始日', values: [formatWareki(cal.day(1), { withWestern: true })] },
    ],
    table:
      number === 3
        ? {
            caption: '更新内容（追加・削除）',
            columns: ['区分', '職員', '操作権限', '使用期限'],
            rows: [
              ['追加', '田中 次郎', '窓口担当', ''],
              ['削除', '鈴木 三郎', '', ''],
            ],
          }
        : null,
    approvals,
    ruleIds: [...def.ruleIds],
  };
}

async function textOf(form: PrescribedForm): Promise<{ buffer: Buffer; text: string; pages: string[] }> {
  const buffer = await renderFormPdf(form);
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  return { buffer, text: pages.join('\n'), pages };
}

describe('the forms of MNT (様式)', () => {
  it('names each form as the articles do, with the article that prescribes it', () => {
    expect(MINATO_FORMS.map((f) => `${f.formNumber} ${f.title}`)).toEqual([
      // MNT-10-1
      '第1号様式 福祉総合システム使用許可申請書',
      // MNT-11-1
      '第2号様式 福祉総合システム使用終了通知書',
      // MNT-12-1
      '第3号様式 福祉総合システムユーザ更新申請書',
      // MNT-14-1 prescribes 第4号様式; MNT-14-3 names the list it is entered in
      '第4号様式 福祉総合システム作業依頼一覧',
      // MNT-14-4
      '第5号様式 福祉総合システム作業確認票',
      // MNT-17-2
      '第6号様式 福祉総合システムアクセス権限更新申請書',
      // MNT-18-2
      '第7号様式 福祉総合システムライセンス数更新申請書',
      // MNT-22-3
      '第8号様式 福祉総合システム障害等対応連絡票',
    ]);
    expect(minatoFormsOfKind('work_request').map((f) => f.formNumber)).toEqual(['第4号様式', '第5号様式']);
    expect(minatoFormsOfKind('user_addition').map((f) => f.formNumber)).toEqual(['第1号様式']);
    expect(minatoFormsOfKind('password_reset')).toEqual([]);
  });

  describe.each(MINATO_FORMS.map((f) => [f.formNumber, f.number] as const))('%s', (_label, number) => {
    let opened: { buffer: Buffer; text: string; pages: string[] };
    const form = sample(number);

    beforeAll(async () => {
      opened = await textOf(form);
    });

    it('is a PDF with the Japanese font embedded', () => {
      expect(opened.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(opened.buffer.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
      expect(opened.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/);
    });

    it('prints the number, title, date in 和暦 and Western, applicant, content, approvals and rule IDs', () => {
      const def = minatoForm(number)!;
      expectInOrder(opened.text, [
        `${def.formNumber}（${def.article}）`,
        formatWareki(filedOn),
        western(filedOn),
        form.number,
        def.title,
        ...(def.addressee ? [`${def.addressee}　様`] : []),
        def.applicantLabel,
        '港区　芝地区総合支所区民課',
        '氏名　山本 花子',
        def.lead,
        '記',
        '職員',
        '田中 次郎',
        '使用開始日',
        formatWareki(cal.day(1), { withWestern: true }),
        ...(number === 3 ? ['更新内容（追加・削除）', '区分', '追加', '田中 次郎', '窓口担当', '削除', '鈴木 三郎'] : []),
        '決裁欄',
        '保健福祉課長',
        '使用の妥当性の判断',
        // The seal-like mark: decision, short date, family name.
        '承認',
        '佐藤',
        `保健福祉課長（使用の妥当性の判断）　承認　佐藤 一郎　${formatWareki(decidedAt, { withWestern: true })}`,
        '保健福祉課長（ユーザの追加）　未決',
        `港区 福祉総合システム運用要領 ${def.formNumber}　根拠: ${def.ruleIds.join(', ')}`,
        '- 1 -',
      ]);
    });
  });

  it('marks a deputy’s decision and a refusal', async () => {
    const form = sample(6);
    form.approvals = [
      { role: '保健福祉課長', step: '権限の妥当性の判断', decision: '差戻し', negative: true, decidedBy: '高橋 健', onBehalfOf: '佐藤 一郎', decidedAt },
    ];
    const { text } = await textOf(form);
    expectInOrder(text, [
      '差戻し',
      '高橋',
      `保健福祉課長（権限の妥当性の判断）　差戻し　高橋 健（佐藤 一郎の代理）　${formatWareki(decidedAt, { withWestern: true })}`,
    ]);
  });
});
