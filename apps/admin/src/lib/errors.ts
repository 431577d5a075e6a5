import type { CombinedError } from '@urql/core';
import { both, type Localized, type MessageKey } from './i18n/index.svelte.ts';

/** The closed set of `extensions.code` values the gateway emits. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'STALE_VERSION',
  'RATE_LIMITED',
  'CONFLICT',
  'QUORUM_NOT_MET',
  'COMMITTEE_DECIDES',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One entry of `extensions.fieldErrors` on BAD_USER_INPUT, its message in both languages. */
export interface ServerFieldError {
  path: ReadonlyArray<string | number>;
  code: string;
  message: Localized;
}

/** The entry as the error carries it: like the error itself, `message` in English and `messageJa` beside it. */
interface WireFieldError {
  path: ReadonlyArray<string | number>;
  code?: unknown;
  message: string;
  messageJa?: unknown;
}

/** A failed GraphQL operation, reduced to what the screens act on. */
export interface ApiFailure {
  /** The gateway code, NETWORK when the request never got an answer, UNKNOWN otherwise. */
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  message: Localized;
  fieldErrors: ServerFieldError[];
  currentVersion: number | null;
  /** Correlation id the gateway attaches to masked errors, shown so users can quote it. */
  reference: string | null;
  /** Rule IDs behind a refusal (FORBIDDEN, QUORUM_NOT_MET, COMMITTEE_DECIDES), shown as 根拠条文. */
  ruleIds: string[];
}

/**
 * A protected field the viewer may not see (FORBIDDEN_FIELD): the value is null, the rest of
 * the answer stands. `path` is the response path, e.g. ["staffMember", "personalPhone"].
 */
export interface ForbiddenField {
  path: ReadonlyArray<string | number>;
  /** NO_RIGHT, OUTSIDE_DUTY … as the gateway decides it. */
  reason: string;
  message: Localized;
  ruleIds: string[];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The FORBIDDEN_FIELD errors of a result; null when it carries any other error. */
export function forbiddenFieldsOf(error: CombinedError): ForbiddenField[] | null {
  if (error.networkError || error.graphQLErrors.length === 0) return null;
  const fields: ForbiddenField[] = [];
  for (const graphQLError of error.graphQLErrors) {
    const extensions = (graphQLError.extensions ?? {}) as Record<string, unknown>;
    if (extensions.code !== 'FORBIDDEN_FIELD') return null;
    const path = Array.isArray(extensions.fieldPath) ? (extensions.fieldPath as (string | number)[]) : [...(graphQLError.path ?? [])];
    const en = graphQLError.message;
    fields.push({
      path,
      reason: typeof extensions.reason === 'string' ? extensions.reason : 'NO_RIGHT',
      message: { ja: typeof extensions.messageJa === 'string' ? extensions.messageJa : en, en },
      ruleIds: stringList(extensions.ruleIds),
    });
  }
  return fields;
}

/** The refusal for one response path, if the field at that path was withheld. */
export function forbiddenAt(fields: ForbiddenField[], path: ReadonlyArray<string | number>): ForbiddenField | null {
  return fields.find((field) => field.path.length === path.length && field.path.every((segment, i) => segment === path[i])) ?? null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isFieldError(value: unknown): value is WireFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return Array.isArray(candidate.path) && typeof candidate.message === 'string';
}

export function messageForCode(code: ApiFailure['code']): Localized {
  return both(`error.${code}` satisfies MessageKey);
}

export function toApiFailure(error: CombinedError): ApiFailure {
  const first = error.graphQLErrors[0];
  if (!first) {
    return {
      code: error.networkError ? 'NETWORK' : 'UNKNOWN',
      message: messageForCode(error.networkError ? 'NETWORK' : 'UNKNOWN'),
      fieldErrors: [],
      currentVersion: null,
      reference: null,
      ruleIds: [],
    };
  }
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const code = isErrorCode(extensions.code) ? extensions.code : 'UNKNOWN';
  const rawFieldErrors = Array.isArray(extensions.fieldErrors) ? extensions.fieldErrors : [];
  const fieldErrors = rawFieldErrors.filter(isFieldError).map(({ message, messageJa, ...fieldError }): ServerFieldError => ({
    ...fieldError,
    code: typeof fieldError.code === 'string' ? fieldError.code : 'INVALID',
    message: { ja: typeof messageJa === 'string' ? messageJa : message, en: message },
  }));
  const currentVersion = typeof extensions.currentVersion === 'number' ? extensions.currentVersion : null;
  const reference =
    typeof extensions.correlationId === 'string' ? extensions.correlationId : typeof extensions.requestId === 'string' ? extensions.requestId : null;
  // Where the gateway's own wording carries facts (seconds to wait, a reference number, who
  // may act instead, how many members are present), prefer it.
  const serverMessage =
    (code === 'RATE_LIMITED' ||
      code === 'INTERNAL' ||
      code === 'FORBIDDEN' ||
      code === 'CONFLICT' ||
      code === 'QUORUM_NOT_MET' ||
      code === 'COMMITTEE_DECIDES') &&
    typeof extensions.messageJa === 'string'
      ? { ja: extensions.messageJa, en: first.message }
      : null;
  return {
    code,
    message: serverMessage ?? messageForCode(code),
    fieldErrors,
    currentVersion,
    reference,
    ruleIds: stringList(extensions.ruleIds),
  };
}

/**
 * Server field errors keyed by the input field they concern: `["input","name"]` → `name`.
 * Errors on the input as a whole land under `_form`.
 */
export function fieldErrorsByField(fieldErrors: ServerFieldError[]): Record<string, Localized> {
  const byField: Record<string, Localized> = {};
  for (const fieldError of fieldErrors) {
    const segments = fieldError.path.filter((segment) => segment !== 'input');
    const field = segments.length > 0 ? String(segments[0]) : '_form';
    byField[field] ??= fieldError.message;
  }
  return byField;
}

/** Thrown by the query helpers so loaders and handlers can branch on the code. */
export class ApiError extends Error {
  readonly failure: ApiFailure;

  constructor(failure: ApiFailure) {
    super(failure.message.en);
    this.name = 'ApiError';
    this.failure = failure;
  }
}
