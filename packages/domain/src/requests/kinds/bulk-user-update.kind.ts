// ユーザの一括更新 on personnel transfer: MNT-12 (第3号様式).
import { fieldError, type FieldError } from '../../registry/field-error.ts';
import type { RequestKind, RouteContext, RouteResult } from '../request.types.ts';
import { bi, field, isIsoDate, note, notDefinedIn, path, reasonField, result, role, staged, step } from './kind-helpers.ts';
import type { RuleId } from '../../rulebooks/rule-id.ts';

const name = bi('ユーザ一括更新申請', 'Bulk user update');

/** One row of 第3号様式. */
export interface UserChangeRow {
  action: 'add' | 'remove';
  staffId: string;
  authorityProfile?: string;
  validTo?: string;
}

const RULES: RuleId[] = ['MNT-12-1'];

function validate(ctx: RouteContext): FieldError[] {
  const rows = ctx.content['changes'];
  if (!Array.isArray(rows)) return []; // validateContent reports the missing field
  const errors: FieldError[] = [];
  if (rows.length < 2) {
    errors.push(
      fieldError(
        path('changes'),
        'INVALID_VALUE',
        'A bulk update is for several users; use the user addition (form 1) or termination (form 2) for one.',
        '一括更新は複数の職員等が対象です。1名の場合は使用許可申請（第1号様式）又は使用終了通知（第2号様式）を使用してください。',
        RULES,
      ),
    );
  }
  const seen = new Set<string>();
  rows.forEach((row: unknown, i) => {
    const at = (key: string) => path('changes', i, key);
    if (typeof row !== 'object' || row === null) {
      errors.push(fieldError(path('changes', i), 'INVALID_VALUE', `Row ${i + 1} is not a change.`, `${i + 1}行目の内容が正しくありません。`, RULES));
      return;
    }
    const r = row as Record<string, unknown>;
    if (r['action'] !== 'add' && r['action'] !== 'remove') {
      errors.push(fieldError(at('action'), 'INVALID_VALUE', `Row ${i + 1}: choose add or remove.`, `${i + 1}行目：追加又は削除を選択してください。`, RULES));
    }
    const staffId = typeof r['staffId'] === 'string' ? r['staffId'].trim() : '';
    if (!staffId) {
      errors.push(fieldError(at('staffId'), 'REQUIRED', `Row ${i + 1}: choose the staff member.`, `${i + 1}行目：職員を選択してください。`, RULES));
    } else if (seen.has(staffId)) {
      errors.push(fieldError(at('staffId'), 'DUPLICATE', `Row ${i + 1}: the staff member appears twice.`, `${i + 1}行目：同じ職員が重複しています。`, RULES));
    } else {
      seen.add(staffId);
    }
    if (r['action'] === 'add' && (typeof r['authorityProfile'] !== 'string' || r['authorityProfile'].trim() === '')) {
      errors.push(
        fieldError(
          at('authorityProfile'),
          'REQUIRED',
          `Row ${i + 1}: give the authority profile of the new user.`,
          `${i + 1}行目：追加するユーザの操作権限を入力してください。`,
          ['MNT-12-1', 'MNT-17-1'],
        ),
      );
    }
    if (r['validTo'] !== undefined && r['validTo'] !== null && !isIsoDate(r['validTo'])) {
      errors.push(
        fieldError(at('validTo'), 'INVALID_VALUE', `Row ${i + 1}: the end date is not a date.`, `${i + 1}行目：使用期限の日付が正しくありません。`, [
          'MNT-11-1',
        ]),
      );
    }
    if (r['action'] === 'remove' && r['validTo'] !== undefined && r['validTo'] !== null) {
      errors.push(
        fieldError(
          at('validTo'),
          'INVALID_VALUE',
          `Row ${i + 1}: a removal has no end date to declare.`,
          `${i + 1}行目：削除の行には使用期限を指定できません。`,
          ['MNT-11-1'],
        ),
      );
    }
  });
  return errors;
}

function route(ctx: RouteContext): RouteResult {
  if (ctx.rulebookId !== 'MNT') return notDefinedIn(name, ctx);
  const rows = Array.isArray(ctx.content['changes']) ? (ctx.content['changes'] as Partial<UserChangeRow>[]) : [];
  const adds = rows.filter((r) => r?.action === 'add').length;
  const removes = rows.filter((r) => r?.action === 'remove').length;
  const steps = staged(
    step('judge', 'approve', role('MNT', 'welfare_section_chief'), bi('使用の妥当性の判断', 'Judge whether the changes are warranted'), ['MNT-12-2']),
    step('apply', 'perform', role('MNT', 'welfare_section_chief'), bi('一括更新', 'Apply all changes'), ['MNT-12-2', 'MNT-4-1-3']),
  );
  const notes = [
    note(
      `追加${adds}件・削除${removes}件を一括して判断し、一括して更新します。全件を反映するか、いずれも反映しないかのどちらかです（一部だけ反映されることはありません）。`,
      `${adds} additions and ${removes} removals are judged together and applied together: all of them or none.`,
      ['MNT-12-1', 'MNT-12-2'],
    ),
  ];
  return result(steps, notes);
}

export const bulkUserUpdateKind: RequestKind = {
  key: 'bulk_user_update',
  name,
  paperForms: { MNT: '第3号様式' },
  rulebookIds: ['MNT'],
  filers: [role('MNT', 'using_section_chief')],
  fields: [field('changes', 'userChanges', '更新内容（追加・削除）', 'Changes (additions and removals)', true, { ruleIds: RULES }), reasonField(['MNT-12-1'])],
  validate,
  route,
  effect: 'bulk_update_accounts',
  ruleIds: ['MNT-12'],
};
