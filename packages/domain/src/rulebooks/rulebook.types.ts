// A regulation (規程・要綱・要領) as data: its articles with rule IDs and the roles it defines.
import type { MunicipalityCode, RulebookId } from '../model/types.ts';

/** `PREFIX-article[-paragraph[-item]]`, e.g. ARK-12-2, KWW-6-2, MNT-11, ARK-2-2 (第2条の2 → "2.2"? see below). */
export type RuleId = string;

export interface Paragraph {
  ruleId: RuleId;
  /** Japanese original text of the paragraph (items included). */
  text: string;
  items?: { ruleId: RuleId; text: string }[];
}

export interface Article {
  ruleId: RuleId;
  /** 第12条 */
  number: string;
  /** 新規導入等の申請 */
  caption: string;
  captionEn: string;
  paragraphs: Paragraph[];
}

export interface RoleDefinition {
  /** Stable English key, e.g. "information_owner". */
  key: string;
  /** Japanese name as the regulation writes it, e.g. 情報管理責任者. */
  name: string;
  nameEn: string;
  ruleIds: RuleId[];
  /** What the role does, one Japanese sentence. */
  description: string;
}

export interface Rulebook {
  id: RulebookId;
  municipality: MunicipalityCode;
  title: string;
  titleEn: string;
  /** e.g. 平成15年3月31日 訓令甲第6号 */
  reference: string;
  /** ISO date of the version transcribed (last amendment in force). */
  effectiveOn: string;
  /** Which systems it governs: all systems of the municipality, or the named ones (by system key). */
  scope: { kind: 'all' } | { kind: 'systems'; systemKeys: string[] };
  articles: Article[];
  roles: RoleDefinition[];
}
