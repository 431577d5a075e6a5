import type { MessageKey } from '#lib/i18n/index.svelte.ts';

/** The protected fields of the API, and the kind of information asset each belongs to. */
export const PROTECTED_FIELDS = [
  { field: 'personalPhone', kind: 'staff_contacts' },
  { field: 'networkDescription', kind: 'system_security' },
  { field: 'vulnerabilityNotes', kind: 'system_security' },
  { field: 'dataItems', kind: null },
  { field: 'email', kind: 'contractor_contacts' },
  { field: 'phone', kind: 'contractor_contacts' },
  { field: 'contactNetworks', kind: 'emergency_contacts' },
] as const;

export type ProtectedField = (typeof PROTECTED_FIELDS)[number]['field'];

export function isProtectedField(value: string): value is ProtectedField {
  return PROTECTED_FIELDS.some((entry) => entry.field === value);
}

export function fieldLabelKey(field: ProtectedField): MessageKey {
  return `field.${field}`;
}

/** The asset kind a field belongs to (null: the asset's own data items, any asset). */
export function kindOfField(field: ProtectedField): string | null {
  return PROTECTED_FIELDS.find((entry) => entry.field === field)?.kind ?? null;
}
