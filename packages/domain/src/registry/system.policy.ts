import type { ClassificationScale, LifecycleStatus, ManagementType } from '../model/types.ts';
import { fieldError, type FieldError } from './field-error.ts';
import { textError } from './text-policy.ts';

export const SYSTEM_NAME_MAX = 200;
export const BUSINESS_CONTENT_MAX = 2000;

export const lifecycleStatuses: readonly LifecycleStatus[] = ['proposed', 'in_service', 'under_change', 'retiring', 'retired'];
export const managementTypes: readonly ManagementType[] = ['digital_section', 'system_section'];

/** Labels of the registry's enumerations as administrators read them. */
export const lifecycleStatusLabel: Record<LifecycleStatus, { ja: string; en: string }> = {
  proposed: { ja: '導入予定', en: 'Proposed' },
  in_service: { ja: '稼働中', en: 'In service' },
  under_change: { ja: '改修中', en: 'Under change' },
  retiring: { ja: '廃止予定', en: 'Retiring' },
  retired: { ja: '廃止', en: 'Retired' },
};

export const managementTypeLabel: Record<ManagementType, { ja: string; en: string }> = {
  // ARK-4-1 / ARK-4-2
  digital_section: { ja: 'デジタル推進課管理', en: 'Managed by the digital section' },
  system_section: { ja: 'システム所管課管理', en: 'Managed by a system-managing section' },
};

export interface SystemDraft {
  name?: string | null;
  businessContent?: string | null;
  managingOrgUnitId?: string | null;
  managementType?: string | null;
  lifecycleStatus?: string | null;
}

/**
 * Validates a system record (create: every required field; update: only fields present).
 * Text is trimmed; control and invisible formatting characters are refused (the name is one line).
 */
export function validateSystemDraft(draft: SystemDraft, mode: 'create' | 'update', base: (string | number)[] = ['input']): FieldError[] {
  const errors: FieldError[] = [];
  const text = (field: 'name' | 'businessContent', max: number, ja: string, en: string) => {
    const value = draft[field];
    if (value === undefined && mode === 'update') return;
    if (value === null || value === undefined || value.trim() === '') {
      errors.push(fieldError([...base, field], 'REQUIRED', `${en} is required.`, `${ja}を入力してください。`));
      return;
    }
    if ([...value.trim()].length > max) {
      errors.push(fieldError([...base, field], 'TOO_LONG', `${en} must be at most ${max} characters.`, `${ja}は${max}文字以内で入力してください。`));
    }
    // The name is one line; the business content may run over several (registry/text-policy.ts).
    const refused = textError([...base, field], value, field === 'name' ? 'line' : 'multiline', { en, ja });
    if (refused) errors.push(refused);
  };
  text('name', SYSTEM_NAME_MAX, 'システム名', 'System name');
  text('businessContent', BUSINESS_CONTENT_MAX, '業務内容', 'Business content');
  if (mode === 'create' || draft.managingOrgUnitId !== undefined) {
    if (!draft.managingOrgUnitId) {
      errors.push(fieldError([...base, 'managingOrgUnitId'], 'REQUIRED', 'Managing section is required.', '管理に係る所管を選択してください。', ['ARK-4']));
    }
  }
  if (draft.managementType != null && !managementTypes.includes(draft.managementType as ManagementType)) {
    errors.push(fieldError([...base, 'managementType'], 'INVALID_VALUE', 'Unknown management type.', '管理区分が正しくありません。', ['ARK-4']));
  }
  if (draft.lifecycleStatus != null && !lifecycleStatuses.includes(draft.lifecycleStatus as LifecycleStatus)) {
    errors.push(fieldError([...base, 'lifecycleStatus'], 'INVALID_VALUE', 'Unknown lifecycle status.', '状態が正しくありません。'));
  }
  return errors;
}

/** The CIA values a municipality's scale admits (SPEC §3; ARK-26-2-2). */
export const classificationValues: Record<ClassificationScale, { confidentiality: string[]; integrity: string[]; availability: string[] }> = {
  guideline_2024: { confidentiality: ['3A', '3B', '3C', '2', '1'], integrity: ['2', '1'], availability: ['2', '1'] },
  legacy_3_2_1: { confidentiality: ['3', '2', '1'], integrity: ['2', '1'], availability: ['2', '1'] },
};

export function validateClassification(
  scale: ClassificationScale,
  c: { confidentiality: string; integrity: string; availability: string },
  base: (string | number)[] = ['input'],
): FieldError[] {
  const allowed = classificationValues[scale];
  const errors: FieldError[] = [];
  const labels = { confidentiality: ['機密性', 'Confidentiality'], integrity: ['完全性', 'Integrity'], availability: ['可用性', 'Availability'] } as const;
  for (const axis of ['confidentiality', 'integrity', 'availability'] as const) {
    if (!allowed[axis].includes(c[axis])) {
      const [ja, en] = labels[axis];
      errors.push(
        fieldError(
          [...base, axis],
          'INVALID_VALUE',
          `${en} must be one of ${allowed[axis].join(', ')} on this municipality's scale.`,
          `${ja}は ${allowed[axis].join('・')} のいずれかを指定してください。`,
          ['ARK-26-2-2'],
        ),
      );
    }
  }
  return errors;
}

/** Whether a confidentiality value is 機密性3 or above (protected fields, SPEC §5). */
export function isConfidentialityThreeOrAbove(value: string): boolean {
  return value.startsWith('3');
}
