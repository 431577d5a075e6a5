// The request form is generated from the kind's fields (RequestKind.fields): one value per
// field while editing, turned into the request's `content` for the preview and the filing.
import { both, type Localized, type MessageKey } from '../i18n/index.svelte.ts';
import type { ServerFieldError } from '../errors.ts';
import { isoToLocalInput, localInputToIso } from '../dates.ts';
import type { RequestFormField, RequestKind } from '../graphql/requests.graphql.ts';

export interface UserChangeRow {
  action: 'add' | 'remove';
  staffId: string;
  authorityProfile: string;
  validTo: string;
}

/** The value of one field while editing. */
export type FieldValue = string | boolean | string[] | UserChangeRow[];
export type FormValues = Record<string, FieldValue>;

export type KindGroup = 'accounts' | 'systems' | 'data' | 'other';
export const KIND_GROUPS: readonly KindGroup[] = ['accounts', 'systems', 'data', 'other'];

const GROUP_OF_KIND: Record<string, KindGroup> = {
  user_addition: 'accounts',
  user_termination: 'accounts',
  bulk_user_update: 'accounts',
  access_rights_update: 'accounts',
  licence_count_change: 'accounts',
  usage_suspension: 'accounts',
  usage_reinstatement: 'accounts',
  password_reset: 'accounts',
  work_request: 'systems',
  system_modification: 'systems',
  new_system_introduction: 'systems',
  system_retirement: 'systems',
  procedure_definition: 'systems',
  data_use_consultation: 'data',
};

export function kindGroup(kindKey: string): KindGroup {
  return GROUP_OF_KIND[kindKey] ?? 'other';
}

export function groupLabelKey(group: KindGroup): MessageKey {
  return `newRequest.group.${group}`;
}

/** Kinds that concern no existing system: a new introduction, a consultation on data use. */
const KINDS_WITHOUT_SYSTEM = new Set(['new_system_introduction', 'data_use_consultation']);

export function kindNeedsSystem(kindKey: string): boolean {
  return !KINDS_WITHOUT_SYSTEM.has(kindKey);
}

/**
 * The rulebooks a kind may be filed under in this municipality: the systems offered for it are
 * those those rulebooks govern (in Kawasaki, KWO for the ward offices, KWW for welfare).
 */
export function rulebooksFor(kind: RequestKind, municipalityRulebooks: readonly string[]): string[] {
  const shared = kind.rulebookIds.filter((id) => municipalityRulebooks.includes(id));
  return shared.length > 0 ? shared : [...municipalityRulebooks];
}

export function emptyValue(field: RequestFormField): FieldValue {
  switch (field.type) {
    case 'boolean':
      return false;
    case 'staffList':
    case 'assetList':
    case 'dataItems':
      return [];
    case 'userChanges':
      return [];
    default:
      return '';
  }
}

export function emptyValues(kind: RequestKind): FormValues {
  return Object.fromEntries(kind.fields.map((field) => [field.key, emptyValue(field)]));
}

function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The request's `content`: empty fields left out, numbers as numbers, date-times as instants. */
export function toContent(kind: RequestKind, values: FormValues): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const field of kind.fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    if (field.type === 'boolean') {
      content[field.key] = value === true;
      continue;
    }
    if (isEmpty(value)) continue;
    switch (field.type) {
      case 'number': {
        const text = String(value).trim();
        content[field.key] = /^-?\d+$/.test(text) ? Number(text) : text;
        break;
      }
      case 'datetime':
        content[field.key] = localInputToIso(String(value)) ?? String(value);
        break;
      case 'text':
      case 'textarea':
        content[field.key] = String(value).trim();
        break;
      case 'userChanges':
        content[field.key] = (value as UserChangeRow[]).map((row) => {
          const entry: Record<string, string> = { action: row.action, staffId: row.staffId };
          if (row.action === 'add') {
            if (row.authorityProfile.trim()) entry.authorityProfile = row.authorityProfile.trim();
            if (row.validTo) entry.validTo = row.validTo;
          }
          return entry;
        });
        break;
      default:
        content[field.key] = value;
    }
  }
  return content;
}

