import { GraphQLError } from 'graphql';
import { ruleIdSet, type FieldError, type RuleId } from '@tsukasa/domain';

/** The closed error vocabulary of the API (`extensions.code`). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'STALE_VERSION'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'FORBIDDEN_FIELD'
  | 'QUORUM_NOT_MET'
  // Query limits (graphql/limits.ts): refused before anything runs.
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_FIELDS'
  | 'QUERY_TOO_COSTLY'
  | 'QUERY_TOO_LARGE'
  | 'TOO_MANY_DIRECTIVES'
  | 'BATCH_NOT_ALLOWED'
  | 'INTERNAL';

/** What an error carries besides its code; the rules it cites are RuleIds. */
export type ErrorExtensions = Record<string, unknown> & { ruleIds?: readonly RuleId[]; fieldErrors?: readonly FieldError[] };

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: ErrorExtensions = {}) {
    super(message, { extensions: { code, ...withRuleIdSets(extensions) } });
  }
}

/** The rule IDs an error cites (and those of its field errors), each once. */
function withRuleIdSets(extensions: Record<string, unknown>): Record<string, unknown> {
  const out = { ...extensions };
  if (Array.isArray(out['ruleIds'])) out['ruleIds'] = ruleIdSet(out['ruleIds'] as RuleId[]);
  if (Array.isArray(out['fieldErrors'])) {
    out['fieldErrors'] = (out['fieldErrors'] as FieldError[]).map((e) => (Array.isArray(e.ruleIds) ? { ...e, ruleIds: ruleIdSet(e.ruleIds) } : e));
  }
  return out;
}

export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 'Sign in first.', { messageJa: 'サインインしてください。' });
export const forbidden = (why = 'You are not allowed to do this.', ruleIds: RuleId[] = [], whyJa = 'この操作を行う権限がありません。') =>
  new AppError('FORBIDDEN', why, { messageJa: whyJa, ruleIds });
export const notFound = (what: string, path?: (string | number)[]) =>
  new AppError('NOT_FOUND', `${what} not found.`, { messageJa: `${what}が見つかりません。`, ...(path ? { fieldPath: path } : {}) });
export const badInput = (fieldErrors: FieldError[]) =>
  new AppError('BAD_USER_INPUT', fieldErrors.map((e) => `${e.path.join('.')}: ${e.message}`).join(' '), {
    messageJa: fieldErrors.map((e) => e.messageJa).join(' '),
    fieldErrors,
  });
export const staleVersion = (what: string, currentVersion: number | null) =>
  new AppError('STALE_VERSION', `${what} was changed by someone else since you loaded it (current version ${currentVersion ?? 'unknown'}). Reload and apply your change again.`, {
    messageJa: `他の利用者がこの${what === 'System' ? 'システム' : 'データ'}を更新しました。最新の内容を読み込んでから、もう一度変更してください。`,
    currentVersion,
  });
/**
 * A wait as people say it, in both languages: whole minutes from a minute on (15分後 / in 15
 * minutes — a sign-in lockout), seconds below a minute (3秒後 / in 3 seconds).
 */
export function waitFor(seconds: number): { ja: string; en: string } {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return { ja: `${minutes}分後`, en: `in ${minutes} minute${minutes === 1 ? '' : 's'}` };
  }
  const s = Math.max(1, Math.ceil(seconds));
  return { ja: `${s}秒後`, en: `in ${s} second${s === 1 ? '' : 's'}` };
}

export const rateLimited = (retryAfterSeconds: number) => {
  const wait = waitFor(retryAfterSeconds);
  return new AppError('RATE_LIMITED', `Too many attempts. Try again ${wait.en}.`, {
    messageJa: `試行回数が多すぎます。${wait.ja}に再度お試しください。`,
    retryAfterSeconds,
  });
};

/** No "Did you mean …?" for anyone: suggestions would reveal the schema to those who may not introspect it. */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean .+?\?(?= |$)/g, '');
