// The messages every area of the API speaks, in both languages: signing in, the generic refusal,
// what was not found, a stale version, too many attempts.
import { fieldError, type FieldError, type Path } from './registry/field-error.ts';
import type { Bilingual } from './requests/request.types.ts';

export const SIGN_IN_FIRST: Bilingual = { ja: 'サインインしてください。', en: 'Sign in first.' };
export const NOT_ALLOWED: Bilingual = { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' };

/** "<what> not found." — `what` is the API's name of the thing (Request, Step …). */
export const notFoundMessage = (what: string): Bilingual => ({ ja: `${what}が見つかりません。`, en: `${what} not found.` });

/** Someone else changed the thing since it was loaded. */
export const staleVersionMessage = (what: string, currentVersion: number | null): Bilingual => ({
  ja: `他の利用者がこの${what === 'System' ? 'システム' : 'データ'}を更新しました。最新の内容を読み込んでから、もう一度変更してください。`,
  en: `${what} was changed by someone else since you loaded it (current version ${currentVersion ?? 'unknown'}). Reload and apply your change again.`,
});

/**
 * A wait as people say it, in both languages: whole minutes from a minute on (15分後 / in 15
 * minutes — a sign-in lockout), seconds below a minute (3秒後 / in 3 seconds).
 */
export function waitFor(seconds: number): Bilingual {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return { ja: `${minutes}分後`, en: `in ${minutes} minute${minutes === 1 ? '' : 's'}` };
  }
  const s = Math.max(1, Math.ceil(seconds));
  return { ja: `${s}秒後`, en: `in ${s} second${s === 1 ? '' : 's'}` };
}

export const rateLimitedMessage = (retryAfterSeconds: number): Bilingual => {
  const wait = waitFor(retryAfterSeconds);
  return { ja: `試行回数が多すぎます。${wait.ja}に再度お試しください。`, en: `Too many attempts. Try again ${wait.en}.` };
};

/** Too many requests from one caller (サービス不能攻撃への対処, ARK-26-1-1): when to try again. */
export const tooManyRequestsMessage = (retryAfterSeconds: number): Bilingual => {
  const wait = waitFor(retryAfterSeconds);
  return { ja: `リクエストが多すぎます。${wait.ja}に再度お試しください。`, en: `Too many requests. Try again ${wait.en}.` };
};

/** A field error carrying a bilingual message. */
export const fieldErrorOf = (path: Path, code: FieldError['code'], message: Bilingual, ruleIds?: FieldError['ruleIds']): FieldError =>
  fieldError(path, code, message.en, message.ja, ruleIds);
