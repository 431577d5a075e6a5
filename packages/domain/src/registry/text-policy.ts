// What user-entered text may contain (ARK-26-1-1: 不正アクセス — a name must read as what it is).
//
// Refused in every text: control characters (C0 and C1, DEL); invisible formatting characters
// (Unicode category Cf) — the bidirectional embeddings, overrides and isolates U+202A–U+202E and
// U+2066–U+2069 that make "abc\u202Egnp.exe" display as "abcexe.png", the marks U+200E, U+200F and
// U+061C, the zero-width characters U+200B–U+200D, the word joiner and invisible operators
// U+2060–U+2064, the byte-order mark U+FEFF, the soft hyphen, tag characters …; the line and
// paragraph separators U+2028 and U+2029; and unpaired surrogates. Multi-line text (a description,
// a comment, a reason) also takes tab, line feed and carriage return.
//
// Everything else is text, including what Japanese names need: variation selectors (異体字 by
// IVS, U+E0100…) and private-use characters (外字).
import { fieldError, type FieldError } from './field-error.ts';

export type TextKind = 'line' | 'multiline';

const REFUSED: Record<TextKind, RegExp> = {
  line: /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u,
  multiline: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Cs}\u2028\u2029]/u,
};

/** The first character a text of this kind may not contain, as "U+202E" (null: none). */
export function refusedCharacter(text: string, kind: TextKind): string | null {
  const m = REFUSED[kind].exec(text);
  if (!m) return null;
  return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refusal of a text holding `character` (as refusedCharacter names it). */
export function refusedCharacterError(path: (string | number)[], character: string, label?: { en: string; ja: string }): FieldError {
  const [en, ja] = label ? [`${label.en}: `, `${label.ja}：`] : ['', ''];
  if (['U+0009', 'U+000A', 'U+000D'].includes(character)) {
    return fieldError(path, 'INVALID_VALUE', `${en}Line breaks and tabs are not accepted here.`, `${ja}改行やタブは入力できません。`);
  }
  return fieldError(
    path,
    'INVALID_VALUE',
    `${en}Contains a control or invisible formatting character (${character}), which is not accepted: remove it.`,
    `${ja}制御文字または表示されない書式文字（${character}）は使用できません。削除してください。`,
  );
}

/** The refusal of a text at `path` of this kind, or null when it is acceptable. */
export function textError(path: (string | number)[], text: string, kind: TextKind, label?: { en: string; ja: string }): FieldError | null {
  const c = refusedCharacter(text, kind);
  return c ? refusedCharacterError(path, c, label) : null;
}
