// The shape a rulebook file is written in. Kept apart from rulebook.types.ts, which reads the type
// RuleId from the rulebook files: the files depend on this shape, and the shape on no rule ID.
import type { MunicipalityCode, RulebookId } from '../model/types.ts';

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
  readonly roles: readonly RoleSource<P>[];
}

/** Which systems a rulebook governs: all systems of the municipality, or the named ones (by system key). */
export type RulebookScope = { readonly kind: 'all' } | { readonly kind: 'systems'; readonly systemKeys: readonly string[] };

/** A role as a rulebook file writes it. */
export interface RoleSource<P extends RulebookId = RulebookId> {
  /** Stable English key, e.g. "information_owner". */
  readonly key: string;
  /** Japanese name as the regulation writes it, e.g. 情報管理責任者. */
  readonly name: string;
  readonly nameEn: string;
  /** The rules of its own rulebook that define it (checked to exist where the rulebooks are listed, index.ts). */
  readonly ruleIds: readonly `${P}-${string}`[];
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
