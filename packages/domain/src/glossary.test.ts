import { describe, it, expect } from 'vitest';
import { glossary, glossaryEntry, toEnglish } from './glossary.ts';
import { rulebookIds, rulebooks } from './rulebooks/index.ts';

describe('glossary', () => {
  it('has no duplicate Japanese terms and no empty names', () => {
    const ja = glossary.map((e) => e.ja);
    expect(new Set(ja).size).toBe(ja.length);
    for (const e of glossary) {
      expect(e.ja.trim()).toBe(e.ja);
      expect(e.ja).not.toBe('');
      expect(e.en).not.toBe('');
    }
    expect(glossary.length).toBeGreaterThanOrEqual(60);
  });

  it('fixes the English names of the core terms', () => {
    const expected: Record<string, string> = {
      情報統括責任者: 'Chief Information Officer',
      情報管理責任者: 'information owner',
      電子情報システム: 'system',
      情報資産: 'information asset',
      申請: 'request',
      様式: 'form',
      運営委員会: 'steering committee',
      セキュリティ委員会: 'security committee',
      定例報告会: 'monthly report meeting',
      持回り: 'circulation',
      障害: 'incident',
      継送連絡: 'continuation notice',
      課: 'section',
      部: 'department',
      局: 'department',
      係: 'unit',
      人事異動: 'personnel transfer',
      和暦: 'Japanese era calendar',
    };
    for (const [ja, en] of Object.entries(expected)) expect(toEnglish(ja), ja).toBe(en);
    expect(glossaryEntry('情報統括責任者')?.code).toBe('information_controller');
    expect(toEnglish('部・局')).toBe('department');
    expect(toEnglish('課・係')).toBe('section / unit');
    expect(toEnglish('存在しない用語')).toBeUndefined();
  });

  it('uses role keys that the rulebooks define', () => {
    const roleKeys = new Set(rulebookIds.flatMap((id) => rulebooks[id].roles.map((r) => r.key)));
    for (const id of rulebookIds) {
      for (const role of rulebooks[id].roles) {
        const entry = glossaryEntry(role.name);
        if (entry?.code && /^[a-z_]+$/.test(entry.code) && !['department', 'section', 'unit'].includes(entry.code)) {
          expect(roleKeys.has(entry.code), `${role.name} → ${entry.code}`).toBe(true);
        }
      }
    }
  });
});
