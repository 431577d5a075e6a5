import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from './index.ts';
import type { MeetingDocument } from './meeting-document.types.ts';
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
} from './testing/expectations.ts';

interface OpenedPdf {
  buffer: Buffer;
  pages: string[];
  text: string;
  /** [width, height] of each page in points. */
  sizes: [number, number][];
  title: unknown;
}

async function openPdf(doc: MeetingDocument): Promise<OpenedPdf> {
  const buffer = await renderPdf(doc);
  // pdf.js takes ownership of the array it is given; hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  const sizes: [number, number][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const { width, height } = (await pdf.getPage(i)).getViewport({ scale: 1 });
    sizes.push([width, height]);
  }
  const { info } = await pdf.getMetadata();
  const title = (info as Record<string, unknown>)['Title'];
  return { buffer, pages, text: pages.join('\n'), sizes, title };
}

const A4 = [595.28, 841.89];

describe('renderPdf', () => {
  let agenda: OpenedPdf;
  let minutes: OpenedPdf;
  let circulation: OpenedPdf;

  beforeAll(async () => {
    agenda = await openPdf(arakawaAgenda);
    minutes = await openPdf(arakawaMinutes);
    circulation = await openPdf(kawasakiCirculationMinutes);
  });

  it('writes a PDF on A4 pages', () => {
    for (const opened of [agenda, minutes, circulation]) {
      expect(opened.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(opened.sizes.length).toBeGreaterThanOrEqual(1);
      for (const [w, h] of opened.sizes) {
        expect(w).toBeCloseTo(A4[0] ?? 0, 1);
        expect(h).toBeCloseTo(A4[1] ?? 0, 1);
      }
    }
    expect(agenda.title).toBe('令和8年度第3回 電子情報システム運営委員会 次第');
  });

  it('embeds a subset of the Japanese font, so the file stays small', () => {
    const raw = minutes.buffer.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
    expect(minutes.buffer.length).toBeLessThan(250_000);
  });

  it('extracts as Japanese text, not mojibake', () => {
    expect(agenda.pages[0]).toContain('電子情報システム運営委員会');
    expect(agenda.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/);
  });

  it('contains the agenda', () => {
    expectInOrder(agenda.text, ARAKAWA_AGENDA_CONTENT);
    expectAbsent(agenda.text, ARAKAWA_AGENDA_ABSENT);
  });

  it('contains the minutes with attendance, quorum and decisions', () => {
    expectInOrder(minutes.text, ARAKAWA_MINUTES_CONTENT);
    expectAbsent(minutes.text, ARAKAWA_MINUTES_ABSENT);
  });

  it('contains the decision by circulation', () => {
    expectInOrder(circulation.text, KAWASAKI_CIRCULATION_CONTENT);
    expectAbsent(circulation.text, KAWASAKI_CIRCULATION_ABSENT);
  });

  it('prints the footer line and the page number on every page', () => {
    for (const [opened, footer] of [
      [agenda, ARAKAWA_FOOTER],
      [minutes, ARAKAWA_FOOTER],
      [circulation, KAWASAKI_FOOTER],
    ] as const) {
      opened.pages.forEach((page, i) => {
        expectInOrder(page, [...footer, `- ${i + 1} -`]);
      });
    }
    expect(minutes.pages.length).toBe(2);
  });
});
