import { describe, it, expect } from 'vitest';
import { createRng, generateDemoStaff } from './demo-staff.ts';
import { arakawaPositions } from './arakawa.demo.ts';
import { demoMunicipalities } from './index.ts';

const options = {
  municipality: 'arakawa' as const,
  keyPrefix: 'ark',
  emailDomain: 'arakawa.example.lg.jp',
  employeeNumberPrefix: '31',
  positions: arakawaPositions,
  logins: [{ positionKey: 'ark.kanri.digital.unyo.staff1', username: 'admin', registryAdmin: true }],
};

describe('demo staff generator', () => {
  it('is deterministic', () => {
    expect(generateDemoStaff(options)).toEqual(generateDemoStaff(options));
    expect(createRng(42)()).toBe(createRng(42)());
  });

  it('depends on the municipality', () => {
    const other = generateDemoStaff({ ...options, municipality: 'minato' });
    expect(other.map((s) => s.familyName + s.givenName)).not.toEqual(generateDemoStaff(options).map((s) => s.familyName + s.givenName));
  });

  it('gives every position one current holder, and every third a past holder', () => {
    const staff = generateDemoStaff(options);
    const current = staff.flatMap((s) => s.tenures).filter((t) => t.to === undefined);
    expect(current.map((t) => t.positionKey)).toEqual(expect.arrayContaining(arakawaPositions.map((p) => p.key)));
    expect(current).toHaveLength(arakawaPositions.length);
    const past = staff.flatMap((s) => s.tenures).filter((t) => t.to !== undefined);
    expect(past).toHaveLength(arakawaPositions.filter((_, i) => i % 3 === 1).length);
    for (const t of past) expect([t.from, t.to]).toEqual(['2022-04-01', '2024-04-01']);
  });

  it('produces the pinned staff counts of the demo', () => {
    expect(Object.fromEntries(demoMunicipalities.map((m) => [m.code, m.staff.length]))).toEqual({
      minato: 53,
      kawasaki: 80,
      kitami: 18,
      arakawa: 88,
    });
  });
});
