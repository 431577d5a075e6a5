import { error, redirect } from '@sveltejs/kit';
import type { AnyVariables, OperationContext, TypedDocumentNode } from '@urql/core';
import { ApiError } from '../errors.ts';
import type { ApiFailure, ForbiddenField } from '../errors.ts';
import { query, queryPartial } from './client.ts';

interface LoadContext {
  fetch: typeof fetch;
  url: URL | { pathname: string; search: string };
}

/** `/signin?next=/systems?q=…`, so signing in again returns the user to where they were. */
export function signInHref(url: { pathname: string; search: string }): string {
  const next = `${url.pathname}${url.search}`;
  return next === '/' || next.startsWith('/signin') ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

/**
 * The one query of a screen, run from its `+page.ts`. Gateway refusals become SvelteKit
 * navigation: UNAUTHENTICATED → sign-in (guards are a convenience, the gateway decides),
 * NOT_FOUND / FORBIDDEN → the error page with the code, so it can be shown in ja/en.
 */
export async function loadQuery<Data, Variables extends AnyVariables>(
  event: LoadContext,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  requestPolicy: OperationContext['requestPolicy'] = 'network-only',
): Promise<Data> {
  return failAsNavigation(event, () => query(document, variables, { fetch: event.fetch, requestPolicy }));
}

/** loadQuery for screens with protected fields: withheld values come back as `forbidden`. */
export async function loadPartialQuery<Data, Variables extends AnyVariables>(
  event: LoadContext,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<{ data: Data; forbidden: ForbiddenField[] }> {
  return failAsNavigation(event, () => queryPartial(document, variables, { fetch: event.fetch, requestPolicy: 'network-only' }));
}

async function failAsNavigation<T>(event: LoadContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    const { code, message, ruleIds } = cause.failure;
    switch (code) {
      case 'UNAUTHENTICATED':
        redirect(307, signInHref(event.url));
      case 'NOT_FOUND':
        error(404, { message: message.en, code });
      case 'FORBIDDEN':
        // The refusal says what is missing (and under which rules): keep its wording.
        error(403, { message: message.en, messageJa: message.ja, code, ruleIds });
      case 'BAD_USER_INPUT':
        error(400, { message: message.en, code });
      case 'RATE_LIMITED':
        error(429, { message: message.en, code });
      case 'NETWORK':
        error(503, { message: message.en, code });
      default:
        error(500, { message: message.en, code });
    }
  }
}

/**
 * A query a screen shows the refusal of in place (a decision, an explanation) instead of
 * leaving for the error page; only a lost session still sends the user to sign in.
 */
export async function loadInPlace<Data, Variables extends AnyVariables>(
  event: LoadContext,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<{ data: Data; failure: null } | { data: null; failure: ApiFailure }> {
  try {
    const data = await query(document, variables, { fetch: event.fetch, requestPolicy: 'network-only' });
    return { data, failure: null };
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    if (cause.failure.code === 'UNAUTHENTICATED') redirect(307, signInHref(event.url));
    return { data: null, failure: cause.failure };
  }
}
