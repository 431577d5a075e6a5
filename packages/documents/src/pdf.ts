// PDF rendering of a meeting paper with pdfkit: A4 portrait, Noto Sans JP embedded as a subset, the footer
// line and the page number at the foot of every page.

import { BOLD, MM, pageFooters, REGULAR, renderA4, type Pdf } from './pdf-base.ts';
import { buildLayout, type LabeledLines } from './layout.ts';
import type { MeetingDocument } from './meeting-document.types.ts';

const BODY_SIZE = 10.5;
const TITLE_SIZE = 16;
const LINE_GAP = 3;
/** One full-width character at the body size. */
const EM = BODY_SIZE;

class PaperWriter {
  readonly left: number;
  readonly width: number;

  constructor(private readonly pdf: Pdf) {
    this.left = pdf.page.margins.left;
    this.width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  }

  private lineHeight(): number {
    return this.pdf.currentLineHeight(true) + LINE_GAP;
  }

  /** Starts a new page unless `lines` more lines fit on this one. */
  private ensureSpace(lines: number): void {
    const bottom = this.pdf.page.height - this.pdf.page.margins.bottom;
    if (this.pdf.y + lines * this.lineHeight() > bottom) this.pdf.addPage();
  }

  title(text: string): void {
    this.pdf.font(BOLD).fontSize(TITLE_SIZE).text(text, this.left, this.pdf.y, { width: this.width, align: 'center' });
    this.pdf.moveDown(1.2);
  }

  /** A heading kept on one page with the `keepLines` lines that follow it (at least two). */
  heading(text: string, indentEm = 0, keepLines = 2): void {
    this.pdf.font(BOLD).fontSize(BODY_SIZE);
    this.ensureSpace(Math.min(Math.max(keepLines, 2), 15) + 1.5);
    this.pdf.moveDown(0.5);
    this.pdf.text(text, this.left + indentEm * EM, this.pdf.y, { width: this.width - indentEm * EM, lineGap: LINE_GAP });
  }

  paragraph(text: string, indentEm = 0): void {
    this.pdf.font(REGULAR).fontSize(BODY_SIZE);
    this.ensureSpace(1);
    this.pdf.text(text, this.left + indentEm * EM, this.pdf.y, { width: this.width - indentEm * EM, lineGap: LINE_GAP });
  }

  /** Label in a column `labelEm` characters wide, the values beside it one a line. */
  labeled(line: LabeledLines, indentEm: number, labelEm: number): void {
    this.pdf.font(REGULAR).fontSize(BODY_SIZE);
    this.ensureSpace(1);
    const y = this.pdf.y;
    const x = this.left + indentEm * EM;
    const labelWidth = labelEm * EM;
    this.pdf.text(line.label, x, y, { width: labelWidth, lineBreak: false, lineGap: LINE_GAP });
    this.pdf.text(line.values.join('\n'), x + labelWidth, y, { width: this.width - (indentEm + labelEm) * EM, lineGap: LINE_GAP });
  }

  /** The footer line and page number on every page; call when the content is complete. */
  footers(text: string): void {
    pageFooters(this.pdf, this.left, this.width, text);
  }
}

export function renderPdf(doc: MeetingDocument): Promise<Buffer> {
  const layout = buildLayout(doc);
  return renderA4(
    {
      margins: { top: 30 * MM, bottom: 30 * MM, left: 25 * MM, right: 25 * MM },
      info: { Title: layout.title, Author: `${doc.municipalityName} ${doc.secretariat}`, Subject: doc.committeeName },
    },
    (pdf) => {
      const w = new PaperWriter(pdf);

      w.title(layout.title);
      for (const field of layout.fields) w.labeled(field, 0, 5);

      w.heading(layout.attendanceHeading);
      for (const group of layout.attendance) w.labeled(group, 1, 7);
      if (layout.absence) {
        w.heading(layout.absence.label);
        for (const v of layout.absence.values) w.paragraph(v, 1);
      }
      if (layout.quorum) {
        w.heading(layout.quorum.label);
        for (const v of layout.quorum.values) w.paragraph(v, 1);
      }

      w.heading(layout.agendaHeading);
      for (const group of layout.groups) {
        const detailLines = (item: (typeof group.items)[number]) => item.details.reduce((n, d) => n + d.values.length, 0);
        const first = group.items[0];
        w.heading(group.heading, 1, first ? 1.5 + detailLines(first) : 2);
        for (const item of group.items) {
          // Keep a short item (heading and detail lines) on one page.
          w.heading(item.heading, 2, detailLines(item));
          for (const d of item.details) w.labeled(d, 4, 5);
        }
      }

      if (layout.notes.length > 0) {
        w.heading(layout.notesHeading);
        for (const note of layout.notes) w.paragraph(note, 1);
      }

      w.footers(layout.footer);
      pdf.end();
    },
  );
}
