// What every printed paper shares: an A4 pdfkit document with Noto Sans JP embedded as a subset, written
// into a Buffer, and the footer line with the page number at the foot of every page.

import PDFDocument from 'pdfkit';
import { fontData } from './fonts.ts';

export type Pdf = InstanceType<typeof PDFDocument>;

export const REGULAR = 'NotoSansJP-Regular';
export const BOLD = 'NotoSansJP-Bold';
export const MM = 72 / 25.4;
export const FOOTER_SIZE = 8;

export interface A4Options {
  margins: { top: number; bottom: number; left: number; right: number };
  info: { Title: string; Author: string; Subject: string };
}

/** An A4 paper written by `write` (which must call pdf.end()), as the bytes of its PDF. */
export function renderA4({ margins, info }: A4Options, write: (pdf: Pdf) => void): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margins, bufferPages: true, lang: 'ja-JP', displayTitle: true, info: { ...info, Creator: 'Tsukasa' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  try {
    pdf.registerFont(REGULAR, fontData('regular'));
    pdf.registerFont(BOLD, fontData('bold'));
    write(pdf);
  } catch (err) {
    pdf.destroy(err instanceof Error ? err : new Error(String(err)));
  }
  return done;
}

/** The footer line and page number on every page of `pdf`; call when the content is complete. */
export function pageFooters(pdf: Pdf, left: number, width: number, text: string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    const bottomMargin = page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    page.margins.bottom = 0;
    const top = page.height - bottomMargin + 6 * MM;
    pdf
      .moveTo(left, top)
      .lineTo(left + width, top)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    pdf.font(REGULAR).fontSize(FOOTER_SIZE).fillColor('#000000');
    pdf.text(text, left, top + 4, { width, align: 'center' });
    pdf.text(`- ${i - range.start + 1} -`, left, pdf.y + 2, { width, align: 'center' });
    page.margins.bottom = bottomMargin;
  }
}
