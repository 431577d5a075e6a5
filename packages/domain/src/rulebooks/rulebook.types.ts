// A regulation (規程・要綱・要領) as data: its articles with rule IDs and the roles it defines.
import type { MunicipalityCode, RulebookId } from '../model/types.ts';

/**
 * `PREFIX-article[-paragraph[-item]]`, e.g. ARK-12-2, KWW-6-2, MNT-11, ARK-26-2-2.
 * A branch article keeps its の: 第3条の2 → ARK-3の2, its second paragraph → ARK-3の2-2.
 * An unnumbered first paragraph is paragraph 1 (ARK-12-1), also in single-paragraph articles.
 */
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
  /**
   * Positions the regulation appoints to the role, when it names them; several when the role is
   * split by scope (KWW-3-1: 健康福祉局総務部長 / こども未来局総務部長).
   */
  holders?: { position: string; scope?: string }[];
  /** Key of the role this one assists and may act for (MNT-6-4, MNT-7-3, KWW-4-1, KTM-3-6, ARK-3の2-1). */
  deputyFor?: string;
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
