import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DOCS_MODE } from './tree-state.ts';

export const DEMO = {
  municipality: 'arakawa',
  username: 'admin',
  password: 'demo-admin-pass',
} as const;

const screenshotDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Saves a 1440×900 screenshot for the docs (docs/screenshots/<name>.png) when the run refreshes
 * the docs (`npm run docs:screenshots`); a test run writes nothing into the working tree.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (!DOCS_MODE) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, animations: 'disabled' });
}

/** Writes a sample document of the docs (docs/<name>) when the run refreshes the docs, as above. */
export function saveDocsFile(name: string, bytes: Uint8Array): void {
  if (!DOCS_MODE) return;
  const path = fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** Demo sign-ins: municipality minato/kawasaki/kitami/arakawa, users admin, chief, staff1 … */
export interface Credentials {
  municipality: string;
  username: string;
  password: string;
}

/** Signs in through the form, as a user would, and waits for the registry. */
export async function signIn(page: Page, credentials: Partial<Credentials> = {}): Promise<void> {
  const { municipality, username, password } = { ...DEMO, ...credentials };
  await page.goto('/signin');
  await page.getByLabel('自治体').selectOption(municipality);
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(/\/systems(\?|$)/);
  await expect(page.getByRole('heading', { level: 1, name: '電子情報システム台帳' })).toBeVisible();
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * A GraphQL request as an integrator would send it. The request context keeps the session
 * cookie the gateway sets on signIn, so a later call in the same context is signed in.
 */
export async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export async function signInApi(request: APIRequestContext): Promise<void> {
  const result = await graphql<{ signIn: { viewer: { username: string } } }>(
    request,
    `
      mutation ($municipality: String!, $username: String!, $password: String!) {
        signIn(municipality: $municipality, username: $username, password: $password) {
          viewer {
            username
          }
        }
      }
    `,
    { ...DEMO },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
}

/** Opens a system's detail page through the registry search, returning its id. */
export async function openSystem(page: Page, name: string): Promise<string> {
  await page.goto(`/systems?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').pop();
  if (!id) throw new Error(`No system id in ${page.url()}`);
  return id;
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL request from the signed-in page (its session cookie), to compare the page with the API. */
export async function pageGql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<unknown>;
    },
    { query, variables },
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}
