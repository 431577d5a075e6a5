// A regulation (規程・要綱・要領) as data: its articles with rule IDs and the roles it defines.
import type { MunicipalityCode, RulebookId } from '../model/types.ts';
import type { RuleId } from './rule-id.ts';
import type { RoleSource, RulebookScope } from './rulebook-source.ts';

export type { RuleId, RuleIdOf } from './rule-id.ts';
export type { RoleSource, RulebookScope, RulebookSource } from './rulebook-source.ts';

/** An item (号) of a paragraph. */
export interface Item {
  readonly ruleId: RuleId;
  readonly text: string;
}

export interface Paragraph {
  readonly ruleId: RuleId;
  /** Japanese original text of the paragraph (items included). */
  readonly text: string;
  readonly items?: readonly Item[];
}

export interface Article {
  readonly ruleId: RuleId;
  /** 第12条 */
  readonly number: string;
  /** 新規導入等の申請 */
  readonly caption: string;
  readonly captionEn: string;
  readonly paragraphs: readonly Paragraph[];
}

/** A role the regulation defines, citing the rules that define it. */
export interface RoleDefinition extends Omit<RoleSource, 'ruleIds'> {
  readonly ruleIds: readonly RuleId[];
}

export interface Rulebook {
  readonly id: RulebookId;
  readonly municipality: MunicipalityCode;
  readonly title: string;
  readonly titleEn: string;
  /** e.g. 平成15年3月31日 訓令甲第6号 */
  readonly reference: string;
  /** ISO date of the version transcribed (last amendment in force). */
  readonly effectiveOn: string;
  /** Which systems it governs: all systems of the municipality, or the named ones (by system key). */
  readonly scope: RulebookScope;
  readonly articles: readonly Article[];
  readonly roles: readonly RoleDefinition[];
}
