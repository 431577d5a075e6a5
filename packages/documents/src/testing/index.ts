// For other packages' tests: the text of a PDF as a reader would copy it, and the in-order check the
// document tests use.
import { extractText, getDocumentProxy } from 'unpdf';

export { expectInOrder, expectAbsent, normalize } from './expectations.ts';

/** The text of each page of a PDF. */
export async function pdfPages(pdf: Uint8Array | Buffer): Promise<string[]> {
  // pdf.js takes ownership of the array it is given; hand it a copy.
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text;
}
