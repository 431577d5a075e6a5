import { describe, it, expect } from 'vitest';
import { arakawaDemo, ARAKAWA_TABLE_1 } from './arakawa.demo.ts';
import { demoAccess } from './access.demo.ts';
import { positionFullName } from './seed-builders.ts';

const systemByName = (name: string) => {
  const found = arakawaDemo.systems.filter((s) => s.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const unitName = (key: string) => arakawaDemo.orgUnits.find((u) => u.key === key)?.name;

describe('Arakawa table 1 (別表第1)', () => {
  it('lists 117 systems, all in service under ARK', () => {
    expect(ARAKAWA_TABLE_1).toHaveLength(117);
    expect(arakawaDemo.systems).toHaveLength(117);
    expect(new Set(arakawaDemo.systems.map((s) => s.name)).size).toBe(117);
    for (const s of arakawaDemo.systems) {
      expect(s.rulebookId).toBe('ARK');
      expect(s.status).toBe('in_service');
      expect(s.usingOrgUnitKeys[0]).toBe(s.managingOrgUnitKey);
    }
  });

  it('starts with 住民記録システム managed by デジタル推進課', () => {
    const first = arakawaDemo.systems[0]!;
    expect(first.name).toBe('住民記録システム');
    expect(first.businessContent).toBe('住民記録事務、印鑑・カード管理事務');
    expect(unitName(first.managingOrgUnitKey)).toBe('デジタル推進課');
    expect(first.managementType).toBe('digital_section');
  });

  it('reconstructs the merged business cells', () => {
    const gateway = systemByName('中間サーバゲートウェイシステム');
    expect(gateway.businessContent).toBe('番号利用法に基づく情報連携事務');
    expect(unitName(gateway.managingOrgUnitKey)).toBe('デジタル推進課');
    expect(systemByName('自治体中間サーバーシステム').businessContent).toBe('番号利用法に基づく情報連携事務');

    const sameDay = systemByName('当日投票システム');
    expect(sameDay.businessContent).toBe('選挙事務');
    expect(unitName(sameDay.managingOrgUnitKey)).toBe('選挙管理委員会事務局');
    expect(systemByName('期日前投票システム').businessContent).toBe('選挙事務');
  });

  it('reconstructs the merged managing-section cells at group boundaries', () => {
    expect(unitName(systemByName('マシン室入退室管理システム').managingOrgUnitKey)).toBe('デジタル推進課');
    expect(unitName(systemByName('例規検索システム').managingOrgUnitKey)).toBe('総務企画課');
    expect(systemByName('例規検索システム').managementType).toBe('system_section');
    expect(unitName(systemByName('入退室管理システム').managingOrgUnitKey)).toBe('経理課');
    expect(unitName(systemByName('裁判員制度名簿調整支援システム').managingOrgUnitKey)).toBe('選挙管理委員会事務局');
    expect(unitName(systemByName('栄養管理システム').managingOrgUnitKey)).toBe('保育課');
  });

  it('ends with 会議録検索システム managed by 区議会事務局', () => {
    const last = arakawaDemo.systems.at(-1)!;
    expect(last.name).toBe('会議録検索システム');
    expect(last.businessContent).toBe('会議録検索サービスの提供');
    expect(unitName(last.managingOrgUnitKey)).toBe('区議会事務局');
  });

  it('has 36 systems managed by デジタル推進課 and 81 by system-managing sections', () => {
    const digital = arakawaDemo.systems.filter((s) => s.managingOrgUnitKey === 'ark.kanri.digital');
    expect(digital).toHaveLength(36);
    expect(digital.every((s) => s.managementType === 'digital_section')).toBe(true);
    expect(arakawaDemo.systems.filter((s) => s.managementType === 'system_section')).toHaveLength(81);
    // The 36 are the first 36 rows of the table.
    expect(digital.map((s) => s.name)).toEqual(arakawaDemo.systems.slice(0, 36).map((s) => s.name));
  });

  it('counts systems per managing section as the table groups them', () => {
    const count = (name: string) => arakawaDemo.systems.filter((s) => unitName(s.managingOrgUnitKey) === name).length;
    expect(count('税務課')).toBe(7);
    expect(count('防災課')).toBe(6);
    expect(count('生活福祉課')).toBe(5);
    expect(count('保育課')).toBe(5);
    expect(count('学務課')).toBe(5);
    expect(count('選挙管理委員会事務局')).toBe(3);
    expect(count('区議会事務局')).toBe(1);
  });
});

describe('Arakawa committees (別表第2, 別表第3)', () => {
  const committee = (key: string) => arakawaDemo.committees.find((c) => c.key === key)!;
  const names = (keys: string[]) => keys.map((k) => positionFullName(arakawaDemo, k));

  it('運営委員会: chair 管理部長, 6 members of table 2 in order, secretariat デジタル推進課', () => {
    const c = committee('ark.committee.steering');
    expect(positionFullName(arakawaDemo, c.chairPositionKey)).toBe('管理部長');
    expect(names(c.memberPositionKeys)).toEqual([
      '総務企画部総務企画課長',
      '総務企画部企画担当課長',
      '総務企画部財政課長',
      '管理部職員課長',
      '管理部デジタル推進課長',
      '管理部経理課長',
    ]);
    expect(unitName(c.secretariatOrgUnitKey)).toBe('デジタル推進課');
  });

  it('セキュリティ委員会: chair 管理部長, 14 members of table 3 in order', () => {
    const c = committee('ark.committee.security');
    expect(positionFullName(arakawaDemo, c.chairPositionKey)).toBe('管理部長');
    expect(names(c.memberPositionKeys)).toEqual([
      '総務企画部総務企画課長',
      '区政広報部秘書課長',
      '管理部経理課長',
      '区民生活部区民課長',
      '地域文化スポーツ部文化交流推進課長',
      '産業経済部産業振興課長',
      '環境清掃部環境課長',
      '福祉部福祉推進課長',
      '健康部生活衛生課長',
      '子ども家庭部子育て支援課長',
      '防災都市づくり部都市計画課長',
      '会計管理部会計管理課長',
      '教育委員会事務局教育総務課長',
      '管理部デジタル推進課長',
    ]);
    expect(unitName(c.secretariatOrgUnitKey)).toBe('デジタル推進課');
  });
});

describe('Arakawa roles and assets', () => {
  const holders = (roleKey: string) => arakawaDemo.roleBindings.filter((b) => b.roleKey === roleKey).map((b) => positionFullName(arakawaDemo, b.positionKey));

  it('binds the CIO and the information manager (ARK-3-1, ARK-3の2-1)', () => {
    expect(holders('information_controller')).toEqual(['管理部長']);
    expect(holders('information_manager')).toEqual(['管理部デジタル推進課長']);
  });

  it('binds a システム管理課長 to every section managing a system other than デジタル推進課', () => {
    const chiefs = holders('system_managing_chief');
    expect(chiefs).toHaveLength(33);
    expect(chiefs).toContain('管理部経理課長');
    expect(chiefs).toContain('選挙管理委員会事務局長');
    expect(chiefs).not.toContain('管理部デジタル推進課長');
    expect(holders('system_managing_director')).toContain('健康部長');
  });

  it('marks the 住民基本台帳法第7条 items 1–8 of 住民記録情報', () => {
    const asset = arakawaDemo.informationAssets.find((a) => a.name === '住民記録情報')!;
    const basic = asset.dataItems.filter((i) => i.basicResidentItem !== undefined);
    expect(basic.map((i) => i.basicResidentItem)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(basic[0]!.name).toBe('氏名');
    expect(asset.dataItems.some((i) => i.name === '個人番号' && i.basicResidentItem === undefined)).toBe(true);
    expect(asset.systemKeys).toContain('ark.sys.resident-record');
    expect(asset.classification.confidentiality).toBe('3A');
  });
});

describe('Arakawa demo accounts', () => {
  it('are operated only by those the chief of a using section approved (ARK-10-1)', () => {
    const { accounts } = demoAccess(arakawaDemo);
    const chiefs = new Set(arakawaDemo.roleBindings.filter((b) => b.roleKey === 'using_section_chief').map((b) => b.positionKey));
    const heldBy = (staffKey: string) =>
      arakawaDemo.staff
        .find((s) => s.key === staffKey)!
        .tenures.filter((t) => !t.to)
        .map((t) => t.positionKey);
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) {
      expect(a.operatorApprovedByKey, a.key).toBeDefined();
      expect(
        heldBy(a.operatorApprovedByKey!).some((p) => chiefs.has(p)),
        a.key,
      ).toBe(true);
      expect(a.operatorApprovedAt, a.key).toBe(a.validFrom);
    }
  });
});
