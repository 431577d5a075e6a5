// The demo data read by the domain's rules: every committee of the demo has its rules, and the
// rules derive from the demo's org chart, systems and people what the regulations say they should.
import { describe, expect, it } from 'vitest';
import { COMMITTEE_RULES, checkSheetPlaces, holdersAt, processingPlanObligations, rolesAt, type RoleBindingFact, type TenureFact } from '@tsukasa/domain';
import { arakawaDemo, kawasakiDemo, kitamiDemo, minatoDemo } from './index.ts';

describe('committee rules', () => {
  it('cover every committee of the four municipalities', () => {
    const seeded = [arakawaDemo, minatoDemo, kawasakiDemo, kitamiDemo].flatMap((m) => m.committees.map((c) => c.key)).sort();
    expect(COMMITTEE_RULES.map((c) => c.committeeKey).sort()).toEqual(seeded);
  });
});

describe('who owes a monthly plan (ARK-8-1)', () => {
  const unit = (key: string) => key;
  const systems = arakawaDemo.systems.map((s) => ({
    id: s.key,
    rulebookId: s.rulebookId,
    managementType: s.managementType,
    managingOrgUnitId: unit(s.managingOrgUnitKey),
    lifecycleStatus: s.status,
    usingOrgUnitIds: s.usingOrgUnitKeys,
  }));
  const obligations = processingPlanObligations(systems);

  it('the sections using a system デジタル推進課 manages, not デジタル推進課 itself', () => {
    expect(obligations).toContainEqual({ systemId: 'ark.sys.resident-record', orgUnitId: 'ark.kumin.koseki' });
    expect(obligations).toContainEqual({ systemId: 'ark.sys.resident-record', orgUnitId: 'ark.kumin.kumin' });
    expect(obligations.filter((o) => o.orgUnitId === 'ark.kanri.digital')).toEqual([]);
  });

  it('not the systems a システム管理課 manages (ARK-9), nor systems retired', () => {
    expect(obligations.filter((o) => o.systemId === 'ark.sys.long-term-care')).toEqual([]);
    const retired = processingPlanObligations(systems.map((s) => (s.id === 'ark.sys.tax' ? { ...s, lifecycleStatus: 'retired' } : s)));
    expect(retired.filter((o) => o.systemId === 'ark.sys.tax')).toEqual([]);
  });
});

describe('quarters and check sheets (KWO-5-3: 年4回)', () => {
  it('the using places are the ward sections using the 区役所システム, not the managing section', () => {
    const places = checkSheetPlaces(
      kawasakiDemo.systems.map((s) => ({
        rulebookId: s.rulebookId,
        managingOrgUnitId: s.managingOrgUnitKey,
        lifecycleStatus: s.status,
        usingOrgUnitIds: s.usingOrgUnitKeys,
      })),
    );
    expect(places).toContain('kaw.ward.saiwai.kumin');
    expect(places).toContain('kaw.ward.saiwai.hiyoshi');
    expect(places).not.toContain('kaw.shimin.seikatsu.koseki');
    expect(places).toHaveLength(10);
  });
});

describe('rolesAt', () => {
  it('the Kawasaki demo: 健康福祉局総務部長 and こども未来局総務部長 each hold システム総括者 with their scope (KWW-3-1)', () => {
    const demoTenures: TenureFact[] = kawasakiDemo.staff.flatMap((s) =>
      s.tenures.map((t) => ({ staffId: s.key, positionId: t.positionKey, from: t.from, to: t.to ?? null })),
    );
    const demoBindings: RoleBindingFact[] = kawasakiDemo.roleBindings.map((b) => ({
      rulebookId: b.rulebookId,
      roleKey: b.roleKey,
      positionId: b.positionKey,
      scopeKey: b.scope?.key ?? null,
      scopeLabel: b.scope?.label ?? null,
      ruleIds: b.ruleIds,
    }));
    const at = '2025-10-01T10:00:00+09:00';
    const scopeOf = (positionId: string) => {
      const [holder] = holdersAt(positionId, at, demoTenures);
      expect(holder, positionId).toBeDefined();
      return rolesAt(holder ?? '', at, { tenures: demoTenures, bindings: demoBindings, deputations: [] })
        .filter((r) => r.roleKey === 'system_supervisor')
        .map((r) => [r.positionId, r.scopeKey, r.scopeLabel]);
    };
    expect(scopeOf('kaw.kenko.somu.director')).toEqual([['kaw.kenko.somu.director', 'health-welfare', '健康福祉局及び共通部分に関する業務']]);
    expect(scopeOf('kaw.kodomo.somu.director')).toEqual([['kaw.kodomo.somu.director', 'children', 'こども未来局に関する業務']]);
  });
});
