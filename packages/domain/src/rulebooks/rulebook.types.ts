// A regulation (規程・要綱・要領) as data: its articles with rule IDs and the roles it defines.
import type { MunicipalityCode, RulebookId } from '../model/types.ts';
import type { RuleId } from './rule-id.ts';

export type { RuleId, RuleIdOf } from './rule-id.ts';

/**
 * The shape a rulebook file is written in (`{ … } as const satisfies RulebookSource<'ARK'>`): every
 * ID under the rulebook's own prefix. The file keeps its literal types, and the type RuleId is read
 * from them (rule-id.ts), so the rulebooks are the one list of the rules that exist.
 */
export interface RulebookSource<P extends RulebookId = RulebookId> {
  readonly id: P;
  readonly municipality: MunicipalityCode;
  readonly title: string;
  readonly titleEn: string;
  readonly reference: string;
  readonly effectiveOn: string;
  readonly scope: RulebookScope;
  readonly articles: readonly {
    readonly ruleId: `${P}-${string}`;
    readonly number: string;
    readonly caption: string;
    readonly captionEn: string;
    readonly paragraphs: readonly {
      readonly ruleId: `${P}-${string}`;
      readonly text: string;
      readonly items?: readonly { readonly ruleId: `${P}-${string}`; readonly text: string }[];
    }[];
  }[];
  /** Roles cite rules of their own rulebook; that each exists is checked where the rulebooks are listed (index.ts). */
  readonly roles: readonly (Omit<RoleDefinition, 'ruleIds'> & { readonly ruleIds: readonly `${P}-${string}`[] })[];
}

/** Which systems a rulebook governs: all systems of the municipality, or the named ones (by system key). */
export type RulebookScope = { readonly kind: 'all' } | { readonly kind: 'systems'; readonly systemKeys: readonly string[] };

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

export interface RoleDefinition {
  /** Stable English key, e.g. "information_owner". */
  readonly key: string;
  /** Japanese name as the regulation writes it, e.g. 情報管理責任者. */
  readonly name: string;
  readonly nameEn: string;
  readonly ruleIds: readonly RuleId[];
  /** What the role does, one Japanese sentence. */
  readonly description: string;
  /**
   * Positions the regulation appoints to the role, when it names them; several when the role is
   * split by scope (KWW-3-1: 健康福祉局総務部長 / こども未来局総務部長).
   */
  readonly holders?: readonly { readonly position: string; readonly scope?: string }[];
  /** Key of the role this one assists and may act for (MNT-6-4, MNT-7-3, KWW-4-1, KTM-3-6, ARK-3の2-1). */
  readonly deputyFor?: string;
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
