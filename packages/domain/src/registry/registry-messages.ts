// The registry's messages (SPEC §4): the ids and references of a system, an information asset and
// the people directory, in both languages.
import { fieldErrorOf } from '../messages.ts';
import type { Bilingual } from '../requests/request.types.ts';
import type { FieldError, Path } from './field-error.ts';

/** What a reference names, as its messages say it. */
export const REGISTRY_LABELS = {
  managingSection: { ja: '管理に係る所管', en: 'Managing section' },
  usingSection: { ja: '利用課', en: 'Using section' },
  position: { ja: '職', en: 'Position' },
} as const satisfies Record<string, Bilingual>;

export const referenceIdMalformed = (path: Path, label: Bilingual): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', { ja: `${label.ja}のIDが正しくありません。`, en: `${label.en} id is malformed.` });
export const referenceNotFound = (path: Path, label: Bilingual): FieldError =>
  fieldErrorOf(path, 'NOT_FOUND', { ja: `${label.ja}が見つかりません。`, en: `${label.en} not found.` });

export const systemIdMalformedError = (path: Path): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', { ja: 'システムIDが正しくありません。', en: 'System id is malformed.' });
export const assetIdMalformed = (path: Path = ['input', 'informationAssetId']): FieldError =>
  fieldErrorOf(path, 'INVALID_VALUE', { ja: '情報資産IDが正しくありません。', en: 'Information asset id is malformed.' });

/** KWW-5-1: an information asset has at least one owner (情報管理責任者). */
export function assetOwnersErrors(ownerPositionIds: readonly string[], path: Path = ['input', 'ownerPositionIds']): FieldError[] {
  return ownerPositionIds.length === 0
    ? [fieldErrorOf(path, 'REQUIRED', { ja: '情報管理責任者を1名以上指定してください。', en: 'An information asset needs at least one owner.' }, ['KWW-5-1'])]
    : [];
}

// ---- the people directory ----------------------------------------------------------------------------

export const PEOPLE_MESSAGES = {
  orgUnitIdMalformed: { ja: '組織のIDが正しくありません。', en: 'Org unit id is malformed.' },
  searchTooLong: { ja: '検索語は100文字以内で入力してください。', en: 'Search text must be at most 100 characters.' },
  cursorInvalid: { ja: 'ページ位置の指定が正しくありません。', en: 'The cursor is not valid.' },
} as const satisfies Record<string, Bilingual>;

/** The directory's filter: a well-formed org unit id, search text of at most 100 characters. */
export function peopleFilterErrors(filter: { orgUnitIdMalformed: boolean; text?: string | null }): FieldError[] {
  if (filter.orgUnitIdMalformed) return [fieldErrorOf(['filter', 'orgUnitId'], 'INVALID_VALUE', PEOPLE_MESSAGES.orgUnitIdMalformed)];
  if (filter.text && [...filter.text].length > 100) return [fieldErrorOf(['filter', 'text'], 'TOO_LONG', PEOPLE_MESSAGES.searchTooLong)];
  return [];
}

export const cursorInvalid = (path: Path = ['after']): FieldError => fieldErrorOf(path, 'INVALID_VALUE', PEOPLE_MESSAGES.cursorInvalid);
