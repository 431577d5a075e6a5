// The Japanese font embedded in the PDFs: Noto Sans JP (SIL Open Font License) from an npm package, so the
// output does not depend on the fonts installed on the machine. The files are full TrueType fonts; pdfkit
// embeds only the subset of glyphs a document uses, with a ToUnicode map so the text can be searched and copied.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const cache = new Map<FontWeight, Buffer>();

export function fontPath(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

/** The font file's bytes, read once per process (each is about 5.5 MB). */
export function fontData(weight: FontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(fontPath(weight));
    cache.set(weight, data);
  }
  return data;
}
