// What signing in and API tokens answer, in both languages.
import { fieldErrorOf } from './messages.ts';
import type { FieldError } from './registry/field-error.ts';
import type { Bilingual } from './requests/request.types.ts';

/** Unknown municipality, unknown user and wrong password get the same answer. */
export const SIGN_IN_FAILED: Bilingual = {
  ja: '自治体、ユーザー名またはパスワードが正しくありません。',
  en: 'The municipality, username or password is wrong.',
};

/** A sign-in names a municipality (≤ 32), a username (≤ 60) and a password (≤ 200). */
export function signInInputErrors(input: { municipality: string; username: string; password: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.municipality || input.municipality.length > 32)
    errors.push(fieldErrorOf(['municipality'], 'INVALID_VALUE', { ja: '自治体を選択してください。', en: 'Choose a municipality.' }));
  if (!input.username || input.username.length > 60)
    errors.push(fieldErrorOf(['username'], 'REQUIRED', { ja: 'ユーザー名を入力してください。', en: 'Enter your username.' }));
  if (!input.password || input.password.length > 200)
    errors.push(fieldErrorOf(['password'], 'REQUIRED', { ja: 'パスワードを入力してください。', en: 'Enter your password.' }));
  return errors;
}

/** An API token has a name (≤ 100) and at least one scope, each a known one (the scopes given without repeats). */
export function apiTokenInputErrors(input: { name: string }, scopes: readonly string[], knownScopes: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.name?.trim() || input.name.length > 100)
    errors.push(
      fieldErrorOf(['input', 'name'], 'REQUIRED', { ja: 'トークン名を100文字以内で入力してください。', en: 'Name the token (at most 100 characters).' }),
    );
  if (scopes.length === 0)
    errors.push(fieldErrorOf(['input', 'scopes'], 'REQUIRED', { ja: 'スコープを1つ以上選択してください。', en: 'Choose at least one scope.' }));
  scopes.forEach((s, i) => {
    if (!knownScopes.includes(s))
      errors.push(fieldErrorOf(['input', 'scopes', i], 'INVALID_VALUE', { ja: `不明なスコープです: ${s}`, en: `Unknown scope ${s}.` }));
  });
  return errors;
}
