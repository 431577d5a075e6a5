// PDF rendering of a prescribed form (様式) with pdfkit: A4 portrait, Noto Sans JP embedded as a subset. The
// form number at the top left, the date in 和暦 (the Western date beneath) at the top right, the title, the
// addressee and the applicant, 記 and the content in ruled rows, then the approval boxes (決裁欄): each box
// has the role at its head and, once decided, a round seal-like mark with the decision, the date and the
// name; the same decisions are listed in words beneath. The rule IDs go in the footer of every page.

import { formatWareki } from '@tsukasa/domain';
import { BOLD, MM, pageFooters, REGULAR, renderA4, type Pdf } from './pdf-base.ts';
import type { FormApproval, PrescribedForm } from './prescribed-form.types.ts';

const BODY_SIZE = 10.5;
const SMALL_SIZE = 8.5;
const TITLE_SIZE = 15;
const CELL_PAD = 2 * MM;
const LABEL_WIDTH = 42 * MM;
const BOX_WIDTH = 32 * MM;
const BOX_HEAD = 11 * MM;
const BOX_BODY = 30 * MM;
const SEAL_RED = '#c8161e';

/** 令和8年12月10日 and （2026年12月10日）, for two lines. */
export function formDateLines(date: Date | string): [string, string] {
  const wareki = formatWareki(date);
  const both = formatWareki(date, { withWestern: true });
  return [wareki, both.startsWith(wareki) ? both.slice(wareki.length) : ''];
}

/** The short date inside a seal: 8.12.10 (era year, month, day), as a date stamp prints it. */
export function sealDate(date: Date | string): string {
  const m = /^(?:令和|平成|昭和|大正|明治)(元|\d+)年(\d+)月(\d+)日$/.exec(formatWareki(date));
  if (!m) return '';
  return `${m[1] === '元' ? '1' : m[1]}.${m[2]}.${m[3]}`;
}

/** The approval in words, as listed beneath the boxes. */
export function approvalLine(a: FormApproval): string {
  const parts = [`${a.role}（${a.step}）`];
  if (!a.decision) {
    parts.push('未決');
    return parts.join('　');
  }
  parts.push(a.decision);
  if (a.decidedBy) parts.push(a.onBehalfOf ? `${a.decidedBy}（${a.onBehalfOf}の代理）` : a.decidedBy);
  if (a.decidedAt) parts.push(formatWareki(a.decidedAt, { withWestern: true }));
  return parts.join('　');
}

export function formFileName(form: Pick<PrescribedForm, 'formNumber' | 'title' | 'number'>): string {
  return `${form.formNumber}_${form.title}_${form.number}.pdf`;
}

export function formFooter(form: Pick<PrescribedForm, 'municipalityName' | 'rulebookTitle' | 'formNumber' | 'ruleIds'>): string {
  return `${form.municipalityName} ${form.rulebookTitle} ${form.formNumber}　根拠: ${form.ruleIds.join(', ')}`;
}

class FormWriter {
  readonly left: number;
  readonly width: number;

