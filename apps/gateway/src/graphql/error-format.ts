// The error formatter: every error the API answers, in the vocabulary of errors.ts.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { withoutSuggestions, type ErrorCode } from './errors.ts';
import { limitErrors, tokenLimitOf } from './limits.ts';

const known = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'STALE_VERSION',
  'CONFLICT',
  'RATE_LIMITED',
  'FORBIDDEN_FIELD',
  'QUORUM_NOT_MET',
  'COMMITTEE_DECIDES',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_FIELDS',
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_LARGE',
  'TOO_MANY_DIRECTIVES',
  'BATCH_NOT_ALLOWED',
]);
// Apollo's own request-level refusals, passed through as they are (they reveal nothing).
const apolloCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One exhaustive mapping to the wire: known codes pass with their extensions, Apollo's input
 * errors are reported as BAD_USER_INPUT (with Apollo's code kept as `reason`), everything else is
 * masked as INTERNAL with the request's correlation id, and logged in full.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, ctx: { requestId: string; log: (e: unknown) => void }): GraphQLFormattedError {
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
  if (
    original instanceof GraphQLError &&
    !(original as GraphQLError).originalError &&
    /^(Variable|Argument|Expected|Enum|Int|String|ID|Boolean|Float)\b/.test(original.message)
  ) {
    return {
      message: withoutSuggestions(original.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', reason: 'ARGUMENT_COERCION' },
    };
  }
  ctx.log(original);
  return {
    message: `Internal error. Reference: ${ctx.requestId}`,
    path: formatted.path,
    extensions: { code: 'INTERNAL', requestId: ctx.requestId, messageJa: `内部エラーが発生しました。問い合わせ番号: ${ctx.requestId}` },
  };
}
