import { describe, expect, it } from 'vitest';
import { withParam } from './list-url.ts';

describe('withParam', () => {
  const url = new URL('https://tsukasa.example/requests?status=returned&kind=k1');

  it('sets a parameter and keeps the others', () => {
    expect(withParam(url, 'status', 'approved')).toBe('/requests?status=approved&kind=k1');
  });

  it('removes a parameter set to nothing', () => {
    expect(withParam(url, 'kind', '')).toBe('/requests?status=returned');
    expect(withParam(new URL('https://tsukasa.example/incidents?open=1'), 'open', '')).toBe('/incidents');
  });
});
