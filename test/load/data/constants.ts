// Fixed values of the benchmark dataset: the municipalities' codes, the sign-in password, the rule
// IDs the rows carry and the instants they are dated with (the data is the same whenever it is generated).
import type { RuleId, RulebookId } from '@tsukasa/domain';

export const CITY_CODE = 'bench-city';
export const SMALL_CODE_PREFIX = 'bench-m';
export const BENCH_PASSWORD = 'demo-admin-pass';

// Rule IDs the generated rows carry, by what they record (ARK governs the large city).
export const RULES: Record<'system' | 'account' | 'read' | 'asset' | 'modification' | 'introduction' | 'consultation', RuleId[]> & {
  smallModification: Partial<Record<RulebookId, RuleId[]>>;
} = {
  system: ['ARK-4-1'], // デジタル推進課長 manages the systems (ARK-4-1)
  account: ['ARK-10-1'], // operated only by those the using section chief approved (ARK-10-1)
  read: ['ARK-25-1'], // staff handling information assets keep the security policy (ARK-25-1)
  asset: ['ARK-26-2-2'],
  modification: ['ARK-12-1'],
  introduction: ['ARK-12-1'],
  consultation: ['ARK-14-1'],
  smallModification: { MNT: ['MNT-13-1'], KTM: ['KTM-13-1'], ARK: ['ARK-12-1'], KWW: ['KWW-6-1'] },
};
export const SMALL_RULEBOOKS: RulebookId[] = ['MNT', 'KTM', 'ARK', 'KWW'];

// Fixed instants: the data is the same whenever it is generated.
export const T0 = Date.parse('2023-04-01T00:00:00.000Z');
export const T1 = Date.parse('2026-11-01T00:00:00.000Z');
export const CREATED = new Date('2026-04-01T00:00:00.000Z');
export const day = 86_400_000;
export const april = (year: number) => `${year}-04-01`;
