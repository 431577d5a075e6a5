import type { SystemDetail } from '#lib/graphql/systems.graphql.ts';
import type { LifecycleStatus, ManagementType } from '#lib/graphql/enums.ts';
import { both, type Localized } from '#lib/i18n/index.svelte.ts';

export const NAME_MAX = 200;
export const BUSINESS_CONTENT_MAX = 2000;

export interface SystemFormValues {
  name: string;
  businessContent: string;
  managingOrgUnitId: string;
  managementType: ManagementType | '';
  lifecycleStatus: LifecycleStatus;
  usingOrgUnitIds: string[];
}

export type SystemFormField = keyof SystemFormValues;
export type FieldErrors = Partial<Record<SystemFormField | '_form', Localized>>;

export function initialValues(system: SystemDetail | null): SystemFormValues {
  if (!system) {
    return {
      name: '',
      businessContent: '',
      managingOrgUnitId: '',
      managementType: '',
      lifecycleStatus: 'IN_SERVICE',
      usingOrgUnitIds: [],
    };
  }
  return {
    name: system.name,
    businessContent: system.businessContent,
    managingOrgUnitId: system.managingOrgUnit.id,
    managementType: system.managementType,
    lifecycleStatus: system.lifecycleStatus,
    usingOrgUnitIds: system.usingOrgUnits.map((unit) => unit.id),
  };
}

/** The same limits the gateway enforces; the gateway stays the authority. */
export function validateField(field: SystemFormField, values: SystemFormValues): Localized | null {
  switch (field) {
    case 'name': {
      const name = values.name.trim();
      if (name === '') return both('validation.name.required');
      if ([...name].length > NAME_MAX) return both('validation.name.tooLong');
      return null;
    }
    case 'businessContent': {
      const businessContent = values.businessContent.trim();
      if (businessContent === '') return both('validation.businessContent.required');
      if ([...businessContent].length > BUSINESS_CONTENT_MAX) {
        return both('validation.businessContent.tooLong');
      }
      return null;
    }
    case 'managingOrgUnitId':
      return values.managingOrgUnitId ? null : both('validation.managingOrgUnit.required');
    case 'managementType':
      return values.managementType ? null : both('validation.managementType.required');
    default:
      return null;
  }
}

export const VALIDATED_FIELDS: SystemFormField[] = ['name', 'businessContent', 'managingOrgUnitId', 'managementType'];

export function validateAll(values: SystemFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of VALIDATED_FIELDS) {
    const error = validateField(field, values);
    if (error) errors[field] = error;
  }
  return errors;
}

/** Server field paths (`["input","orgUnitIds"]`) named after the form's own fields. */
export function formFieldOf(serverField: string): SystemFormField | '_form' {
  switch (serverField) {
    case 'name':
    case 'businessContent':
    case 'managingOrgUnitId':
    case 'managementType':
    case 'lifecycleStatus':
    case 'usingOrgUnitIds':
      return serverField;
    case 'orgUnitIds':
      return 'usingOrgUnitIds';
    default:
      return '_form';
  }
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
