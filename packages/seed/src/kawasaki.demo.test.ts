import { describe, it, expect } from 'vitest';
import { kawasakiDemo, KAWASAKI_WELFARE_TABLE } from './kawasaki.demo.ts';
import { positionFullName } from './seed-builders.ts';

/** The 別表 writes some owner names with spaces (line wraps) and 〔〕 / [ ] brackets. */
const normalize = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/[[〔]/g, '（')
    .replace(/[\]〕]/g, '）');

const welfareAssets = kawasakiDemo.informationAssets.filter((a) => a.systemKeys.includes('kww.welfare'));
const assetOf = (business: string) => {
  const found = welfareAssets.filter((a) => a.business.split('、').includes(business));
  expect(found, business).toHaveLength(1);
  return found[0]!;
};
const owners = (business: string) => assetOf(business).ownerPositionKeys.map((k) => positionFullName(kawasakiDemo, k));

describe('KWW 別表', () => {
  it('has 30 rows, one information asset each, all on 福祉総合情報システム', () => {
    expect(KAWASAKI_WELFARE_TABLE).toHaveLength(30);
    expect(welfareAssets).toHaveLength(30);
    expect(welfareAssets.map((a) => a.name)).toEqual(KAWASAKI_WELFARE_TABLE.map((row) => row[2]));
    for (const a of welfareAssets) expect(a.classification.confidentiality).toBe('3A');
  });

  it('介護保険 has exactly four owners, in order', () => {
    expect(owners('介護保険')).toEqual(
      [
        '健康福祉局地域包括ケア推進室担当課長',
        '健康福祉局長寿社会部高齢者事業推進課長',
        '健康福祉局長寿社会部介護保険課長',
        '健康福祉局保健医療政策部担当課長 [健康増進]',
      ].map(normalize),
    );
  });

  it('上下水道料金減免制度 has three owners and 証明書発行… two', () => {
    expect(owners('上下水道料金減免制度')).toEqual(
      ['健康福祉局長寿社会部高齢者在宅サービス課長', '健康福祉局障害保健福祉部 障害者社会参加・就労支援課長', '健康福祉局障害保健福祉部 精神保健課長'].map(
        normalize,
      ),
    );
    expect(owners('証明書発行及びその他履歴管理')).toEqual(
      ['健康福祉局障害保健福祉部障害福祉課長', '健康福祉局障害保健福祉部障害者社会参加・就労支援課長'].map(normalize),
    );
  });

  it('the 子ども・子育て支援給付 row (split over two lines) has four owners', () => {
    const asset = assetOf('子ども・子育て支援給付');
    expect(asset.business).toBe('保育所入所、子ども・子育て支援給付、子ども・子育て支援');
    expect(asset.name).toBe('子ども・子育て支援給付業務に関する情報資産');
    expect(owners('保育所入所')).toEqual(
      [
        'こども未来局子育て推進部 保育対策課長',
        'こども未来局子育て推進部 担当課長（幼児教育担当）',
        'こども未来局保育事業部保 育第1課長',
        'こども未来局保育事業部保 育第2課長',
      ].map(normalize),
    );
  });

  it('reconstructs the 補装具費支給… row broken across lines', () => {
    const asset = assetOf('補装具費支給');
    expect(asset.business).toBe(
      '補装具費支給、重度障害児（者）日常生活用具給付等事業、点字図書給付、緊急通報システム設置運営事業、やさしい住まい推進事業、重度障害者入浴援護事業',
    );
    expect(asset.name).toBe('障害者支援業務に関する情報資産');
    expect(owners('補装具費支給')).toEqual(['健康福祉局障害保健福祉部障害福祉課長']);
  });

  it('reconstructs the ねたきり高齢者… row with its 15 wrapped 事業', () => {
    const asset = assetOf('ねたきり高齢者紙おむつ給付事業');
    const businesses = asset.business.split('、');
    expect(businesses).toHaveLength(15);
    expect(businesses[0]).toBe('ねたきり高齢者紙おむつ給付事業');
    expect(businesses).toContain('ひとり暮らし等高齢者見守り事業');
    expect(businesses).toContain('徘徊高齢者SOSネットワーク事業');
    expect(businesses.at(-1)).toBe('高齢者等携帯型緊急通報システム運営事業');
    expect(asset.name).toBe('高齢者福祉サービス業務に関する情報資産');
    expect(owners('ねたきり高齢者紙おむつ給付事業')).toEqual([normalize('健康福祉局長寿社会部高齢 者在宅サービス課長')]);
  });

  it('reconstructs the 特別児童扶養手当… and 外国人高齢者福祉手当 rows', () => {
    const allowances = assetOf('特別児童扶養手当');
    expect(allowances.business.split('、')).toEqual([
      '特別児童扶養手当',
      '川崎市在宅重度重複障害者等手当',
      '神奈川県在宅重度障害者等手当',
      '特別障害者手当',
      '障害児福祉手当',
      '福祉手当（経過措置）',
    ]);
    expect(allowances.name).toBe('障害者手当支給業務に関する情報資産');
    expect(owners('特別児童扶養手当')).toEqual(['健康福祉局障害保健福祉部障害福祉課長']);

    const foreign = assetOf('外国人高齢者福祉手当');
    expect(foreign.business).toBe('外国人高齢者福祉手当');
    expect(foreign.name).toBe('外国人高齢者福祉手当支給業務に関する情報資産');
    expect(owners('外国人高齢者福祉手当')).toEqual(['健康福祉局長寿社会部高齢者在宅サービス課長']);
  });

  it('keeps the bracket labels of 担当課長 owners', () => {
    expect(owners('成人ぜん息患者医療費助成事業')).toEqual(['健康福祉局保健医療政策部担当課長（環境保健）']);
    expect(owners('災害時要援護者避難支援制度')).toEqual(['健康福祉局総務部危機管理担当課長']);
    expect(owners('生活保護')).toEqual(['健康福祉局生活保護・自立支援室保護指導担当課長']);
  });
});

