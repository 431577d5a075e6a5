import { describe, it, expect } from 'vitest';
import { minatoDemo } from './minato.demo.ts';
import { positionFullName } from './seed-builders.ts';

const fullUnitName = (key: string): string => {
  const u = minatoDemo.orgUnits.find((x) => x.key === key)!;
  return (u.parentKey ? fullUnitName(u.parentKey) : '') + u.name;
};

describe('Minato 福祉総合システム', () => {
  const system = minatoDemo.systems.find((s) => s.key === 'mnt.welfare')!;

  it('is managed by 保健福祉支援部保健福祉課', () => {
    expect(fullUnitName(system.managingOrgUnitKey)).toBe('保健福祉支援部保健福祉課');
    expect(system.rulebookId).toBe('MNT');
  });

  it('has exactly the 20 システム使用課 of MNT-3, in order', () => {
    expect(system.usingOrgUnitKeys.map(fullUnitName)).toEqual([
      '芝地区総合支所区民課',
      '麻布地区総合支所区民課',
      '赤坂地区総合支所区民課',
      '高輪地区総合支所区民課',
      '芝浦港南地区総合支所区民課',
      '保健福祉支援部保健福祉課',
      '保健福祉支援部高齢者支援課',
      '保健福祉支援部障害者福祉課',
      '保健福祉支援部生活福祉調整課',
      'みなと保健所保健予防課',
      'みなと保健所健康推進課',
      '子ども家庭支援部子ども家庭課',
      '子ども家庭支援部保育政策課',
      '子ども家庭支援部保育課',
      '子ども家庭支援部子ども家庭支援センター',
      '児童相談所児童相談課',
      '街づくり支援部住宅課',
      '防災危機管理室防災課',
      '教育委員会事務局教育推進部教育長室',
      '教育委員会事務局学校教育部学務課',
    ]);
  });

  it('binds a システム使用課長 for each of the 20 sections', () => {
    const chiefs = minatoDemo.roleBindings.filter((b) => b.roleKey === 'using_section_chief');
    expect(chiefs.map((b) => minatoDemo.positions.find((p) => p.key === b.positionKey)!.orgUnitKey)).toEqual(system.usingOrgUnitKeys);
  });

  it('定例報告会: chair 保健福祉課長, members 管理係長 and システム総括担当者, plus the contractor', () => {
    const meeting = minatoDemo.committees.find((c) => c.key === 'mnt.committee.monthly-report')!;
    expect(positionFullName(minatoDemo, meeting.chairPositionKey)).toBe('保健福祉支援部保健福祉課長');
    expect(meeting.memberPositionKeys.map((k) => positionFullName(minatoDemo, k))).toEqual([
      '保健福祉支援部保健福祉課管理係長',
      '保健福祉支援部保健福祉課管理係システム総括担当者',
    ]);
    expect(system.contractorKey).toBe('mnt.contractor');
    expect(minatoDemo.contractors.find((c) => c.key === 'mnt.contractor')!.people.length).toBeGreaterThan(0);
  });

  it('the admin user is the システム総括担当者 in 管理係', () => {
    const admin = minatoDemo.staff.find((s) => s.username === 'admin')!;
    const current = admin.tenures.find((t) => t.to === undefined)!;
    expect(positionFullName(minatoDemo, current.positionKey)).toBe('保健福祉支援部保健福祉課管理係システム総括担当者');
  });
});
