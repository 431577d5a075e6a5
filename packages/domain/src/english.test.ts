import { describe, expect, it } from 'vitest';
import { countOf, listOf } from './english.ts';

describe('English counts', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(countOf(1, 'system')).toBe('1 system');
    expect(countOf(0, 'system')).toBe('0 systems');
    expect(countOf(1741, 'municipality', 'municipalities')).toBe('1,741 municipalities');
    expect(countOf(1, 'staff', 'staff')).toBe('1 staff');
    expect(listOf([countOf(1, 'system'), countOf(245, 'staff', 'staff'), countOf(2, 'other record')])).toBe('1 system, 245 staff and 2 other records');
    expect(listOf(['3 events'])).toBe('3 events');
  });
});
