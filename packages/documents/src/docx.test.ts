import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './index.ts';
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

interface OpenedDocx {
  buffer: Buffer;
  files: Record<string, Uint8Array>;
  /** XML of a part. */
  xml(name: string): string;
  /** Text of a part with the tags stripped (tabs and breaks as spaces). */
  text(name: string): string;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

async function openDocx(doc: MeetingDocument): Promise<OpenedDocx> {
  const buffer = await renderDocx(doc);
  const files = unzipSync(new Uint8Array(buffer));
  const xml = (name: string): string => {
    const part = files[name];
    if (!part) throw new Error(`${name} is missing from the DOCX`);
    return strFromU8(part);
  };
  const text = (name: string) =>
    decodeEntities(
      xml(name)
        .replace(/<w:(tab|br)\b[^>]*\/>/g, ' ')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, ''),
    );
  return { buffer, files, xml, text };
}

describe('renderDocx', () => {
  let agenda: OpenedDocx;
  let minutes: OpenedDocx;
  let circulation: OpenedDocx;

  beforeAll(async () => {
    [agenda, minutes, circulation] = await Promise.all([openDocx(arakawaAgenda), openDocx(arakawaMinutes), openDocx(kawasakiCirculationMinutes)]);
  });

  it('writes a Word document (zip with the main parts)', () => {
    expect(agenda.buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Object.keys(agenda.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
  });

  it('uses A4 and a Japanese font for the East Asian text', () => {
    expect(agenda.xml('word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const styles = agenda.xml('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="ＭＳ 明朝"/);
    expect(styles).toContain('w:eastAsia="ja-JP"');
    expect(agenda.xml('docProps/core.xml')).toContain('<dc:title>令和8年度第3回 電子情報システム運営委員会 次第</dc:title>');
  });

  it('centres the title', () => {
    expect(agenda.xml('word/document.xml')).toMatch(
      /<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:jc w:val="center"\/><\/w:pPr><w:r>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">令和8年度第3回 電子情報システム運営委員会 次第<\/w:t>/,
    );
  });

  it('contains the agenda', () => {
    const text = agenda.text('word/document.xml');
    expectInOrder(text, ARAKAWA_AGENDA_CONTENT);
    expectAbsent(text, ARAKAWA_AGENDA_ABSENT);
    expectInOrder(agenda.text('word/footer1.xml'), ARAKAWA_FOOTER);
  });

  it('contains the minutes with attendance, quorum and decisions', () => {
    const text = minutes.text('word/document.xml');
    expectInOrder(text, ARAKAWA_MINUTES_CONTENT);
    expectAbsent(text, ARAKAWA_MINUTES_ABSENT);
    expectInOrder(minutes.text('word/footer1.xml'), ARAKAWA_FOOTER);
    expect(minutes.xml('word/footer1.xml')).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
  });

  it('contains the decision by circulation', () => {
    const text = circulation.text('word/document.xml');
    expectInOrder(text, KAWASAKI_CIRCULATION_CONTENT);
    expectAbsent(text, KAWASAKI_CIRCULATION_ABSENT);
    expectInOrder(circulation.text('word/footer1.xml'), KAWASAKI_FOOTER);
  });
});
