import { describe, it, expect } from 'vitest';
import { demoMunicipalities } from './index.ts';
import { findRole, findRule } from '@tsukasa/domain';
import type { MunicipalitySeed } from './seed.types.ts';

const PREFIX = { arakawa: 'ark.', minato: 'mnt.', kawasaki: 'kaw.', kitami: 'ktm.' } as const;
/** Kawasaki's two systems are keyed by their rulebooks (kww.welfare, kwo.ward-office). */
const SYSTEM_KEY_EXCEPTIONS = new Set(['kww.welfare', 'kwo.ward-office']);

function allKeys(seed: MunicipalitySeed): string[] {
  return [
    ...seed.orgUnits.map((u) => u.key),
    ...seed.positions.map((p) => p.key),
    ...seed.staff.map((s) => s.key),
    ...seed.systems.map((s) => s.key),
    ...seed.informationAssets.map((a) => a.key),
    ...seed.committees.map((c) => c.key),
    ...seed.contractors.flatMap((c) => [c.key, ...c.people.map((p) => p.key)]),
  ];
}

describe('demo dataset integrity', () => {
  it('contains the four municipalities', () => {
    expect(demoMunicipalities.map((m) => m.code).sort()).toEqual(['arakawa', 'kawasaki', 'kitami', 'minato']);
  });

  it('every key is unique within and across municipalities, and carries its prefix', () => {
    const keys = demoMunicipalities.flatMap(allKeys);
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    for (const m of demoMunicipalities) {
      for (const key of allKeys(m)) {
        if (SYSTEM_KEY_EXCEPTIONS.has(key)) continue;
        expect(key.startsWith(PREFIX[m.code]), key).toBe(true);
      }
    }
  });

  for (const m of demoMunicipalities) {
    describe(m.code, () => {
      const units = new Set(m.orgUnits.map((u) => u.key));
      const positions = new Set(m.positions.map((p) => p.key));
      const systems = new Set(m.systems.map((s) => s.key));
      const contractors = new Set(m.contractors.map((c) => c.key));

      it('every reference resolves', () => {
        for (const u of m.orgUnits) if (u.parentKey !== undefined) expect(units.has(u.parentKey), u.key).toBe(true);
        for (const p of m.positions) expect(units.has(p.orgUnitKey), p.key).toBe(true);
        for (const s of m.staff) for (const t of s.tenures) expect(positions.has(t.positionKey), s.key).toBe(true);
        for (const b of m.roleBindings) expect(positions.has(b.positionKey), `${b.roleKey} ${b.positionKey}`).toBe(true);
        for (const s of m.systems) {
          expect(units.has(s.managingOrgUnitKey), s.key).toBe(true);
          for (const k of s.usingOrgUnitKeys) expect(units.has(k), `${s.key} uses ${k}`).toBe(true);
          if (s.contractorKey !== undefined) expect(contractors.has(s.contractorKey), s.key).toBe(true);
          expect(m.rulebookIds).toContain(s.rulebookId);
        }
        for (const a of m.informationAssets) {
          expect(a.ownerPositionKeys.length, a.key).toBeGreaterThan(0);
          for (const k of a.ownerPositionKeys) expect(positions.has(k), `${a.key} owner ${k}`).toBe(true);
          for (const k of a.systemKeys) expect(systems.has(k), `${a.key} system ${k}`).toBe(true);
        }
        for (const c of m.committees) {
          expect(positions.has(c.chairPositionKey), c.key).toBe(true);
          for (const k of c.memberPositionKeys) expect(positions.has(k), `${c.key} member ${k}`).toBe(true);
          expect(units.has(c.secretariatOrgUnitKey), c.key).toBe(true);
        }
      });

      it('the org tree has no cycles and levels nest (section under department, unit under section or 事務局)', () => {
        const byKey = new Map(m.orgUnits.map((u) => [u.key, u]));
        for (const u of m.orgUnits) {
          const seen = new Set<string>();
          let cur = u;
          while (cur.parentKey !== undefined) {
            expect(seen.has(cur.key)).toBe(false);
            seen.add(cur.key);
            const parent = byKey.get(cur.parentKey)!;
            if (cur.level === 'department') expect(parent.level).toBe('department');
            if (cur.level === 'section') expect(parent.level).toBe('department');
            if (cur.level === 'unit') expect(parent.level).not.toBe('unit');
            cur = parent;
          }
        }
      });

      it('every org unit has exactly one head position', () => {
        for (const u of m.orgUnits) {
          expect(
            m.positions.filter((p) => p.orgUnitKey === u.key && p.kind === 'head'),
            u.key,
          ).toHaveLength(1);
        }
      });

      it('every position has exactly one current holder', () => {
        for (const p of m.positions) {
          const current = m.staff.filter((s) => s.tenures.some((t) => t.positionKey === p.key && t.to === undefined));
          expect(current, p.key).toHaveLength(1);
        }
      });

      it('tenures are well-formed and some positions have a past holder', () => {
        for (const s of m.staff) {
          expect(s.tenures.length).toBeGreaterThan(0);
          for (const t of s.tenures) {
            expect(t.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            if (t.to !== undefined) expect(t.to > t.from).toBe(true);
          }
        }
        const past = m.staff.flatMap((s) => s.tenures).filter((t) => t.to !== undefined);
        expect(past.length).toBeGreaterThan(2);
        // Some past holders were transferred and hold another position now (人事異動).
        expect(m.staff.some((s) => s.tenures.length === 2)).toBe(true);
      });

      it('has exactly one admin user with registryAdmin, and other users without it', () => {
        const admins = m.staff.filter((s) => s.username === 'admin');
        expect(admins).toHaveLength(1);
        expect(admins[0]!.registryAdmin).toBe(true);
        expect(m.staff.filter((s) => s.registryAdmin)).toHaveLength(1);
        const users = m.staff.filter((s) => s.username !== undefined);
        expect(users.length).toBeGreaterThanOrEqual(3);
        expect(new Set(users.map((s) => s.username)).size).toBe(users.length);
      });

      it('staff contact data is plausible and unique', () => {
        const domain = `@${m.code}.example.lg.jp`;
        for (const s of m.staff) {
          expect(s.email.endsWith(domain), s.email).toBe(true);
          expect(s.personalPhone).toMatch(/^090-\d{4}-\d{4}$/);
          expect(s.extension).toMatch(/^\d{4}$/);
          expect(s.familyNameKana).toMatch(/^[ァ-ヶー]+$/);
          expect(s.givenNameKana).toMatch(/^[ァ-ヶー]+$/);
        }
        for (const field of ['email', 'employeeNumber', 'extension'] as const) {
          expect(new Set(m.staff.map((s) => s[field])).size, field).toBe(m.staff.length);
        }
      });

      it('role bindings name roles of the rulebooks, and every rule ID resolves', () => {
        for (const b of m.roleBindings) {
          expect(m.rulebookIds).toContain(b.rulebookId);
          expect(findRole(b.rulebookId, b.roleKey), `${b.rulebookId} ${b.roleKey}`).toBeDefined();
        }
        const ruleIds = [...m.roleBindings, ...m.informationAssets, ...m.committees].flatMap((x) => x.ruleIds);
        for (const id of ruleIds) expect(findRule(id), id).toBeDefined();
      });
    });
  }
});
