import { describe, expect, it } from 'vitest';
import { BADGE_KINDS, labelKeyOf, toneOf } from './badge-tones.ts';

describe('badge tones', () => {
  it('gives each known value its tone and label key', () => {
    expect(toneOf(BADGE_KINDS.grant, 'PARTLY_APPROVED')).toBe('warning');
    expect(labelKeyOf(BADGE_KINDS.grant, 'PARTLY_APPROVED')).toBe('grant.state.PARTLY_APPROVED');
    expect(toneOf(BADGE_KINDS.incident, 'CONFIRMED')).toBe('success');
  });

  it('knows nothing of a value it does not list', () => {
    expect(toneOf(BADGE_KINDS.request, 'someday')).toBeNull();
    expect(labelKeyOf(BADGE_KINDS.request, 'someday')).toBeNull();
  });

  it('lists every value once in a kind', () => {
    for (const kind of Object.values(BADGE_KINDS)) {
      const values = Object.values(kind.tones).flat();
      expect(new Set(values).size).toBe(values.length);
    }
  });
});