/** A filed request's content back into editable values (resubmission after a return). */
export function fromContent(kind: RequestKind, content: Record<string, unknown>): FormValues {
  const values = emptyValues(kind);
  for (const field of kind.fields) {
    const raw = content[field.key];
    if (raw === undefined || raw === null) continue;
    switch (field.type) {
      case 'boolean':
        values[field.key] = raw === true;
        break;
      case 'staffList':
      case 'assetList':
      case 'dataItems':
        values[field.key] = Array.isArray(raw) ? raw.map(String) : [];
        break;
      case 'userChanges':
        values[field.key] = Array.isArray(raw)
          ? raw.map((row) => {
              const entry = (row ?? {}) as Record<string, unknown>;
              return {
                action: entry.action === 'remove' ? 'remove' : 'add',
                staffId: typeof entry.staffId === 'string' ? entry.staffId : '',
                authorityProfile: typeof entry.authorityProfile === 'string' ? entry.authorityProfile : '',
                validTo: typeof entry.validTo === 'string' ? entry.validTo : '',
              } satisfies UserChangeRow;
            })
          : [];
        break;
      case 'datetime':
        values[field.key] = typeof raw === 'string' ? isoToLocalInput(raw) : '';
        break;
      default:
        values[field.key] = String(raw);
    }
  }
  return values;
}

/** Client-side checks from the field's own constraints; the gateway checks everything again. */
export function validateField(field: RequestFormField, value: FieldValue | undefined): Localized | null {
  const label = field.label;
  const withLabel = (key: MessageKey, params: Record<string, string | number> = {}): Localized => ({
    ja: both(key, { ...params, label: label.ja }).ja,
    en: both(key, { ...params, label: label.en }).en,
  });
  if (field.type === 'boolean') return null;
  if (isEmpty(value)) return field.required ? withLabel('validation.required') : null;
  if ((field.type === 'text' || field.type === 'textarea') && field.maxLength !== null) {
    if (String(value).trim().length > field.maxLength) return withLabel('validation.maxLength', { max: field.maxLength });
  }
  if (field.type === 'number') {
    const text = String(value).trim();
    if (!/^-?\d+$/.test(text)) return withLabel('validation.number');
    const number = Number(text);
    if (field.min !== null && number < field.min) return withLabel('validation.min', { min: field.min });
    if (field.max !== null && number > field.max) return withLabel('validation.max', { max: field.max });
  }
  if (field.type === 'userChanges') {
    const rows = value as UserChangeRow[];
    for (const [index, row] of rows.entries()) {
      if (!row.staffId) return both('validation.rowStaff', { row: index + 1 });
      if (row.action === 'add' && row.authorityProfile.trim() === '') return both('validation.rowAuthority', { row: index + 1 });
    }
  }
  return null;
}

export function validateAll(kind: RequestKind, values: FormValues): Record<string, Localized> {
  const errors: Record<string, Localized> = {};
  for (const field of kind.fields) {
    const error = validateField(field, values[field.key]);
    if (error) errors[field.key] = error;
  }
  return errors;
}

/**
 * Server errors keyed by the form field they concern: ['content','validTo'] → validTo,
 * ['input','systemId'] → systemId; anything else under `_form`.
 */
export function serverErrorsByField(errors: ReadonlyArray<Pick<ServerFieldError, 'path' | 'message'>>): Record<string, Localized> {
  const byField: Record<string, Localized> = {};
  for (const error of errors) {
    const segments = error.path.filter((segment) => segment !== 'input').map(String);
    const key = segments[0] === 'content' ? (segments[1] ?? '_form') : (segments[0] ?? '_form');
    byField[key] ??= error.message;
  }
  return byField;
}

/** A fresh key per filing attempt (kept for a retry of the same attempt). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