  constructor(private readonly pdf: Pdf) {
    this.left = pdf.page.margins.left;
    this.width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  }

  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  private ensure(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  private textHeight(text: string, width: number, font = REGULAR, size = BODY_SIZE): number {
    return this.pdf
      .font(font)
      .fontSize(size)
      .heightOfString(text || ' ', { width });
  }

  head(form: PrescribedForm): void {
    const top = this.pdf.y;
    this.pdf.font(REGULAR).fontSize(BODY_SIZE).fillColor('#000000');
    this.pdf.text(`${form.formNumber}（${form.article}）`, this.left, top, { width: this.width / 2, lineBreak: false });
    const [wareki, western] = formDateLines(form.date);
    this.pdf.text(wareki, this.left + this.width / 2, top, { width: this.width / 2, align: 'right' });
    this.pdf
      .font(REGULAR)
      .fontSize(SMALL_SIZE)
      .text(western, this.left + this.width / 2, this.pdf.y, { width: this.width / 2, align: 'right' });
    this.pdf.text(`番号　${form.number}`, this.left + this.width / 2, this.pdf.y, { width: this.width / 2, align: 'right' });
    this.pdf.moveDown(1.2);
    this.pdf.font(BOLD).fontSize(TITLE_SIZE).text(form.title, this.left, this.pdf.y, { width: this.width, align: 'center' });
    this.pdf.moveDown(1);
  }

  parties(form: PrescribedForm): void {
    this.pdf.font(REGULAR).fontSize(BODY_SIZE);
    if (form.addressee) {
      this.pdf.text(`${form.addressee}　様`, this.left, this.pdf.y, { width: this.width / 2 });
      this.pdf.moveDown(0.6);
    }
    const x = this.left + this.width * 0.45;
    const w = this.width * 0.55 - 14 * MM;
    const lines = [
      `${form.municipalityName}${form.applicant.section ? `　${form.applicant.section}` : ''}`,
      form.applicant.title ?? '',
      `氏名　${form.applicant.name}`,
    ].filter((l) => l !== '');
    const top = this.pdf.y;
    this.pdf.text(form.applicantLabel ?? '申請者', x - 16 * MM, top, { width: 15 * MM, lineBreak: false });
    this.pdf.text(lines.join('\n'), x, top, { width: w });
    const end = this.pdf.y;
    // The applicant's 印: the family name in a small circle, beside the name.
    const family = form.applicant.name.split(/[\s　]/)[0] ?? form.applicant.name;
    this.seal(x + w + 7 * MM, end - 3.5 * MM, 5.5 * MM, [family], false);
    this.pdf.y = end;
    this.pdf.moveDown(0.8);
  }

  lead(text: string): void {
    this.pdf.font(REGULAR).fontSize(BODY_SIZE).fillColor('#000000');
    this.pdf.text(`　${text}`, this.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.6);
    this.pdf.text('記', this.left, this.pdf.y, { width: this.width, align: 'center' });
    this.pdf.moveDown(0.6);
  }

  /** Ruled rows: the label in a shaded column, the value beside it. */
  entries(entries: PrescribedForm['entries']): void {
    const valueWidth = this.width - LABEL_WIDTH - 2 * CELL_PAD;
    for (const e of entries) {
      const value = e.values.length > 0 ? e.values.join('\n') : '';
      const height = Math.max(this.textHeight(e.label, LABEL_WIDTH - 2 * CELL_PAD), this.textHeight(value, valueWidth)) + 2 * CELL_PAD;
      this.ensure(height);
      const y = this.pdf.y;
      this.pdf.rect(this.left, y, LABEL_WIDTH, height).fillAndStroke('#f2f2f2', '#000000');
      this.pdf
        .rect(this.left + LABEL_WIDTH, y, this.width - LABEL_WIDTH, height)
        .lineWidth(0.6)
        .stroke('#000000');
      this.pdf.fillColor('#000000').font(REGULAR).fontSize(BODY_SIZE);
      this.pdf.text(e.label, this.left + CELL_PAD, y + CELL_PAD, { width: LABEL_WIDTH - 2 * CELL_PAD });
      this.pdf.text(value, this.left + LABEL_WIDTH + CELL_PAD, y + CELL_PAD, { width: valueWidth });
      this.pdf.y = y + height;
    }
    this.pdf.x = this.left;
    this.pdf.moveDown(0.6);
  }

  table(table: NonNullable<PrescribedForm['table']>): void {
    const n = table.columns.length;
    if (n === 0) return;
    const colWidth = this.width / n;
    this.pdf.font(BOLD).fontSize(BODY_SIZE).fillColor('#000000');
    this.ensure(3 * BODY_SIZE);
    this.pdf.text(table.caption, this.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.3);
    const row = (cells: string[], font: string, fill: string | null) => {
      const height = Math.max(...cells.map((c) => this.textHeight(c, colWidth - 2 * CELL_PAD, font, SMALL_SIZE + 0.5))) + 2 * CELL_PAD;
      this.ensure(height);
      const y = this.pdf.y;
      cells.forEach((cell, i) => {
        const x = this.left + i * colWidth;
        if (fill) this.pdf.rect(x, y, colWidth, height).fillAndStroke(fill, '#000000');
        else this.pdf.rect(x, y, colWidth, height).lineWidth(0.6).stroke('#000000');
        this.pdf
          .fillColor('#000000')
          .font(font)
          .fontSize(SMALL_SIZE + 0.5);
        this.pdf.text(cell, x + CELL_PAD, y + CELL_PAD, { width: colWidth - 2 * CELL_PAD });
      });
      this.pdf.y = y + height;
    };
    row(table.columns, BOLD, '#f2f2f2');
    for (const cells of table.rows)
      row(
        table.columns.map((_, i) => cells[i] ?? ''),
        REGULAR,
        null,
      );
    this.pdf.x = this.left;
    this.pdf.moveDown(0.8);
  }

  /** A round seal-like mark: red ring, lines of text inside (a crossed ring for a refusal). */
  private seal(cx: number, cy: number, r: number, lines: string[], negative: boolean): void {
    this.pdf.save();
    this.pdf.circle(cx, cy, r).lineWidth(1.2).stroke(SEAL_RED);
    if (negative) {
      this.pdf
        .moveTo(cx - r * 0.7, cy - r * 0.7)
        .lineTo(cx + r * 0.7, cy + r * 0.7)
        .lineWidth(0.6)
        .stroke(SEAL_RED);
    }
    const sizes = lines.length === 1 ? [Math.min(r * 0.7, BODY_SIZE)] : lines.map((_, i) => (i === 1 ? SMALL_SIZE - 1 : SMALL_SIZE));
    const heights = sizes.map((s) => s * 1.35);
    let y = cy - heights.reduce((a, b) => a + b, 0) / 2;
    lines.forEach((line, i) => {
      const size = sizes[i] ?? SMALL_SIZE;
      this.pdf
        .font(i === 0 || lines.length === 1 ? BOLD : REGULAR)
        .fontSize(size)
        .fillColor(SEAL_RED);
      this.pdf.text(line, cx - r, y, { width: 2 * r, align: 'center', lineBreak: false });
      y += heights[i] ?? size;
    });
    this.pdf.restore();
    this.pdf.fillColor('#000000');
  }

  /** The approval boxes (決裁欄), laid out right to left as on a Japanese form, wrapping to a new row. */
  approvals(approvals: FormApproval[]): void {
    if (approvals.length === 0) return;
    this.pdf.font(BOLD).fontSize(BODY_SIZE).fillColor('#000000');
    this.ensure(BOX_HEAD + BOX_BODY + 3 * BODY_SIZE);
    this.pdf.text('決裁欄', this.left, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.3);
    const perRow = Math.max(1, Math.floor(this.width / BOX_WIDTH));
    for (let start = 0; start < approvals.length; start += perRow) {
      const group = approvals.slice(start, start + perRow);
      this.ensure(BOX_HEAD + BOX_BODY);
      const y = this.pdf.y;
      group.forEach((a, i) => {
        // The first box at the right edge, the next to its left.
        const x = this.left + this.width - (i + 1) * BOX_WIDTH;
        this.pdf.rect(x, y, BOX_WIDTH, BOX_HEAD).fillAndStroke('#f2f2f2', '#000000');
        this.pdf
          .rect(x, y + BOX_HEAD, BOX_WIDTH, BOX_BODY)
          .lineWidth(0.6)
          .stroke('#000000');
        this.pdf
          .fillColor('#000000')
          .font(REGULAR)
          .fontSize(SMALL_SIZE - 0.5);
        this.pdf.text(`${a.role}\n${a.step}`, x + 1 * MM, y + 1 * MM, {
          width: BOX_WIDTH - 2 * MM,
          height: BOX_HEAD - 1.5 * MM,
          align: 'center',
          ellipsis: true,
        });
        if (a.decision) {
          const family = a.decidedBy ? (a.decidedBy.split(/[\s　]/)[0] ?? a.decidedBy) : '';
          const lines = [a.decision, a.decidedAt ? sealDate(a.decidedAt) : '', family].filter((l) => l !== '');
          this.seal(x + BOX_WIDTH / 2, y + BOX_HEAD + BOX_BODY / 2, 12 * MM, lines, a.negative ?? false);
        }
      });
      this.pdf.y = y + BOX_HEAD + BOX_BODY;
    }
    this.pdf.x = this.left;
    this.pdf.moveDown(0.6);
    this.pdf
      .font(REGULAR)
      .fontSize(SMALL_SIZE + 0.5)
      .fillColor('#000000');
    for (const a of approvals) {
      this.ensure(2 * SMALL_SIZE);
      this.pdf.text(`・${approvalLine(a)}`, this.left, this.pdf.y, { width: this.width });
    }
  }

  footers(text: string): void {
    pageFooters(this.pdf, this.left, this.width, text);
  }
}

export function renderFormPdf(form: PrescribedForm): Promise<Buffer> {
  return renderA4(
    {
      margins: { top: 20 * MM, bottom: 25 * MM, left: 20 * MM, right: 20 * MM },
      info: { Title: `${form.formNumber} ${form.title}`, Author: `${form.municipalityName} ${form.applicant.name}`, Subject: form.rulebookTitle },
    },
    (pdf) => {
      const w = new FormWriter(pdf);
      w.head(form);
      w.parties(form);
      w.lead(form.lead);
      w.entries(form.entries);
      if (form.table) w.table(form.table);
      w.approvals(form.approvals);
      w.footers(formFooter(form));
      pdf.end();
    },
  );
}
