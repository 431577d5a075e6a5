/** A text shown to people, in both languages the product speaks. */
export type Bilingual = { ja: string; en: string };
