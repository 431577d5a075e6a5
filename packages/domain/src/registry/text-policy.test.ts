import { describe, expect, it } from 'vitest';
import { refusedCharacter, textError } from './text-policy.ts';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('what user-entered text may contain', () => {
  it('refuses bidirectional overrides, embeddings and isolates: "abc\\u202Egnp.exe" may not pass for abcexe.png', () => {
    expect(refusedCharacter('abc\u202Egnp.exe', 'line')).toBe('U+202E');
    for (let cp = 0x202a; cp <= 0x202e; cp++) expect(refusedCharacter(`名前${String.fromCodePoint(cp)}`, 'multiline'), hex(cp)).toBe(hex(cp));
    for (let cp = 0x2066; cp <= 0x2069; cp++) expect(refusedCharacter(String.fromCodePoint(cp), 'multiline'), hex(cp)).toBe(hex(cp));
  });

  it('refuses invisible formatting characters, separators, unpaired surrogates and control characters', () => {
    const invisible = [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x061c, 0x2028, 0x2029, 0xe0041];
    for (const cp of invisible) expect(refusedCharacter(`a${String.fromCodePoint(cp)}b`, 'multiline'), hex(cp)).toBe(hex(cp));
    for (let cp = 0; cp <= 0x9f; cp++) {
      if (cp >= 0x20 && cp < 0x7f) continue;
      const multiline = [0x09, 0x0a, 0x0d].includes(cp) ? null : hex(cp);
      expect(refusedCharacter(`a${String.fromCodePoint(cp)}b`, 'line'), hex(cp)).toBe(hex(cp));
      expect(refusedCharacter(`a${String.fromCodePoint(cp)}b`, 'multiline'), hex(cp)).toBe(multiline);
    }
    expect(refusedCharacter('a\uD800b', 'multiline')).toBe('U+D800');
    expect(refusedCharacter('a\uDC00', 'line')).toBe('U+DC00');
  });

  it('accepts Japanese text, emoji, 異体字 (variation selectors) and 外字 (private use)', () => {
    for (const text of [
      '電子情報システム管理運営規程 第12条第2項',
      '葛\u{E0100}飾区',
      '辻\u{E0101}',
      '\u{E000}外字',
      '𠮷野家',
      'Ａｂｃ　１２３',
      'café ✓ 🙂',
      '①〜⑳',
    ]) {
      expect(refusedCharacter(text, 'line'), text).toBeNull();
    }
    expect(refusedCharacter('一行目\n二行目\r\n\t三行目', 'multiline')).toBeNull();
  });

  it('says what is wrong, in both languages, at the path', () => {
    expect(textError(['input', 'name'], 'a\nb', 'line')).toMatchObject({
      path: ['input', 'name'],
      code: 'INVALID_VALUE',
      message: { ja: '改行やタブは入力できません。' },
    });
    expect(textError(['input', 'purpose'], 'a\u200Bb', 'multiline', { en: 'Purpose', ja: '利用目的' })).toMatchObject({
      message: { en: expect.stringMatching(/^Purpose: .*U\+200B/), ja: expect.stringMatching(/^利用目的：.*U\+200B/) },
    });
    expect(textError(['x'], 'ok', 'line')).toBeNull();
  });
});
