// The forms a rulebook prescribes (様式) for a request, filled from what the database holds: the request's
// content labelled as its kind's fields, the applicant and their post on the filing day, and the approval
// boxes from the route's decisions. Minato's 福祉総合システム運用要領 (MNT) prescribes them; see
// packages/documents/src/minato-forms.ts.
import { authRepo, requestRepo, toDate, toDateOrNull } from '@tsukasa/db';
import {
  formFileName,
  minatoForm,
  minatoFormsOfKind,
  renderFormPdf,
  type FormEntry,
  type FormTable,
  type MinatoFormDefinition,
  type PrescribedForm,
} from '@tsukasa/documents';
import { fieldsFor, findRequestKind, formatWareki, localDateAt, rulebooks, type FormField, type RulebookId } from '@tsukasa/domain';
import type { Context } from '../../graphql/context.ts';
import { loadAll } from '../../graphql/loaders.ts';
import type { ResolvedActors } from './actors.ts';

/** What a step's decision prints as, in the seal-like mark. */
const DECISION_JA: Record<string, string> = {
  approved: '承認',
  rejected: '却下',
  returned: '差戻し',
  consented: '同意',
  performed: '実施済',
  confirmed: '確認済',
  informed: '報告済',
};
const NEGATIVE = new Set(['rejected', 'returned']);

/** The forms a request is printed on: only for the rulebooks that prescribe forms (MNT). */
export function formsOfRequest(rulebookId: string, kindKey: string): MinatoFormDefinition[] {
  return rulebookId === 'MNT' ? minatoFormsOfKind(kindKey) : [];
}

type StaffLike = { family_name: string; given_name: string };
const fullName = (s: StaffLike) => `${s.family_name} ${s.given_name}`;

async function staffName(ctx: Context, id: unknown): Promise<string> {
  if (typeof id !== 'string') return '';
  const s = await ctx.loaders.staff.load(id);
  return s ? fullName(s) : id;
}

/** The post a person held on a day: its title and the section it sits in. */
export async function postOf(ctx: Context, staffId: string, at: Date): Promise<{ section: string | null; title: string | null }> {
  const day = localDateAt(at);
  const held = (await ctx.loaders.tenuresOfStaff.load(staffId)).filter((t) => t.valid_from <= day && (t.valid_to === null || t.valid_to >= day));
  const first = held[0];
  if (!first) return { section: null, title: null };
  const [position, unit] = await Promise.all([ctx.loaders.position.load(first.position_id), ctx.loaders.orgUnit.load(first.org_unit_id)]);
  // One level up tells the five 区民課 apart by their 地区総合支所, and a 係 by its 課.
  const parent = unit?.parent_id ? await ctx.loaders.orgUnit.load(unit.parent_id) : null;
  const section = unit ? (parent ? `${parent.name} ${unit.name}` : unit.name) : null;
  return { section, title: position?.name ?? null };
}

function dateText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  try {
    return formatWareki(value, { withWestern: true });
  } catch {
    return value;
  }
}

async function valueLines(ctx: Context, field: FormField, value: unknown): Promise<string[]> {
  if (value === null || value === undefined || value === '') return [];
  switch (field.type) {
    case 'date':
    case 'datetime':
      return [dateText(value)];
    case 'boolean':
      return [value === true ? '要' : '不要'];
    case 'staff':
      return [await staffName(ctx, value)];
    case 'staffList':
      return Array.isArray(value) ? Promise.all(value.map((v) => staffName(ctx, v))) : [];
    case 'orgUnit': {
      const unit = typeof value === 'string' ? await ctx.loaders.orgUnit.load(value) : null;
      return [unit?.name ?? String(value)];
    }
    case 'position': {
      const position = typeof value === 'string' ? await ctx.loaders.position.load(value) : null;
      return [position?.name ?? String(value)];
    }
    case 'system': {
      const system = typeof value === 'string' ? await ctx.loaders.system.load(value) : null;
      return [system?.name ?? String(value)];
    }
    case 'select':
      return [field.options?.find((o) => o.value === value)?.label.ja ?? String(value)];
    default:
      if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      return String(value).split('\n');
  }
}

/** The rows of a bulk update (第3号様式) as a table. */
async function userChangesTable(ctx: Context, field: FormField, value: unknown): Promise<FormTable> {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  return {
    caption: field.label.ja,
    columns: ['区分', '職員', '操作権限', '使用期限'],
    rows: await Promise.all(
      rows.map(async (r) => [
        r['action'] === 'add' ? '追加' : r['action'] === 'remove' ? '削除' : String(r['action'] ?? ''),
        await staffName(ctx, r['staffId']),
        typeof r['authorityProfile'] === 'string' ? r['authorityProfile'] : '',
        dateText(r['validTo']),
      ]),
    ),
  };
}