describe('Kawasaki roles', () => {
  const bindings = (rulebookId: string, roleKey: string) => kawasakiDemo.roleBindings.filter((b) => b.rulebookId === rulebookId && b.roleKey === roleKey);
  const names = (rulebookId: string, roleKey: string) => bindings(rulebookId, roleKey).map((b) => positionFullName(kawasakiDemo, b.positionKey));

  it('splits the システム総括者 by scope (KWW-3-1)', () => {
    const supervisors = bindings('KWW', 'system_supervisor');
    expect(supervisors).toHaveLength(2);
    expect(supervisors.map((b) => [positionFullName(kawasakiDemo, b.positionKey), b.scope])).toEqual([
      ['健康福祉局総務部長', { key: 'health-welfare', label: '健康福祉局及び共通部分に関する業務' }],
      ['こども未来局総務部長', { key: 'children', label: 'こども未来局に関する業務' }],
    ]);
    expect(supervisors.every((b) => b.ruleIds.includes('KWW-3-1'))).toBe(true);
  });

  it('binds the システム管理者 and the operations support chief', () => {
    expect(names('KWW', 'system_administrator')).toEqual(['健康福祉局総務部保健福祉システム課長']);
    expect(names('KWW', 'operations_support_chief')).toEqual(['総務企画局情報管理部システム管理課長']);
  });

  it('makes the chief of each 利用課 its 利用責任者 (KWW-8-2)', () => {
    expect(names('KWW', 'usage_manager')).toEqual([
      '健康福祉局長寿社会部介護保険課長',
      '健康福祉局長寿社会部高齢者在宅サービス課長',
      '健康福祉局障害保健福祉部障害福祉課長',
      'こども未来局こども支援部こども家庭課長',
      'こども未来局保育事業部保育第1課長',
    ]);
  });

  it('KWO: asset and system manager are the 戸籍住民サービス課長; usage managers include the seven ward 区民課長', () => {
    expect(names('KWO', 'asset_manager')).toEqual(['市民文化局市民生活部戸籍住民サービス課長']);
    expect(names('KWO', 'system_manager')).toEqual(['市民文化局市民生活部戸籍住民サービス課長']);
    const usage = names('KWO', 'system_usage_manager');
    expect(usage.slice(0, 7)).toEqual(['川崎区', '幸区', '中原区', '高津区', '宮前区', '多摩区', '麻生区'].map((w) => `${w}役所区民課長`));
    expect(usage).toContain('川崎区役所大師支所区民センター室長');
    expect(usage).toContain('川崎区役所田島支所区民センター室長');
    expect(usage).toContain('幸区役所日吉出張所長');
  });

  it('運用管理会議 is chaired by the health-welfare システム総括者 with every information owner', () => {
    const meeting = kawasakiDemo.committees.find((c) => c.key === 'kaw.committee.operations')!;
    expect(positionFullName(kawasakiDemo, meeting.chairPositionKey)).toBe('健康福祉局総務部長');
    const allOwners = new Set(welfareAssets.flatMap((a) => a.ownerPositionKeys));
    expect(new Set(meeting.memberPositionKeys)).toEqual(allOwners);
    expect(meeting.memberPositionKeys).toHaveLength(18);
  });

  it('the KWO asset carries the basic resident items', () => {
    const asset = kawasakiDemo.informationAssets.find((a) => a.systemKeys.includes('kwo.ward-office'))!;
    expect(asset.name).toBe('住民基本台帳・印鑑登録情報');
    expect(asset.dataItems.filter((i) => i.basicResidentItem !== undefined)).toHaveLength(8);
  });
});
