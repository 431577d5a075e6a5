// The traceability matrix (規程対応表) through the API: each rule of the viewer's rulebooks with its
// class, reason and the request kinds citing it, and the counts the domain computes.
import { coverageSummary, ruleIdsOf, type RulebookId } from '@tsukasa/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../testing/harness.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway(inject('pgAdminUrl'));
});
afterAll(() => gw.stop());

const COVERAGE = `{ rulebooks { id
  coverageSummary { counts { class count } behaviour executedOrRecorded executedOrRecordedPercent }
  coverage { ruleId level articleNumber caption captionEn text class reason requestKinds { key name { ja en } } } } }`;

interface Row {
  ruleId: string;
  level: string;
  articleNumber: string;
  caption: string;
  captionEn: string;
  text: string;
  class: string;
  reason: string | null;
  requestKinds: { key: string; name: { ja: string; en: string } }[];
}
interface Book {
  id: string;
  coverageSummary: { counts: { class: string; count: number }[]; behaviour: number; executedOrRecorded: number; executedOrRecordedPercent: number | null };
  coverage: Row[];
}

async function books(municipality: string): Promise<Book[]> {
  const token = await gw.signIn(municipality);
  const r = await gw.gql<{ rulebooks: Book[] }>(COVERAGE, {}, { token });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!.rulebooks;
}

describe('rule coverage of the viewer’s rulebooks', () => {
  it('lists every rule of each own rulebook in order, with the domain’s counts', async () => {
    const kawasaki = await books('kawasaki');
    expect(kawasaki.map((b) => b.id).sort()).toEqual(['KWO', 'KWW']);
    for (const book of kawasaki) {
      const ids = ruleIdsOf(book.id as RulebookId);
      expect(book.coverage.map((r) => r.ruleId)).toEqual(ids);
      const domain = coverageSummary(ids);
      expect(book.coverageSummary).toEqual({
        counts: Object.entries(domain.counts).map(([c, count]) => ({ class: c.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase(), count })),
        behaviour: domain.behaviour,
        executedOrRecorded: domain.executedOrRecorded,
        executedOrRecordedPercent: domain.executedOrRecordedPercent,
      });
      const total = book.coverageSummary.counts.reduce((n, c) => n + c.count, 0);
      expect(total).toBe(book.coverage.length);
      expect(book.coverageSummary.executedOrRecordedPercent).toBeGreaterThan(0);
    }
  });

  it('gives each rule its class, a reason where no software acts on it, and the request kinds citing it', async () => {
    const kwo = (await books('kawasaki')).find((b) => b.id === 'KWO')!.coverage;
    const row = (id: string) => kwo.find((r) => r.ruleId === id)!;
    expect(row('KWO-6-1')).toMatchObject({
      level: 'paragraph',
      articleNumber: '第6条',
      class: 'EXECUTED',
      reason: null,
      requestKinds: [{ key: 'user_addition', name: { ja: expect.any(String), en: expect.any(String) } }],
    });
    expect(row('KWO-6-1').text.length).toBeGreaterThan(0);
    expect(row('KWO-6')).toMatchObject({ level: 'article', class: 'BY_PARTS', requestKinds: [{ key: 'user_addition' }] });
    expect(row('KWO-1-1')).toMatchObject({ class: 'PURPOSE', reason: null, requestKinds: [] });
    expect(row('KWO-5-5').class).toBe('NOT_SOFTWARE');
    expect(row('KWO-5-5').reason).toMatch(/outside this product/);
    expect(kwo.filter((r) => r.class === 'NOT_SOFTWARE').every((r) => r.reason)).toBe(true);
    expect(kwo.filter((r) => r.class !== 'NOT_SOFTWARE').every((r) => r.reason === null)).toBe(true);
  });

  it('shows a municipality its own rulebooks only, its request kinds linked under them', async () => {
    const minato = await books('minato');
    expect(minato.map((b) => b.id)).toEqual(['MNT']);
    const mnt = minato[0]!.coverage;
    expect(mnt.every((r) => r.ruleId.startsWith('MNT-'))).toBe(true);
    expect(mnt.find((r) => r.ruleId === 'MNT-10-1')!.requestKinds.map((k) => k.key)).toEqual(['user_addition']);
    expect(mnt.find((r) => r.ruleId === 'MNT-13-1')!.requestKinds.map((k) => k.key)).toEqual(['system_modification']);
  });
});