async function actorNames(ctx: Context, a: ResolvedActors): Promise<string> {
  const names: string[] = [];
  for (const p of await loadAll(ctx.loaders.position, a.positionIds ?? [])) names.push(p.name);
  for (const s of await loadAll(ctx.loaders.staff, a.staffIds ?? [])) names.push(fullName(s));
  if (a.contractorId) names.push('保守業務受託者');
  return names.join('・');
}

export async function requestForm(ctx: Context, request: requestRepo.RequestRow, def: MinatoFormDefinition): Promise<PrescribedForm> {
  const db = await ctx.db.em();
  const kind = findRequestKind(request.kind_key);
  const rulebookId = request.rulebook_id as RulebookId;
  const filedAt = toDate(request.filed_at);
  const [municipality, requester, post, steps] = await Promise.all([
    authRepo.municipalityById(db, ctx.viewer!.municipalityId),
    ctx.loaders.staff.load(request.requester_id),
    postOf(ctx, request.requester_id, filedAt),
    requestRepo.stepsOfRequests(db, [request.id]),
  ]);

  const entries: FormEntry[] = [];
  let table: FormTable | null = null;
  if (request.system_id) {
    const system = await ctx.loaders.system.load(request.system_id);
    if (system) entries.push({ label: 'システム', values: [system.name] });
  }
  const fields = kind ? fieldsFor(kind, rulebookId) : [];
  for (const field of fields) {
    if (def.fieldKeys && !def.fieldKeys.includes(field.key)) continue;
    const value = request.content[field.key];
    if (field.type === 'userChanges') {
      table = await userChangesTable(ctx, field, value);
      continue;
    }
    entries.push({ label: field.label.ja, values: await valueLines(ctx, field, value) });
  }

  const chosen = steps.filter((s) => (def.stepKeys ? def.stepKeys.includes(s.key) : s.kind !== 'inform'));
  // The contractor's entry in the 確認欄 (MNT-14-3): what was done and when it was completed.
  const perform = steps.find((s) => s.key === 'perform' && s.decision);
  if (def.number === 4 || def.number === 5) {
    const record = (perform?.record ?? {}) as Record<string, unknown>;
    const done = record['完了日'] ?? record['completedOn'];
    const what = record['対応内容'] ?? perform?.comment;
    entries.push({ label: '対応内容', values: typeof what === 'string' ? what.split('\n') : [] });
    entries.push({
      label: '作業完了日',
      values: typeof done === 'string' ? [dateText(done)] : perform?.decided_at ? [formatWareki(toDate(perform.decided_at), { withWestern: true })] : [],
    });
  }
  if (request.due_on) entries.push({ label: '期限', values: [dateText(request.due_on)] });

  const approvals = await Promise.all(
    chosen.map(async (s) => {
      const [by, behalf] = await Promise.all([
        s.decided_by_id ? ctx.loaders.staff.load(s.decided_by_id) : null,
        s.on_behalf_of_id ? ctx.loaders.staff.load(s.on_behalf_of_id) : null,
      ]);
      return {
        role: await actorNames(ctx, {
          positionIds: s.actor_position_ids,
          staffIds: s.actor_staff_ids,
          contractorId: s.actor_contractor_id,
          committeeId: s.actor_committee_id,
        }),
        step: s.label_ja,
        decision: s.decision ? (DECISION_JA[s.decision] ?? s.decision) : null,
        negative: s.decision ? NEGATIVE.has(s.decision) : false,
        decidedBy: by ? fullName(by) : s.decision && s.actor_contractor_id ? '保守業務受託者' : null,
        onBehalfOf: behalf ? fullName(behalf) : null,
        decidedAt: toDateOrNull(s.decided_at),
      };
    }),
  );

  return {
    municipalityName: municipality?.name ?? '',
    rulebookTitle: rulebooks[rulebookId]?.title ?? rulebookId,
    formNumber: def.formNumber,
    article: def.article,
    title: def.title,
    number: request.number,
    date: filedAt,
    addressee: def.addressee ?? '',
    applicant: { section: post.section, title: post.title, name: requester ? fullName(requester) : request.requester_id },
    applicantLabel: def.applicantLabel,
    lead: def.lead,
    entries,
    table,
    approvals,
    ruleIds: [...def.ruleIds],
  };
}

export function formDefinition(rulebookId: string, kindKey: string, number: number): MinatoFormDefinition | null {
  const def = minatoForm(number);
  return def && formsOfRequest(rulebookId, kindKey).includes(def) ? def : null;
}

export async function renderPaperForm(form: PrescribedForm) {
  const buffer = await renderFormPdf(form);
  return { fileName: formFileName(form), mimeType: 'application/pdf', base64: buffer.toString('base64') };
}
