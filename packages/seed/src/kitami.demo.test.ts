import { describe, it, expect } from 'vitest';
import { kitamiDemo } from './kitami.demo.ts';
import { demoAccess } from './access.demo.ts';
import { positionFullName } from './seed-builders.ts';

describe('Kitami 窓口支援システム', () => {
  const names = (roleKey: string) => kitamiDemo.roleBindings.filter((b) => b.roleKey === roleKey).map((b) => positionFullName(kitamiDemo, b.positionKey));

  it('binds 統括管理者 and 副統括管理者 (KTM-3-2, KTM-3-5)', () => {
    expect(names('general_manager')).toEqual(['市民環境部長']);
    expect(names('deputy_general_manager')).toEqual(['市民環境部窓口課長']);
  });

  it('is managed by 窓口課 and used by every 業務所管課', () => {
    const system = kitamiDemo.systems.find((s) => s.key === 'ktm.counter')!;
    expect(system.managingOrgUnitKey).toBe('ktm.shimin.madoguchi');
    const managers = kitamiDemo.roleBindings.filter((b) => b.roleKey === 'manager');
    for (const m of managers) {
      const orgUnitKey = kitamiDemo.positions.find((p) => p.key === m.positionKey)!.orgUnitKey;
      expect(system.usingOrgUnitKeys).toContain(orgUnitKey);
    }
  });

  it('has the 運用会議 with a 座長 other than the 統括管理者', () => {
    const meeting = kitamiDemo.committees.find((c) => c.key === 'ktm.committee.one-stop')!;
    expect(meeting.name).toBe('北見市ワンストップサービス運用会議');
    expect(names('operations_meeting_chair')).toEqual([positionFullName(kitamiDemo, meeting.chairPositionKey)]);
    expect(meeting.chairPositionKey).not.toBe('ktm.shimin.director');
    expect(meeting.memberPositionKeys).toContain('ktm.shimin.director');
  });
});

describe('Kitami demo accounts', () => {
  it('each state what they are used for (KTM-12-1)', () => {
    const { accounts } = demoAccess(kitamiDemo);
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) expect(a.purpose?.trim(), a.key).toBeTruthy();
  });
});
