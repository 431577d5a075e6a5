import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ja } from './ja.ts';
import { pluralForm } from './plural.ts';

describe('English counts', () => {
  it('picks the singular for one and the plural otherwise, from a number or a formatted count', () => {
    expect(pluralForm(en['systems.count'], { count: 1 })).toBe('{count} system');
    expect(pluralForm(en['systems.count'], { count: '1' })).toBe('{count} system');
    expect(pluralForm(en['systems.count'], { count: '1,741' })).toBe('{count} systems');
    expect(pluralForm(en['systems.count'], { count: 0 })).toBe('{count} systems');
    expect(pluralForm(en['staff.count'], { count: 1 })).toBe('{count} person');
  });

  it('leaves messages without both forms, and every Japanese message, as they are', () => {
    expect(pluralForm(ja['systems.count'], { count: 1 })).toBe(ja['systems.count']);
    expect(Object.values(ja).filter((message) => message.includes('|'))).toEqual([]);
  });
});
