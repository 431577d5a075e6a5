import { describe, expect, it } from 'vitest';
import { isConfidentialityThreeOrAbove, validateClassification, validateSystemDraft } from './system.policy.ts';

describe('validateSystemDraft', () => {
  it('requires name, business content and managing section on create, in both languages', () => {
    const errors = validateSystemDraft({ name: ' ', businessContent: '', managingOrgUnitId: null }, 'create');
    expect(errors.map((e) => [e.path.join('.'), e.code])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.businessContent', 'REQUIRED'],
      ['input.managingOrgUnitId', 'REQUIRED'],
    ]);
    expect(errors[0]!.message.ja).toBe('システム名を入力してください。');
    expect(errors[2]!.ruleIds).toEqual(['ARK-4']);
  });

  it('checks only the fields an update carries', () => {
    expect(validateSystemDraft({ businessContent: '税務事務' }, 'update')).toEqual([]);
    expect(validateSystemDraft({ name: '' }, 'update').map((e) => e.code)).toEqual(['REQUIRED']);
  });

  it('counts characters, not UTF-16 units, against the length limit', () => {
    expect(validateSystemDraft({ name: '𠮷'.repeat(200) }, 'update')).toEqual([]);
    expect(validateSystemDraft({ name: '𠮷'.repeat(201) }, 'update').map((e) => e.code)).toEqual(['TOO_LONG']);
  });

  it('refuses control characters and unknown enumerations', () => {
    const codes = validateSystemDraft({ name: 'a\u0000b', managementType: 'cloud', lifecycleStatus: 'gone' }, 'update').map((e) => e.path.at(-1));
    expect(codes).toEqual(['name', 'managementType', 'lifecycleStatus']);
  });

  it('refuses invisible formatting characters, and line breaks in the name but not in the business content', () => {
    const paths = (draft: Parameters<typeof validateSystemDraft>[0]) => validateSystemDraft(draft, 'update').map((e) => e.path.at(-1));
    expect(paths({ name: 'abc\u202Egnp.exe' })).toEqual(['name']);
    expect(paths({ name: '住民\n記録' })).toEqual(['name']);
    expect(paths({ businessContent: '住民記録\u200B' })).toEqual(['businessContent']);
    expect(paths({ name: '住民記録システム', businessContent: '住民異動\n\t証明書発行' })).toEqual([]);
  });
});

describe('validateClassification', () => {
  it('follows the municipality scale', () => {
    expect(validateClassification('guideline_2024', { confidentiality: '3A', integrity: '2', availability: '1' })).toEqual([]);
    expect(validateClassification('guideline_2024', { confidentiality: '3', integrity: '2', availability: '1' })[0]!.ruleIds).toEqual(['ARK-26-2-2']);
    expect(validateClassification('legacy_3_2_1', { confidentiality: '3', integrity: '3', availability: '1' }).map((e) => e.path.at(-1))).toEqual([
      'integrity',
    ]);
  });

  it('knows 機密性3 and above', () => {
    expect(['3A', '3B', '3C', '3'].every(isConfidentialityThreeOrAbove)).toBe(true);
    expect(isConfidentialityThreeOrAbove('2')).toBe(false);
  });
});
