import { describe, expect, it } from 'vitest';
import { withParam } from './list-url.ts';

describe('withParam', () => {
  const url = new URL('https://tsukasa.example/requests?status=RETURNED&kind=k1');

  it('sets a parameter and keeps the others', () => {
    expect(withParam(url, 'status', 'APPROVED')).toBe('/requests?status=APPROVED&kind=k1');
  });

  it('starts the list again at its first page', () => {
    const paged = new URL('https://tsukasa.example/requests?status=RETURNED&prev=&after=c2&size=50');
    expect(withParam(paged, 'kind', 'k1')).toBe('/requests?status=RETURNED&size=50&kind=k1');
  });

  it('removes a parameter set to nothing', () => {
    expect(withParam(url, 'kind', '')).toBe('/requests?status=RETURNED');
    expect(withParam(new URL('https://tsukasa.example/incidents?open=1'), 'open', '')).toBe('/incidents');
  });
});
