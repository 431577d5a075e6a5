import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ruleIdSet, type FieldError, type RuleId } from '@tsukasa/domain';
import { limitErrors, tokenLimitOf } from './limits.ts';

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

const known = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'STALE_VERSION', 'CONFLICT', 'RATE_LIMITED', 'FORBIDDEN_FIELD', 'QUORUM_NOT_MET',
  'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_FIELDS', 'QUERY_TOO_COSTLY', 'QUERY_TOO_LARGE', 'TOO_MANY_DIRECTIVES', 'BATCH_NOT_ALLOWED']);
// Apollo's own request-level refusals, passed through as they are (they reveal nothing).
const apolloCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * One exhaustive mapping to the wire: known codes pass with their extensions, Apollo's input
 * errors are reported as BAD_USER_INPUT (with Apollo's code kept as `reason`), everything else is
 * masked as INTERNAL with the request's correlation id, and logged in full.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  ctx: { requestId: string; log: (e: unknown) => void },
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && known.has(code as ErrorCode)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutSuggestions(formatted.message), extensions };
  }
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // A query limit reported by a validation rule: Apollo files it under GRAPHQL_VALIDATION_FAILED.
  const originalCode = original instanceof GraphQLError ? (original.extensions.code as string | undefined) : undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && originalCode && known.has(originalCode as ErrorCode)) {
    const { http: _h, stacktrace: _s, ...extensions } = (original as GraphQLError).extensions;
    return { message: formatted.message, locations: formatted.locations, extensions };
  }
  // The parser stops at the token limit (graphql/limits.ts) with a syntax error.
  const tokenLimit = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOf(formatted.message) : undefined;
  if (tokenLimit !== undefined) {
    const refusal = limitErrors.tokens(null, tokenLimit);
    return { message: refusal.message, extensions: refusal.extensions };
  }
  if (code && apolloCodes.has(code)) {
    return { message: withoutSuggestions(formatted.message), locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', reason: code } };
  }
  // Argument coercion failures (wrong scalar types, bad enum values) are the caller's mistake.
  if (original instanceof GraphQLError && !(original as GraphQLError).originalError && /^(Variable|Argument|Expected|Enum|Int|String|ID|Boolean|Float)\b/.test(original.message)) {
    return { message: withoutSuggestions(original.message), locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', reason: 'ARGUMENT_COERCION' } };
  }
  ctx.log(original);
  return {
    message: `Internal error. Reference: ${ctx.requestId}`,
    path: formatted.path,
    extensions: { code: 'INTERNAL', requestId: ctx.requestId, messageJa: `内部エラーが発生しました。問い合わせ番号: ${ctx.requestId}` },
  };
}
