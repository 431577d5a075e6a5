import { Client, CombinedError, cacheExchange, fetchExchange, type AnyVariables, type OperationContext, type TypedDocumentNode } from '@urql/core';
import { ApiError, forbiddenFieldsOf, toApiFailure, type ForbiddenField } from '../errors.ts';

function createApiClient(): Client {
  return new Client({
    // Same origin as the app: the gateway serves both, and sets the HttpOnly session cookie.
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { credentials: 'same-origin' },
    // The gateway's CSRF prevention only accepts JSON POSTs; urql would send queries as GET.
    preferGetMethod: false,
    // Reference data (viewer, org units) may come from the cache; registry screens ask for
    // network-only explicitly, because other administrators edit the same ledger.
    requestPolicy: 'cache-first',
  });
}

let client = createApiClient();

export function getClient(): Client {
  return client;
}

/** Drops every cached answer; called on sign-in and sign-out so no data crosses sessions. */
export function resetClient(): void {
  client = createApiClient();
}

type Fetch = typeof fetch;

export interface RequestOptions {
  /** The `fetch` handed to a `load` function, so SvelteKit can track the request. */
  fetch?: Fetch;
  requestPolicy?: OperationContext['requestPolicy'];
}

function contextFor(options: RequestOptions): Partial<OperationContext> {
  const context: Partial<OperationContext> = {};
  if (options.fetch) context.fetch = options.fetch;
  if (options.requestPolicy) context.requestPolicy = options.requestPolicy;
  return context;
}

/** Runs a query and returns its data, or throws an ApiError carrying the gateway's code. */
export async function query<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Data> {
  const result = await client.query(document, variables, contextFor(options)).toPromise();
  if (result.error) throw new ApiError(toApiFailure(result.error));
  if (!result.data) throw emptyResult();
  return result.data;
}

/**
 * Runs a query over protected fields: FORBIDDEN_FIELD errors come back beside the data (the
 * withheld values are null); any other error throws an ApiError as `query` does.
 */
export async function queryPartial<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<{ data: Data; forbidden: ForbiddenField[] }> {
  const result = await client.query(document, variables, contextFor(options)).toPromise();
  let forbidden: ForbiddenField[] = [];
  if (result.error) {
    const fields = forbiddenFieldsOf(result.error);
    if (!fields || !result.data) throw new ApiError(toApiFailure(result.error));
    forbidden = fields;
  }
  if (!result.data) throw emptyResult();
  return { data: result.data, forbidden };
}

/** Runs a mutation and returns its data, or throws an ApiError carrying the gateway's code. */
export async function mutate<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: RequestOptions = {},
): Promise<Data> {
  const result = await client.mutation(document, variables, contextFor(options)).toPromise();
  if (result.error) throw new ApiError(toApiFailure(result.error));
  if (!result.data) throw emptyResult();
  return result.data;
}

function emptyResult(): ApiError {
  // A response with neither data nor errors breaks the GraphQL spec; report it as unknown.
  return new ApiError(toApiFailure(new CombinedError({ graphQLErrors: [] })));
}
