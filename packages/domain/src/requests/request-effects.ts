// What an approved request changes (SPEC §5), as far as the rules decide it: the change that cannot
// be made refuses the final decision, with the reason in both languages.
import { conflictBecause, type Refusal } from '../refusal.ts';
import type { Bilingual } from './request.types.ts';

export const EFFECT_MESSAGES = {
  noSystem: { ja: '申請にシステムが指定されていません。', en: 'The request names no system.' },
  accountExists: { ja: 'この職員はすでにこのシステムのアカウントを持っています。', en: 'The person already has an account on this system.' },
  noOpenAccount: { ja: 'この職員はこのシステムのアカウントを持っていません。', en: 'The person has no open account on this system.' },
  requesterWithoutPosition: { ja: '申請者の所属が見つかりません。', en: 'The requester holds no position.' },
  noLicences: { ja: 'このシステムのライセンスが登録されていません。', en: 'No licences are registered for this system.' },
} as const satisfies Record<string, Bilingual>;

export type EffectConflict = keyof typeof EFFECT_MESSAGES;
export const effectConflict = (why: EffectConflict): Refusal => conflictBecause(EFFECT_MESSAGES[why]);

/** The authority profile of an account a request adds without naming one. */
export const DEFAULT_AUTHORITY_PROFILE = '照会';

/** The reason recorded on an account a request ends or suspends. */
export const accountChangeReason = (requestNumber: string, bulk = false): string => (bulk ? `申請 ${requestNumber}（一括更新）` : `申請 ${requestNumber}`);

/**
 * MNT-18-1: a section's licences change only within those purchased — the other sections' total
 * and the new count together never exceed the purchased total.
 */
export function licenceChangeRefusal(totals: { purchasedTotal: number; otherSectionsTotal: number }, newCount: number): Refusal | null {
  if (totals.otherSectionsTotal + newCount > totals.purchasedTotal) {
    return conflictBecause({
      ja: `購入済みライセンス数（${totals.purchasedTotal}）を超えるため変更できません（MNT-18-1）。`,
      en: `The total would exceed the ${totals.purchasedTotal} purchased licences (MNT-18-1).`,
    });
  }
  return null;
}
