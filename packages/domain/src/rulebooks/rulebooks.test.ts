import { describe, it, expect } from 'vitest';
import type { RulebookId } from '../model/types.ts';
import type { RuleId } from './rule-id.ts';
import {
  RULE_ID_PATTERN,
  findArticle,
  findRole,
  findRule,
  isValidRuleId,
  parseRuleId,
  ruleIdsOf,
  rulebookIds,
  rulebooks,
  ruleIdSet,
  ruleIdsWithin,
} from './index.ts';

const text = (ruleId: RuleId): string => findRule(ruleId).text;

describe('rulebooks', () => {
  it('has every article of each regulation', () => {
    const counts = Object.fromEntries(rulebookIds.map((id) => [id, rulebooks[id].articles.length]));
    expect(counts).toEqual({ ARK: 34, MNT: 24, KWW: 13, KWO: 11, KTM: 16 });
  });

  it('numbers ARK articles 1–32 with the branch articles 2の2 and 3の2', () => {
    const ids = rulebooks.ARK.articles.map((a) => a.ruleId.slice(4));
    expect(ids.slice(0, 6)).toEqual(['1', '2', '2の2', '3', '3の2', '4']);
    expect(ids.at(-1)).toBe('32');
    expect(findArticle('ARK-3の2')?.number).toBe('第3条の2');
    expect(text('ARK-3の2-1')).toBe(
      '管理部デジタル推進課長を情報管理責任者とし、情報統括責任者が行う電子情報システム及び情報資産の管理並びに情報セキュリティ対策に関する事務の統括を補佐する。',
    );
  });

  it('keeps article, paragraph and item counts of sample articles', () => {
    const shape = (ruleId: RuleId) => findArticle(ruleId)?.paragraphs.map((p) => p.items?.length ?? 0);
    expect(shape('ARK-2')).toEqual([22]);
    expect(shape('ARK-6')).toEqual([10]);
    expect(shape('ARK-8')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(shape('ARK-26')).toEqual([3, 6]);
    expect(shape('MNT-4')).toEqual([13]);
    expect(shape('MNT-13')).toHaveLength(9);
    expect(shape('KTM-3')).toEqual([0, 0, 8, 0, 0, 0, 0]);
    expect(shape('KTM-7')).toEqual([5, 6, 0, 0, 0]);
    expect(shape('KWO-8')).toEqual([4]);
    expect(shape('KWO-10')).toEqual([2]);
    expect(shape('KWW-12')).toEqual([0, 0, 0, 0]);
  });

  it('has every article captioned in Japanese and English', () => {
    for (const id of rulebookIds) {
      for (const a of rulebooks[id].articles) {
        expect(a.caption, a.ruleId).not.toBe('');
        expect(a.captionEn, a.ruleId).not.toBe('');
        expect(a.paragraphs.length, a.ruleId).toBeGreaterThan(0);
        for (const p of a.paragraphs) expect(p.text, p.ruleId).not.toBe('');
      }
    }
    expect(findArticle('ARK-12')?.caption).toBe('新規導入等の申請');
    expect(findArticle('KTM-15')?.caption).toBe('運用時間');
    expect(findArticle('KWO-6')?.caption).toBe('情報を取り扱うことのできる者の指定');
  });

  it('transcribes tricky paragraphs exactly', () => {
    expect(text('ARK-12-2')).toBe(
      '前項の規定による申請は、翌年度以降に予定する電子情報システムの導入等について、毎年8月末日までに行うものとする。ただし、法令改正等緊急に行う必要があると認められるときは、この限りでない。',
    );
    expect(text('ARK-14-1')).toContain('住民基本台帳法(昭和42年法律第81号)第7条第1号から第8号までに掲げる事項を利用する場合は、この限りでない。');
    expect(text('ARK-26-2-2')).toBe(
      '情報資産の分類と管理 区の保有する情報資産を機密性、完全性及び可用性に応じて分類し、当該分類に基づき情報セキュリティ対策を行うこと。',
    );
    expect(text('ARK-2-1-13')).toMatch(/^システム管理部長 別表第1に掲げる電子情報システム/);
    expect(text('KWW-6-2')).toBe(
      '情報管理責任者は、前項第1号の決定を行うに当たっては、別表に規定する自らが取り扱う情報資産を除く情報資産を取り扱う本システムに改修を行う必要が生じた場合は、当該情報資産を取り扱う情報管理責任者にあらかじめ承認を得るものとする。',
    );
    // a sentence wrapped over two lines in the source is one paragraph
    expect(text('KWW-10-2')).toBe(
      'システム総括者は、システムの利用に当たって情報セキュリティ上問題があると判断したときは、情報管理責任者及び利用責任者に対しその改善を求めることができる。',
    );
    expect(text('KWW-12-2')).toBe('緊急を要する場合等は、持回りによって会議開催に代えることができる。');
    expect(text('MNT-15-1')).toBe('システムの通常の運用時間は、すべての日の午前5時00分から翌日午前0時00分までとする。');
    expect(text('KTM-15-1')).toBe(
      '窓口支援システムの運用時間は、12月31日から1月3日までの期間を除き、午前8時から午後9時までとする。ただし、統括管理者が特に必要と認めるときは、これを変更することができる。',
    );
    expect(text('KTM-2-1-3')).not.toContain('[');
    expect(text('KWO-5-3')).toContain('点検シート（第2号様式）により年4回確認する');
    expect(text('KWO-9-1')).toBe('システム利用責任者は、帳票を出力する場合、請求書、申請書、届書、職権記録書等により行う。');
    expect(text('KWO-8-1-2')).toBe(
      '情報を更新する場合\nア 情報の入力、削除及び修正等をする際には、整合性を確保するために、これらを行った者以外の者が照合する。\nイ 情報の入力、削除及び修正等に用いた帳票等は、適切に廃棄または保管管理する。',
    );
    expect(text('MNT-2-1-2')).toBe('ユーザ システムを使用し担当する職務を実施する者');
    expect(text('MNT-3-1').split('\n')).toHaveLength(21);
    expect(text('MNT-22-4')).toContain('システム継送連絡');
  });

  it('keeps the original item numbering of MNT-9-1, which starts at (2)', () => {
    const para = findRule('MNT-9-1')?.paragraph;
    expect(para?.items?.map((i) => i.ruleId)).toEqual(['MNT-9-1-2', 'MNT-9-1-3', 'MNT-9-1-4', 'MNT-9-1-5']);
    expect(text('MNT-9-1-2')).toBe('システム全体に係る運用状況');
    expect(isValidRuleId('MNT-9-1-1')).toBe(false);
    expect(text('MNT-9-1')).toContain('\n(2) システム全体に係る運用状況');
    expect(text('MNT-9-2')).toBe('定例報告会は、月1回定期的に実施する。ただし、保健福祉課長が必要と認めたときには、随時実施することもできる。');
  });

  it('has unique, well-formed rule IDs that all resolve', () => {
    const all = rulebookIds.flatMap((id) => ruleIdsOf(id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of rulebookIds) {
      for (const ruleId of ruleIdsOf(id)) {
        expect(ruleId.startsWith(`${id}-`), ruleId).toBe(true);
        expect(RULE_ID_PATTERN.test(ruleId), ruleId).toBe(true);
        expect(isValidRuleId(ruleId), ruleId).toBe(true);
        expect(findRule(ruleId)?.rulebookId).toBe(id);
      }
    }
    // articles + paragraphs + items
    expect(Object.fromEntries(rulebookIds.map((id) => [id, ruleIdsOf(id).length]))).toEqual({
      ARK: 159,
      MNT: 124,
      KWW: 61,
      KWO: 41,
      KTM: 99,
    });
  });

  it('resolves rule IDs at every level and rejects unknown ones', () => {
    expect(findRule('MNT-11')?.level).toBe('article');
    expect(findRule('MNT-11-1')?.level).toBe('paragraph');
    expect(findRule('ARK-26-2-2')?.level).toBe('item');
    expect(findArticle('ARK-12-2')?.ruleId).toBe('ARK-12');
    expect(text('ARK-12')).toContain('\n2 前項の規定による申請は');
    for (const bad of ['ARK-33', 'ARK-12-6', 'ARK-2-1-23', 'ARK-3-2の', 'ark-12', 'ARK-別表1', 'XYZ-1', '', 'MNT-9-1-1', 'ARK-3の3']) {
      expect(isValidRuleId(bad), bad).toBe(false);
      expect(parseRuleId(bad), bad).toBeNull();
    }
  });

  it('scopes each rulebook', () => {
    expect(rulebooks.ARK.scope).toEqual({ kind: 'all' });
    expect(rulebooks.MNT.scope).toEqual({ kind: 'systems', systemKeys: ['mnt.welfare'] });
    expect(rulebooks.KWW.scope).toEqual({ kind: 'systems', systemKeys: ['kww.welfare'] });
    expect(rulebooks.KWO.scope).toEqual({ kind: 'systems', systemKeys: ['kwo.ward-office'] });
    expect(rulebooks.KTM.scope).toEqual({ kind: 'systems', systemKeys: ['ktm.counter'] });
    for (const id of rulebookIds) {
      expect(rulebooks[id].id).toBe(id);
      expect(rulebooks[id].effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('roles', () => {
  const required: Record<RulebookId, [string, string, string][]> = {
    ARK: [
      ['information_controller', '情報統括責任者', 'ARK-3-1'],
      ['information_manager', '情報管理責任者', 'ARK-3の2-1'],
      ['system_managing_director', 'システム管理部長', 'ARK-2-1-13'],
      ['system_managing_chief', 'システム管理課長', 'ARK-2-1-15'],
      ['digital_section_chief', 'デジタル推進課長', 'ARK-4-1'],
      ['using_department_head', '利用する部の長', 'ARK-7'],
      ['using_section_chief', '利用する課の長', 'ARK-10'],
      ['steering_committee_chair', '運営委員長', 'ARK-17-1'],
      ['security_committee_chair', 'セキュリティ委員長', 'ARK-22-1'],
      ['committee_secretariat', '庶務', 'ARK-24-3'],
      ['contractor', '受託事業者', 'ARK-2-1-17'],
    ],
    MNT: [
      ['welfare_section_chief', '保健福祉課長', 'MNT-4'],
      ['using_section_chief', 'システム使用課長', 'MNT-5'],
      ['system_coordinator', 'システム総括担当者', 'MNT-6'],
      ['using_section_staff', 'システム使用課担当者', 'MNT-7'],
      ['using_unit_staff', 'システム使用係担当者', 'MNT-8'],
      ['maintenance_contractor', '保守業務受託者', 'MNT-9-3-3'],
      ['information_policy_chief', '情報政策課長', 'MNT-13-5'],
      ['user', 'ユーザ', 'MNT-2-1-2'],
    ],
    KWW: [
      ['system_supervisor', 'システム総括者', 'KWW-3-1'],
      ['system_administrator', 'システム管理者', 'KWW-4'],
      ['system_operator', 'システム運用担当者', 'KWW-4-3'],
      ['information_owner', '情報管理責任者', 'KWW-5'],
      ['information_owner_assistant', '情報管理担当者', 'KWW-5-4'],
      ['usage_manager', '利用責任者', 'KWW-8'],
      ['operations_support_chief', '総務企画局情報管理部システム管理課長', 'KWW-11'],
      ['user', '利用者', 'KWW-2'],
    ],
    KWO: [
      ['asset_manager', '情報資産管理責任者', 'KWO-2-2'],
      ['system_manager', 'システム管理責任者', 'KWO-2-3'],
      ['system_usage_manager', 'システム利用責任者', 'KWO-2-4'],
      ['designated_handler', '情報を取り扱うことができる者', 'KWO-6'],
    ],
    KTM: [
      ['general_manager', '統括管理者', 'KTM-3-2'],
      ['deputy_general_manager', '副統括管理者', 'KTM-3-5'],
      ['manager', '管理者', 'KTM-4-2'],
      ['business_section', '業務所管課', 'KTM-2'],
      ['system_user', 'システム使用者', 'KTM-2-1-3'],
      ['using_section_head', 'システム使用課の所属長', 'KTM-10-1'],
    ],
  };

  it('defines the required roles with their basis', () => {
    for (const id of rulebookIds) {
      for (const [key, name, basis] of required[id]) {
        const role = findRole(id, key);
        expect(role?.name, `${id} ${key}`).toBe(name);
        // the basis is one of the role's rule IDs or contains one of them
        expect(
          role?.ruleIds.some((r) => r === basis || r.startsWith(`${basis}-`)),
          `${id} ${key} ${basis}`,
        ).toBe(true);
      }
    }
  });

  it('has unique keys and rule IDs that resolve within its rulebook', () => {
    for (const id of rulebookIds) {
      const keys = rulebooks[id].roles.map((r) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const role of rulebooks[id].roles) {
        expect(role.ruleIds.length, role.key).toBeGreaterThan(0);
        expect(role.nameEn, role.key).not.toBe('');
        expect(role.description, role.key).not.toBe('');
        for (const r of role.ruleIds) expect(findRule(r)?.rulebookId, `${id} ${role.key} ${r}`).toBe(id);
        if (role.deputyFor) expect(keys, role.key).toContain(role.deputyFor);
      }
    }
  });

  it('splits the KWW system supervisor by scope and names the appointed positions', () => {
    expect(findRole('KWW', 'system_supervisor')?.holders?.map((h) => h.position)).toEqual(['健康福祉局総務部長', 'こども未来局総務部長']);
    expect(findRole('ARK', 'information_controller')?.holders).toEqual([{ position: '管理部長' }]);
    expect(findRole('ARK', 'information_manager')?.holders).toEqual([{ position: '管理部デジタル推進課長' }]);
    expect(findRole('KTM', 'general_manager')?.holders).toEqual([{ position: '市民環境部長' }]);
    expect(findRole('KTM', 'deputy_general_manager')?.deputyFor).toBe('general_manager');
    expect(findRole('KTM', 'deputy_general_manager')?.ruleIds).toContain('KTM-3-6');
    // each named holder appears in the text of one of the role's rules
    for (const id of rulebookIds) {
      for (const role of rulebooks[id].roles) {
        for (const h of role.holders ?? []) {
          // MNT writes the full title only of the unit under this section (保健福祉支援部保健福祉課管理係長)
          if (role.key === 'welfare_section_chief') continue;
          expect(
            role.ruleIds.some((r) => findRule(r)?.text.includes(h.position)),
            `${role.key} ${h.position}`,
          ).toBe(true);
        }
      }
    }
  });
});

describe('ruleIdSet', () => {
  it('keeps each rule once, in the order first cited, across the lists it joins', () => {
    expect(ruleIdSet(['ARK-19-1'], ['ARK-15-1', 'ARK-17-1', 'ARK-19-1', 'ARK-19-3'])).toEqual(['ARK-19-1', 'ARK-15-1', 'ARK-17-1', 'ARK-19-3']);
    expect(ruleIdSet(['MNT-9-2', 'MNT-9-2'])).toEqual(['MNT-9-2']);
    expect(ruleIdSet([], null, undefined, new Set(['KTM-3-7']))).toEqual(['KTM-3-7']);
    expect(ruleIdSet()).toEqual([]);
  });
});

describe('ruleIdsWithin', () => {
  it('keeps the rules of the given rulebooks, by their prefix', () => {
    const userAddition: RuleId[] = ['MNT-10', 'MNT-11-1', 'KTM-10', 'KWO-6'];
    expect(ruleIdsWithin(userAddition, ['MNT'])).toEqual(['MNT-10', 'MNT-11-1']);
    expect(ruleIdsWithin(userAddition, ['KWW', 'KWO'])).toEqual(['KWO-6']);
    expect(ruleIdsWithin(userAddition, ['ARK'])).toEqual([]);
    expect(ruleIdsWithin(['KTM-10', 'KTM-10'], ['KTM'])).toEqual(['KTM-10']);
  });
});
