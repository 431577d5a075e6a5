// Small helpers to write the demo organisation trees compactly, and to read them back.
import type { OrgUnitLevel } from '@tsukasa/domain';
import type { DataItemSeed, MunicipalitySeed, OrgUnitSeed, PositionSeed } from './seed.types.ts';

export function orgUnit(key: string, name: string, nameEn: string, level: OrgUnitLevel, parentKey?: string): OrgUnitSeed {
  return parentKey === undefined ? { key, name, nameEn, level } : { key, name, nameEn, level, parentKey };
}

/**
 * The head position of an org unit: `<unit>.director` for a department (部長・局長・事務局長 …),
 * `<unit>.chief` for a section or unit (課長・室長・所長・係長). The display name defaults to the
 * unit name followed by 長 when the title is "<last char of the unit name>長" (管理部 → 管理部長),
 * otherwise the unit name followed by the title (子ども家庭総合センター → 子ども家庭総合センター所長).
 */
export function headOf(unit: OrgUnitSeed, title: string, name?: string): PositionSeed {
  const suffix = unit.level === 'department' ? 'director' : 'chief';
  const defaultName = title === `${unit.name.slice(-1)}長` ? `${unit.name}長` : `${unit.name}${title}`;
  return { key: `${unit.key}.${suffix}`, orgUnitKey: unit.key, title, name: name ?? defaultName, kind: 'head' };
}

/** Non-head positions of an org unit: `<unit>.staff1`, `<unit>.staff2` … (係員 by default). */
export function membersOf(unit: OrgUnitSeed, count: number, title = '係員'): PositionSeed[] {
  const name = title === '係員' && unit.name.endsWith('係') ? `${unit.name}員` : `${unit.name}${title}`;
  return Array.from({ length: count }, (_, i) => ({
    key: `${unit.key}.staff${i + 1}`,
    orgUnitKey: unit.key,
    title,
    name,
    kind: 'member' as const,
  }));
}

/** Index of a seed by key, throwing on unknown keys (so a typo fails fast at module load). */
export function keyed<T extends { key: string }>(items: readonly T[]): (key: string) => T {
  const map = new Map(items.map((item) => [item.key, item]));
  return (key: string) => {
    const item = map.get(key);
    if (!item) throw new Error(`unknown key ${key}`);
    return item;
  };
}

/**
 * Full display name of a position as the regulations write it: the names of the ancestors of its
 * org unit, then the position name (健康福祉局 + 長寿社会部 + 介護保険課長 → 健康福祉局長寿社会部介護保険課長).
 * Head positions are named after their own unit (管理部長, 区民センター室長), so only the ancestors are
 * prefixed; other positions also get their own unit's name unless they already start with it
 * (企画担当課長 → 総務企画部企画担当課長, システム総括担当者 → …保健福祉課管理係システム総括担当者).
 */
export function positionFullName(seed: MunicipalitySeed, positionKey: string): string {
  const position = seed.positions.find((p) => p.key === positionKey);
  if (!position) throw new Error(`unknown position ${positionKey}`);
  const units = new Map(seed.orgUnits.map((u) => [u.key, u]));
  const prefix: string[] = [];
  const own = units.get(position.orgUnitKey);
  if (own && position.kind !== 'head' && !position.name.startsWith(own.name)) prefix.push(own.name);
  let parentKey = own?.parentKey;
  while (parentKey !== undefined) {
    const parent = units.get(parentKey);
    if (!parent) break;
    prefix.unshift(parent.name);
    parentKey = parent.parentKey;
  }
  return prefix.join('') + position.name;
}

/** 住民基本台帳法第7条第1号から第8号までに掲げる事項 (ARK-14-1 exemption). */
export const BASIC_RESIDENT_ITEMS: DataItemSeed[] = [
  '氏名',
  '出生の年月日',
  '男女の別',
  '世帯主についてはその旨、世帯主でない者については世帯主の氏名及び世帯主との続柄',
  '戸籍の表示',
  '住民となつた年月日',
  '住所及び一の市町村の区域内において新たに住所を変更した者についてはその住所を定めた年月日',
  '新たに市町村の区域内に住所を定めた者についてはその住所を定めた旨の届出の年月日及び従前の住所',
].map((name, i) => ({ name, basicResidentItem: i + 1, personal: true }));
