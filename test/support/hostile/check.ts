// The verdict on one answer to a hostile request.
import type { HostileCase } from './cases.ts';

/** The API's closed error vocabulary (README → "Errors"), without INTERNAL. */
export const TYPED_CODES = new Set([
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

/** What must never be in an answer: stack frames, source paths, database messages, suggestions. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat\s+(?:async\s+)?[\w.<>$[\]]*\s*\(?(?:file:|node:|\/)[^\s)]*:\d+:\d+/],
  ['a source path', /(?:\/[\w.@-]+)+\.(?:ts|js|mjs|cjs)\b/],
  ['node_modules', /node_modules/],
  ['a stack trace', /"(?:stack|stacktrace)"\s*:/],
  [
    'a database message',
    /syntax error at or near|relation "[^"]+" does not exist|violates [\w ]*constraint|invalid input syntax for type|invalid byte sequence|permission denied for|current transaction is aborted/,
  ],
  ['a suggestion', /Did you mean/],
];

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/** Empty of meaning: null, [], or an object whose values are all empty (a connection with no edges, a zero count). */
const rootIsEmpty = (v: unknown): boolean => v === null || v === undefined;

/** The problems with an answer ([] when it is a proper refusal). */
export function verdict(c: HostileCase, a: Answer, foreignNames: readonly string[]): string[] {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`HTTP ${a.status}`);
  for (const [what, pattern] of LEAKS)
    if (pattern.test(a.text)) problems.push(`${what} in the body: ${a.text.slice(Math.max(0, a.text.search(pattern) - 80), a.text.search(pattern) + 120)}`);
  if (!/^application\/(graphql-response\+)?json\b/.test(a.contentType ?? '')) problems.push(`content type ${a.contentType ?? 'none'}`);
  let body: Body;
  try {
    body = JSON.parse(a.text) as Body;
  } catch {
    return [...problems, `not JSON: ${a.text.slice(0, 200)}`];
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  for (const e of errors) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !TYPED_CODES.has(code)) problems.push(`error code ${String(code)}: ${String(e.message).slice(0, 200)}`);
  }
  const data = body.data ?? null;
  if (c.expect === 'refused') {
    if (errors.length === 0) problems.push(`not refused: ${a.text.slice(0, 300)}`);
    if (data && !Object.values(data).every(rootIsEmpty)) problems.push(`data despite the refusal: ${JSON.stringify(data).slice(0, 300)}`);
  }
  const dataText = JSON.stringify(data);
  for (const id of c.foreignIds ?? []) if (dataText.includes(id)) problems.push(`another municipality's id ${id} in the data`);
  for (const name of foreignNames) if (a.text.includes(name)) problems.push(`another municipality's name ${name} in the answer`);
  return problems;
}
