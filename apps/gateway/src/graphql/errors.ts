import { GraphQLError } from 'graphql';
import {
  NOT_ALLOWED,
  notFoundMessage,
  rateLimitedMessage,
  ruleIdSet,
  SIGN_IN_FIRST,
  staleVersionMessage,
  type Bilingual,
  type CommitteeDecidesRefusal,
  type FieldError,
  type Refusal,
  type RuleId,
} from '@tsukasa/domain';

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
  // A person's decision on a step that only a committee's meeting (or circulation) takes.
  | 'COMMITTEE_DECIDES'
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

/**
 * A field error as an error's extensions carry it: like the error itself, `message` in English and
 * `messageJa` beside it (the domain's FieldError holds both in one `message`).
 */
interface FieldErrorExtension {
  path: FieldError['path'];
  code: FieldError['code'];
  message: string;
  messageJa: string;
  ruleIds?: RuleId[];
}

const fieldErrorExtension = ({ message, ruleIds, ...rest }: FieldError): FieldErrorExtension => ({
  ...rest,
  message: message.en,
  messageJa: message.ja,
  ...(Array.isArray(ruleIds) ? { ruleIds: ruleIdSet(ruleIds) } : {}),
});

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: ErrorExtensions = {}) {
    super(message, { extensions: { code, ...withRuleIdSets(extensions) } });
  }
}

/** The rule IDs an error cites (and those of its field errors), each once; the field errors in their wire shape. */
function withRuleIdSets(extensions: Record<string, unknown>): Record<string, unknown> {
  const out = { ...extensions };
  if (Array.isArray(out['ruleIds'])) out['ruleIds'] = ruleIdSet(out['ruleIds'] as RuleId[]);
  if (Array.isArray(out['fieldErrors'])) out['fieldErrors'] = (out['fieldErrors'] as FieldError[]).map(fieldErrorExtension);
  return out;
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', SIGN_IN_FIRST.en, { messageJa: SIGN_IN_FIRST.ja });
export const forbidden = (why = NOT_ALLOWED.en, ruleIds: RuleId[] = [], whyJa = NOT_ALLOWED.ja) =>
  new AppError('FORBIDDEN', why, { messageJa: whyJa, ruleIds });
/** A refusal whose message the domain words. */
export const forbiddenWith = (message: Bilingual, ruleIds: RuleId[] = []) => forbidden(message.en, ruleIds, message.ja);
export const conflictWith = (message: Bilingual, extensions: ErrorExtensions = {}) =>
  new AppError('CONFLICT', message.en, { messageJa: message.ja, ...extensions });
export const notFound = (what: string, path?: (string | number)[]) => {
  const m = notFoundMessage(what);
  return new AppError('NOT_FOUND', m.en, { messageJa: m.ja, ...(path ? { fieldPath: path } : {}) });
};
export const badInput = (fieldErrors: FieldError[]) =>
  new AppError('BAD_USER_INPUT', fieldErrors.map((e) => `${e.path.join('.')}: ${e.message.en}`).join(' '), {
    messageJa: fieldErrors.map((e) => e.message.ja).join(' '),
    fieldErrors,
  });
export const staleVersion = (what: string, currentVersion: number | null) => {
  const m = staleVersionMessage(what, currentVersion);
  return new AppError('STALE_VERSION', m.en, { messageJa: m.ja, currentVersion });
};

export const rateLimited = (retryAfterSeconds: number) => {
  const m = rateLimitedMessage(retryAfterSeconds);
  return new AppError('RATE_LIMITED', m.en, { messageJa: m.ja, retryAfterSeconds });
};

/** The API error of a refused domain decision. */
export function refusalError(r: Refusal): AppError {
  if (r.code === 'BAD_USER_INPUT') return badInput(r.fieldErrors);
  if (r.code === 'FORBIDDEN') return forbidden(r.message.en, r.ruleIds, r.message.ja);
  return new AppError('CONFLICT', r.message.en, { messageJa: r.message.ja, ...(r.ruleIds.length ? { ruleIds: r.ruleIds } : {}) });
}

/** A person's decision on a committee's step: its meeting decides (extensions: the rules that say so, the committee's key). */
export const committeeDecides = (r: CommitteeDecidesRefusal) =>
  new AppError('COMMITTEE_DECIDES', r.message.en, { messageJa: r.message.ja, ruleIds: r.ruleIds, committeeKey: r.committeeKey });

/** The refusal, if any, thrown. */
export function throwRefusal(r: Refusal | null): void {
  if (r) throw refusalError(r);
}

/** No "Did you mean …?" for anyone: suggestions would reveal the schema to those who may not introspect it. */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean .+?\?(?= |$)/g, '');
