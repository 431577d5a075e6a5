// DOCX rendering of a meeting paper: A4, the body in ＭＳ 明朝 10.5pt and the headings in ＭＳ ゴシック, as
// Word's Japanese defaults and municipal templates have it. The footer line and the page number sit in the
// page footer.

import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import { buildLayout, type LabeledLines } from './layout.ts';
import type { MeetingDocument } from './meeting-document.types.ts';

const MINCHO = 'ＭＳ 明朝';
const GOTHIC = 'ＭＳ ゴシック';
const fontOf = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Twips (1/20 pt). A4 is 210 × 297 mm; Word's Japanese default margins are 35 mm top, 30 mm elsewhere. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1985, bottom: 1701, left: 1701, right: 1701, header: 851, footer: 992 };
/** One full-width character at 10.5 pt. */
const EM = 210;
const BODY_SIZE = 21; // half-points: 10.5 pt
const TITLE_SIZE = 28;

function heading(text: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: level === 1 ? 240 : 120, after: 60 },
    indent: level === 2 ? { left: EM } : undefined,
    children: [new TextRun({ text, bold: true, font: fontOf(GOTHIC) })],
  });
}

/** Label in a column of `labelEm` characters, the values beside it, one a line, wrapped lines aligned. */
function labeled(line: LabeledLines, indentEm: number, labelEm: number): Paragraph {
  const left = (indentEm + labelEm) * EM;
  const children: ParagraphChild[] = [new TextRun({ text: line.label }), new TextRun({ children: [new Tab()] })];
  line.values.forEach((value, i) => children.push(new TextRun({ text: value, break: i > 0 ? 1 : undefined })));
  return new Paragraph({
    tabStops: [{ type: TabStopType.LEFT, position: left }],
    indent: { left, hanging: labelEm * EM },
    spacing: { after: 40 },
    children,
  });
}

function plain(text: string, indentEm = 0): Paragraph {
  return new Paragraph({ indent: { left: indentEm * EM }, spacing: { after: 40 }, children: [new TextRun({ text })] });
}

export async function renderDocx(doc: MeetingDocument): Promise<Buffer> {
  const layout = buildLayout(doc);
  const body: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: layout.title, bold: true, size: TITLE_SIZE, font: fontOf(GOTHIC) })],
    }),
  ];

  for (const field of layout.fields) body.push(labeled(field, 0, 5));

  body.push(heading(layout.attendanceHeading));
  for (const group of layout.attendance) body.push(labeled(group, 1, 7));
  if (layout.absence) {
    body.push(heading(layout.absence.label));
    for (const v of layout.absence.values) body.push(plain(v, 1));
  }
  if (layout.quorum) {
    body.push(heading(layout.quorum.label));
    for (const v of layout.quorum.values) body.push(plain(v, 1));
  }

  body.push(heading(layout.agendaHeading));
  for (const group of layout.groups) {
    body.push(heading(group.heading, 2));
    for (const item of group.items) {
      body.push(
        new Paragraph({ keepNext: true, indent: { left: 2 * EM }, spacing: { before: 80, after: 40 }, children: [new TextRun({ text: item.heading })] }),
      );
      for (const d of item.details) body.push(labeled(d, 4, 5));
    }
  }

  if (layout.notes.length > 0) {
    body.push(heading(layout.notesHeading));
    for (const note of layout.notes) body.push(plain(note, 1));
  }

  const footer = new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: layout.footer, size: 16 })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 16 })] }),
    ],
  });

  const document = new Document({
    title: layout.title,
    creator: `${doc.municipalityName} ${doc.secretariat}`,
    description: `${doc.committeeName} ${layout.title}`,
    styles: {
      default: {
        document: {
          run: { font: fontOf(MINCHO), size: BODY_SIZE, language: { value: 'ja-JP', eastAsia: 'ja-JP' } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
